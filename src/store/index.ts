/**
 * The store interface (implementation: SQLite via better-sqlite3, owned by the store work).
 * The CLI commands, the feed watcher and the HTTP API use only this interface.
 */
import type { Article, Entity, EntityType, IsoDay, Timeline, TimelineOptions } from '../model.js';

export interface IngestReport {
  /** Ids of newly stored articles. */
  added: string[];
  /** Ids of inputs that were already stored (same content hash or canonical URL). */
  duplicates: string[];
  /** Stories created or changed by this batch. */
  storiesTouched: string[];
}

export interface StorySummary {
  id: string;
  title: string;
  articles: number;
  from: IsoDay | null;
  to: IsoDay | null;
  topEntities: { name: string; type: EntityType; mentions: number }[];
  sources: string[];
}

export interface SearchFilters {
  entity?: string;
  source?: string;
  from?: IsoDay;
  to?: IsoDay;
  story?: string;
  limit?: number;
}

export interface SearchHit {
  articleId: string;
  title: string | null;
  source: string | null;
  publishedAt: IsoDay | null;
  url: string | null;
  snippet: string;
  score: number;
}

export interface StoredQuote {
  speaker: string | null;
  text: string;
  cue: string | null;
  date: IsoDay | null;
  articleId: string;
  storyId: string | null;
}

export type ExportFormat = 'json' | 'markdown' | 'html' | 'timelinejs';

export interface Store {
  readonly path: string;
  /** Analyse (if not yet analysed) and store articles, idempotently, in one transaction per batch. */
  ingest(articles: Article[]): IngestReport;
  listStories(): StorySummary[];
  getStory(id: string): StorySummary | null;
  storyTimeline(id: string, options?: TimelineOptions): Timeline;
  queryTimeline(query: string, options?: TimelineOptions): Timeline;
  search(terms: string, filters?: SearchFilters): SearchHit[];
  entities(filters?: { story?: string; type?: EntityType; limit?: number }): Entity[];
  quotes(filters?: { speaker?: string; story?: string; limit?: number }): StoredQuote[];
  getArticles(ids: string[]): Article[];
  exportStory(id: string, format: ExportFormat): string;
  importStory(json: string): { storyId: string; articles: number };
  close(): void;
}

/** STUB: opens (creating if needed) the store at `path` (default: see defaultStorePath). */
export function openStore(_path?: string, _options: { readonly?: boolean } = {}): Store {
  throw new Error('the store is not implemented yet');
}

/** `$CHRONICLE_DB`, else `.chronicle/chronicle.db` in the current directory. */
export function defaultStorePath(): string {
  return process.env.CHRONICLE_DB || '.chronicle/chronicle.db';
}
