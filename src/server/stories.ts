/**
 * The API's view of the stories: summaries reused for a short time (their version, kept in the store, versions
 * the cached views, so a write by any process sharing the store shows once the summary is re-read), and story
 * ids that answer for the story they were merged into (a 308 to the same route of that one).
 */
import type { Context } from 'hono';
import type { IngestReport, Store, StorySummary } from '../store/index.js';
import { ApiError, validate } from './http.js';
import { storyId } from './schemas.js';

export class StoryVersions {
  private readonly summaries = new Map<string, { at: number; summary: StorySummary }>();

  constructor(
    private readonly store: Store,
    /** How long a summary is reused, in ms: writes by another process show within this time. */
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The story with this id (or the one it was merged into); 404 when there is none. */
  async summary(id: string): Promise<StorySummary> {
    const sid = validate(storyId, id, 'story id');
    const hit = this.summaries.get(sid);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.summary;
    const s = await this.store.getStory(sid);
    if (!s) throw new ApiError(404, `no story "${sid}"`);
    if (this.summaries.size > 10_000) this.summaries.clear();
    this.summaries.set(sid, { at: this.now(), summary: s });
    return s;
  }

  /** The story a route (`/api/stories/:id<route>`) names; one merged into another is redirected (308). */
  async ofRoute(c: Context, route: string): Promise<StorySummary> {
    const requested = c.req.param('id') ?? '';
    const s = await this.summary(requested);
    if (s.id === requested) return s;
    const location = `/api/stories/${encodeURIComponent(s.id)}${route}${new URL(c.req.url).search}`;
    throw new ApiError(
      308,
      `story "${requested}" was merged into "${s.id}"`,
      { Location: location, 'Cache-Control': 'no-cache' },
      { mergedInto: s.id, location },
    );
  }

  /** What the story's cached views are valid for (the store's version of the story, and its counts). */
  version(s: StorySummary): string {
    return `${s.version}\u0000${s.articles}\u0000${s.from}\u0000${s.to}`;
  }

  /** A write through this server changed these stories: their summaries (and with them versions) are re-read. */
  written(report: IngestReport): void {
    const merged = report.merged ?? [];
    const changed = new Set([...report.storiesTouched, ...merged.flatMap((m) => [m.from, m.into])]);
    for (const [k, v] of this.summaries)
      if (changed.has(k) || changed.has(v.summary.id)) this.summaries.delete(k);
  }
}
