/**
 * The store interface (implementation: SQLite via better-sqlite3, owned by the store work).
 * The CLI commands, the feed watcher and the HTTP API use only this interface.
 */
import type { Article, Entity, EntityType, IsoDay, Timeline, TimelineOptions } from '../model.js';
import { SqliteStore, type IngestOptions, type OpenOptions } from './sqlite.js';

export { SqliteStore, StoreError, ftsQuery, type IngestOptions, type OpenOptions } from './sqlite.js';

export { contentHash } from '../util/content-hash.js';

export interface IngestReport {
  /** Ids of newly stored articles. */
  added: string[];
  /** Ids of inputs that were already stored (same content hash or canonical URL). */
  duplicates: string[];
  /** Stories created or changed by this batch that still exist (stories merged away are in `merged`). */
  storiesTouched: string[];
  /** Stories merged into another by this batch (the `from` story no longer exists). */
  merged?: { from: string; into: string }[];
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
  ingest(articles: Article[], options?: IngestOptions): IngestReport;
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

/**
 * Opens (creating if needed) the store at `path` (default: see defaultStorePath). Throws a StoreError naming
 * the file when it is corrupt, from a newer Chronicle, or cannot be written; such files are left untouched.
 */
export function openStore(path: string = defaultStorePath(), options: OpenOptions = {}): Store & SqliteStore {
  return new SqliteStore(path, options);
}

/** `$CHRONICLE_DB`, else `.chronicle/chronicle.db` in the current directory. */
export function defaultStorePath(): string {
  return process.env.CHRONICLE_DB || '.chronicle/chronicle.db';
}
