/** Timelines built from the store: a stored story (`--story`) or the articles matching a query (`--query`). */
import type { Timeline, TimelineOptions } from '../model.js';
import { openCliStore } from '../store/cli.js';

export async function timelineFromStore(
  where: { db?: string; story?: string },
  options: TimelineOptions,
): Promise<{ timeline: Timeline; title: string }> {
  const store = await openCliStore(where.db);
  try {
    if (where.story) {
      const story = await store.getStory(where.story);
      if (!story) throw new Error(`${store.path}: no story "${where.story}" (see \`chronicle stories\`)`);
      return { timeline: await store.storyTimeline(where.story, options), title: story.title || story.id };
    }
    const q = Array.isArray(options.query) ? options.query.join(' ') : (options.query ?? '');
    return { timeline: await store.queryTimeline(q, options), title: `Timeline: ${q}` };
  } finally {
    await store.close();
  }
}
