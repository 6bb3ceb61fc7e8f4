/**
 * The store interface, whatever the backend (SQLite in a file, or PostgreSQL): every method returns a Promise,
 * so that a backend behind a network connection implements it as naturally as one in the process. The CLI
 * commands, the feed watcher, the queue workers and the HTTP API use only this interface (and the functions
 * over it: export and import in src/export).
 */
import type { Analysis, Article, Entity, EntityType, IsoDay, Timeline, TimelineOptions } from '../model.js';
import type { AnalyzeOptions } from '../pipeline.js';
import type { AnalyzerPool } from '../parallel/pool.js';

export { StoreError, storeFailure, type StoreErrorCode, type StoreFailure } from './errors.js';

export interface IngestReport {
  /** Ids of newly stored articles. */
  added: string[];
  /** Ids of inputs that were already stored (same content hash or canonical URL). */
  duplicates: string[];
  /** Stories created or changed by this batch that still exist (stories merged away are in `merged`). */
  storiesTouched: string[];
  /** Stories merged into another by this batch (the `from` story no longer exists). */
  merged?: { from: string; into: string }[];
  /** With the `story` or `newStory` option given as an id: the story the new articles went into. */
  into?: string;
}

export interface StorySummary {
  id: string;
  title: string;
  articles: number;
  from: IsoDay | null;
  to: IsoDay | null;
  topEntities: { name: string; type: EntityType; mentions: number }[];
  sources: string[];
  /** Moves on whenever the story changes (articles added, entities merged), in every process using the store:
   * what cached views of the story are valid for. */
  version: number;
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

export interface StoreStats {
  articles: number;
  stories: number;
  entities: number;
  /** Bytes the store takes (file and journal; the tables and indexes of a PostgreSQL store). */
  bytes: number;
}

export type ExportFormat = 'json' | 'markdown' | 'html' | 'timelinejs';

export interface IngestOptions {
  /** 'auto' (default): analyse articles that have no sentences yet; 'never': store as given. */
  analyze?: 'auto' | 'never';
  /** Entities of pre-analysed articles (their mentions' entityId refer to them). */
  entities?: Entity[];
  /** Put new articles in this story (or the story this function names) instead of clustering: the benchmark's
   * bulk path for pre-analysed synthetic corpora, and writes into a chosen story. */
  story?: string | ((a: Article) => string);
  /** Put new articles in one new story, with this id when no story has (or had) it, else a new id: import. */
  newStory?: string;
  /** Refresh the stored timelines of the stories this batch touches (default true). */
  refreshTimelines?: boolean;
  /** ingestParallel: commit each analysed batch in transactions of at most this many articles (default: one per
   * batch). */
  commitSlice?: number;
  /** ingestParallel: how long a batch's commit is retried, asynchronously, while the store is locked by another
   * connection (default 0: fail at once with a busy StoreError). */
  busyRetryMs?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface ParallelIngestOptions extends IngestOptions {
  /** Batches analysed ahead of the one being committed (default: pool size + 1). */
  lookahead?: number;
  onBatch?: (report: IngestReport, batch: number) => void;
}

/** Options every backend takes when opening a store. */
export interface OpenOptions {
  readonly?: boolean;
  /** The analysis run on new articles (default: the full pipeline, runPipeline). */
  analyzer?: (articles: Article[], options: AnalyzeOptions) => Analysis;
  /** Matching articles a search ranks at most (default SEARCH_CANDIDATES; see the backends' search). */
  searchCandidates?: number;
  /** SQLite: milliseconds a writer waits for another writer's lock (default 15 s); PostgreSQL: the same for the
   * store's write lock. */
  busyTimeout?: number;
  /** SQLite test hook: cap the file size in pages to provoke a full disk. */
  maxPageCount?: number;
  /** PostgreSQL: connections the store keeps open at most (default 4). */
  maxConnections?: number;
}

export interface Store {
  /** Where the store is, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly path: string;
  /** Where another thread or process opens the same store (a file path, or the URL with its credentials: never
   * printed); absent when only this object reaches it (an in-memory store). */
  readonly location?: string;
  readonly readonly: boolean;
  /** Analyse (if not yet analysed) and store articles, idempotently, in one transaction per batch. */
  ingest(articles: Article[], options?: IngestOptions): Promise<IngestReport>;
  /**
   * Ingest a sequence of batches, analysed on a pool of worker threads ahead of the one being committed; the
   * store ends up as after `ingest` of each batch in turn (stores that cannot, such as test doubles, leave it out).
   */
  ingestParallel?(
    batches: Iterable<Article[]>,
    pool: AnalyzerPool,
    options?: ParallelIngestOptions,
  ): Promise<IngestReport>;
  listStories(): Promise<StorySummary[]>;
  /** The story with this id, or the one it was merged into (its `id` is then the current one); null if none. */
  getStory(id: string): Promise<StorySummary | null>;
  /** A story's timeline (stored for these options while the story does not change). */
  storyTimeline(id: string, options?: TimelineOptions): Promise<Timeline>;
  /** A timeline of the stored articles matching the query. */
  queryTimeline(query: string, options?: TimelineOptions): Promise<Timeline>;
  /** The story's articles, rebuilt from the store with their analysis, and its entities. */
  storyAnalysis(id: string): Promise<Analysis>;
  /** Per-story date statistics kept at ingest: day -> articles published, sentences referring to it. */
  storyDays(id: string): Promise<{ day: string; articles: number; refs: number }[]>;
  search(terms: string, filters?: SearchFilters): Promise<SearchHit[]>;
  entities(filters?: { story?: string; type?: EntityType; limit?: number }): Promise<Entity[]>;
  quotes(filters?: { speaker?: string; story?: string; limit?: number }): Promise<StoredQuote[]>;
  getArticles(ids: string[]): Promise<Article[]>;
  /** Outlet, URL and publication day of every stored article (for `chronicle sources`). */
  articleOutlets(): Promise<{ source: string | null; url: string | null; publishedAt: IsoDay | null }[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
