/**
 * The API's view of the stories: summaries reused for a short time (they version the cached views), a
 * version per story that writes through this server move on, and story ids that answer for the story they
 * were merged into (a 308 to the same route of that one).
 */
import type { Context } from 'hono';
import type { IngestReport, Store, StorySummary } from '../store/index.js';
import { ApiError, validate } from './http.js';
import { storyId } from './schemas.js';

export class StoryVersions {
  private readonly summaries = new Map<string, { at: number; summary: StorySummary }>();
  /** Bumped for each story a write through this server touches: with the story's counts it versions its views. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly store: Store,
    /** How long a summary is reused, in ms: writes by another process show within this time. */
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The story with this id (or the one it was merged into); 404 when there is none. */
  summary(id: string): StorySummary {
    const sid = validate(storyId, id, 'story id');
    const hit = this.summaries.get(sid);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.summary;
    const s = this.store.getStory(sid);
    if (!s) throw new ApiError(404, `no story "${sid}"`);
    if (this.summaries.size > 10_000) this.summaries.clear();
    this.summaries.set(sid, { at: this.now(), summary: s });
    return s;
  }

  /** The story a route (`/api/stories/:id<route>`) names; one merged into another is redirected (308). */
  ofRoute(c: Context, route: string): StorySummary {
    const requested = c.req.param('id') ?? '';
    const s = this.summary(requested);
    if (s.id === requested) return s;
    const location = `/api/stories/${encodeURIComponent(s.id)}${route}${new URL(c.req.url).search}`;
    throw new ApiError(
      308,
      `story "${requested}" was merged into "${s.id}"`,
      { Location: location, 'Cache-Control': 'no-cache' },
      { mergedInto: s.id, location },
    );
  }

  /** What the story's cached views are valid for. */
  version(s: StorySummary): string {
    return `${this.generation.get(s.id) ?? 0}\u0000${s.articles}\u0000${s.from}\u0000${s.to}`;
  }

  /** A write through this server changed these stories: their versions move on, their summaries are re-read. */
  written(report: IngestReport): void {
    const merged = report.merged ?? [];
    const changed = new Set([...report.storiesTouched, ...merged.flatMap((m) => [m.from, m.into])]);
    for (const id of changed) this.generation.set(id, (this.generation.get(id) ?? 0) + 1);
    for (const [k, v] of this.summaries)
      if (changed.has(k) || changed.has(v.summary.id)) this.summaries.delete(k);
  }
}
