/**
 * Exporting a stored story: JSON (re-importable), Markdown, HTML and TimelineJS JSON; and importing a JSON
 * export. Both work over the Store interface, whatever the backend (the store does not know about formats).
 */
import type { Analysis, Timeline } from '../model.js';
import { StoreError, type ExportFormat, type Store, type StorySummary } from '../store/types.js';
import { escapeMarkdown, timelineMarkdown } from './markdown.js';
import { timelineHtml } from './html.js';
import { parseStoryExport, storyJson } from './story-json.js';
import { timelineJs } from './timelinejs.js';

export { parseStoryExport, storyJson, STORY_FORMAT, type StoryExport } from './story-json.js';
export { timelineJs, type TimelineJs } from './timelinejs.js';

export const EXPORT_FORMATS: ExportFormat[] = ['json', 'markdown', 'html', 'timelinejs'];

export interface StoryMaterial {
  story: StorySummary;
  analysis: Analysis;
  timeline: Timeline;
}

function subtitle(s: StorySummary): string {
  const span = s.from ? (s.to && s.to !== s.from ? `${s.from} to ${s.to}` : s.from) : 'undated';
  return `${s.articles} article${s.articles === 1 ? '' : 's'}, ${span}${s.sources.length ? `; sources: ${s.sources.join(', ')}` : ''}`;
}

/** Render a story's material in one of the export formats. */
export function renderExport(m: StoryMaterial, format: ExportFormat): string {
  const title = m.story.title || m.story.id;
  switch (format) {
    case 'json':
      return JSON.stringify(storyJson(m.story, m.analysis, m.timeline)) + '\n';
    case 'markdown':
      // A function, not a replacement string: a `$&` in a source name must stay text.
      return timelineMarkdown(m.timeline, title).replace(
        /\n/,
        () => `\n\n_${escapeMarkdown(subtitle(m.story))}_\n`,
      );
    case 'html':
      return timelineHtml(m.timeline, title);
    case 'timelinejs':
      return JSON.stringify(timelineJs(m.timeline, title, subtitle(m.story)), null, 2) + '\n';
    default:
      throw new Error(`unknown export format "${String(format)}"`);
  }
}

/** Export a stored story (by its id, or an id it had before a merge). */
export async function exportStory(
  store: Pick<Store, 'path' | 'getStory' | 'storyAnalysis' | 'storyTimeline'>,
  id: string,
  format: ExportFormat,
): Promise<string> {
  const story = await store.getStory(id);
  if (!story) throw new StoreError(store.path, `no story "${id}" (see \`chronicle stories\`)`, 'no-story');
  const [analysis, timeline] = [await store.storyAnalysis(story.id), await store.storyTimeline(story.id)];
  return renderExport({ story, analysis, timeline }, format);
}

/**
 * Import a story exported as JSON (no re-analysis): its articles go into one new story, which keeps the exported
 * id when the store has no story by that id (else it gets a new one). Articles already stored are skipped;
 * `storyId` is null when none was new.
 */
export async function importStory(
  store: Pick<Store, 'ingest'>,
  json: string,
  source = 'import',
): Promise<{ storyId: string | null; articles: number }> {
  const data = parseStoryExport(json, source);
  if (!data.articles.length) throw new StoreError(source, 'the story has no articles', 'bad-input');
  const r = await store.ingest(data.articles, {
    analyze: 'never',
    entities: data.entities,
    newStory: data.story.id,
  });
  return { storyId: r.added.length ? (r.into ?? null) : null, articles: r.added.length };
}
