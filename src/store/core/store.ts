/**
 * What every backend's store shares: ingest (ingest.ts, with plan.ts deciding what a batch writes), story
 * summaries, the stored-timeline policy (a story's timeline is stored per option set with the story version it
 * reflects, rebuilt from the lean timeline source when stale, refreshed after a batch touches the story), query
 * timelines and rebuilt stories. A backend subclass supplies the SQL: the reads below marked abstract, search,
 * entity and quote listings, statistics, and `writeBatch` (the write transaction).
 */
import type { Analysis, Article, Entity, EntityType, Timeline, TimelineOptions } from '../../model.js';
import { runPipeline, type AnalyzeOptions } from '../../pipeline.js';
import type { AnalyzerPool } from '../../parallel/pool.js';
import { buildTimelineFromAnalysis } from '../../timeline/index.js';
import { StoreError, storeFailure } from '../errors.js';
import type {
  IngestOptions,
  IngestReport,
  OpenOptions,
  ParallelIngestOptions,
  SearchFilters,
  SearchHit,
  Store,
  StoredQuote,
  StoreStats,
  StorySummary,
} from '../types.js';
import { entitiesOf, mentionedEntityIds } from './articles.js';
import { Ingestor, type IngestBackend } from './ingest.js';
import type { BatchInput, BatchPlan } from './plan.js';
import { SEARCH_CANDIDATES } from './search.js';
import {
  optionsFromKey,
  optionsKey,
  spanIsPlausible,
  spanOfDays,
  storySummary,
  topEntityRowids,
  type StoryRow,
} from './stories.js';
import { TimelineSource, type LeanReader } from './timeline-source.js';

export type { StoryRow };

export abstract class StoreCore implements Store, IngestBackend {
  abstract readonly path: string;
  readonly readonly: boolean;
  readonly analyzer: (articles: Article[], options: AnalyzeOptions) => Analysis;
  protected readonly searchCandidates: number;
  private readonly ingestor = new Ingestor(this);
  private timelineSourceState?: TimelineSource;

  constructor(options: OpenOptions) {
    this.readonly = Boolean(options.readonly);
    this.analyzer = options.analyzer ?? ((articles, o) => runPipeline(articles, o));
    this.searchCandidates = options.searchCandidates ?? SEARCH_CANDIDATES;
  }

  // ---------------------------------------------------------------- what a backend supplies

  abstract storedKeys(hashes: string[], urls: string[]): Promise<{ hashes: Set<string>; urls: Set<string> }>;
  abstract writeBatch(input: BatchInput): Promise<BatchPlan>;
  abstract storeError(e: unknown, doing: string): Error;
  /** The story with this id, or the story an alias (a merged story's id) points to. */
  protected abstract findStoryRow(id: string): Promise<StoryRow | undefined>;
  /** Stories with articles, largest first (then by rowid). */
  protected abstract storyRows(): Promise<StoryRow[]>;
  /** Names and types of these entities. */
  protected abstract entityNames(rowids: number[]): Promise<Map<number, { name: string; type: EntityType }>>;
  /** A story's outlets, most frequent first (at most 10). */
  protected abstract storySources(storyRowid: number): Promise<string[]>;
  /** A story's distinct publication days, sorted. */
  protected abstract storyPublicationDays(storyRowid: number): Promise<string[]>;
  /** Articles by id (in the order given, missing ones left out), or a story's in publication order. */
  protected abstract readArticles(where: { ids: string[] } | { story: number }): Promise<Article[]>;
  /** Stored entities by id, with their aliases (ordered). */
  protected abstract entitiesById(
    ids: string[],
  ): Promise<Map<string, { name: string; type: EntityType; aliases: string[] }>>;
  /** The stored timeline of a story for an options key. */
  protected abstract storedTimeline(
    storyRowid: number,
    key: string,
  ): Promise<{ version: number; json: string } | undefined>;
  protected abstract saveStoredTimeline(
    storyRowid: number,
    key: string,
    version: number,
    json: string,
  ): Promise<void>;
  /** Options keys of a story's stored timelines. */
  protected abstract storedTimelineKeys(storyId: string): Promise<string[]>;
  /** The lean reads of the timeline source. */
  protected abstract leanReader(): LeanReader;
  abstract storyDays(id: string): Promise<{ day: string; articles: number; refs: number }[]>;
  abstract search(terms: string, filters?: SearchFilters): Promise<SearchHit[]>;
  abstract entities(filters?: { story?: string; type?: EntityType; limit?: number }): Promise<Entity[]>;
  abstract quotes(filters?: { speaker?: string; story?: string; limit?: number }): Promise<StoredQuote[]>;
  abstract stats(): Promise<StoreStats>;
  abstract articleOutlets(): Promise<
    { source: string | null; url: string | null; publishedAt: string | null }[]
  >;
  abstract close(): Promise<void>;

  readOnlyError(doing: string): Error {
    return new StoreError(this.path, `opened read-only; cannot ${doing}`, 'read-only');
  }

  // ---------------------------------------------------------------- ingest

  ingest(articles: Article[], options: IngestOptions = {}): Promise<IngestReport & { seconds: number }> {
    return this.ingestor.ingest(articles, options);
  }

  ingestParallel(
    batches: Iterable<Article[]>,
    pool: AnalyzerPool,
    options: ParallelIngestOptions = {},
  ): Promise<IngestReport & { seconds: number }> {
    return this.ingestor.ingestParallel(batches, pool, options);
  }

  /** After a committed plan: cached story states hold a merged entity's counts under its old rowid. */
  protected committed(plan: BatchPlan): void {
    if (plan.entitiesMerged) this.timelineSourceState?.clear();
  }

  // ---------------------------------------------------------------- stories

  protected async storyRow(id: string): Promise<StoryRow> {
    const r = await this.findStoryRow(id);
    if (!r) throw new StoreError(this.path, `no story "${id}" (see \`chronicle stories\`)`, 'no-story');
    return r;
  }

  private async summary(r: StoryRow): Promise<StorySummary> {
    const top = topEntityRowids(r).map(([rowid, weight]) => ({ rowid, weight }));
    const names = await this.entityNames(top.map((t) => t.rowid));
    // A stored bound that is not a plausible day (written before days were checked) is recomputed.
    const span = spanIsPlausible(r)
      ? { from: r.first_day, to: r.last_day }
      : spanOfDays(await this.storyPublicationDays(r.rowid));
    return storySummary(r, top, names, await this.storySources(r.rowid), span);
  }

  async listStories(): Promise<StorySummary[]> {
    const out: StorySummary[] = [];
    for (const r of await this.storyRows()) out.push(await this.summary(r));
    return out;
  }

  /** The story with this id, or the one it was merged into (see story_aliases); its `id` is the current one. */
  async getStory(id: string): Promise<StorySummary | null> {
    const r = await this.findStoryRow(id);
    return r ? this.summary(r) : null;
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    return this.readArticles({ ids });
  }

  /** Articles of a story, in publication order. */
  async storyArticles(storyId: string): Promise<Article[]> {
    const story = await this.findStoryRow(storyId);
    return story ? this.readArticles({ story: story.rowid }) : [];
  }

  /** Entities mentioned in the given articles, from the store. */
  protected async entitiesOfArticles(articles: Article[]): Promise<Entity[]> {
    return entitiesOf(articles, await this.entitiesById(mentionedEntityIds(articles)));
  }

  /** The story's articles rebuilt from the store, as an Analysis (no re-analysis). */
  async storyAnalysis(storyId: string): Promise<Analysis> {
    const r = await this.storyRow(storyId);
    const articles = await this.readArticles({ story: r.rowid });
    return { articles, entities: await this.entitiesOfArticles(articles), errors: [] };
  }

  // ---------------------------------------------------------------- timelines

  /** The per-store timeline source (lean story reads, cached per story and updated with new articles). */
  protected timelineSource(): TimelineSource {
    return (this.timelineSourceState ??= new TimelineSource(this.leanReader()));
  }

  /**
   * Build a story's timeline from its stored analysis (the stored timeline is not used). The articles come
   * from the lean, incrementally updated timeline source: the same analysis `storyAnalysis` gives.
   */
  async buildStoryTimeline(id: string, options: TimelineOptions = {}): Promise<Timeline> {
    const r = await this.storyRow(id);
    return buildTimelineFromAnalysis(await this.timelineSource().analysis(r.rowid, r.version), options);
  }

  async storyTimeline(id: string, options: TimelineOptions = {}): Promise<Timeline> {
    // parameters or models other than the shipped ones: built, never stored (stored ones are the method's)
    if (options.params || options.models) return this.buildStoryTimeline(id, options);
    const r = await this.storyRow(id);
    const key = optionsKey(options);
    const stored = await this.storedTimeline(r.rowid, key);
    if (stored && stored.version === r.version) return JSON.parse(stored.json) as Timeline;
    const t = buildTimelineFromAnalysis(await this.timelineSource().analysis(r.rowid, r.version), options);
    if (!this.readonly) {
      try {
        await this.saveTimeline(r.rowid, key, r.version, t);
      } catch (e) {
        // A stored timeline only saves rebuilding it: a locked, read-only or full store still answers the read.
        if (!['busy', 'read-only', 'full'].includes(storeFailure(e))) throw e;
      }
    }
    return t;
  }

  private async saveTimeline(storyRowid: number, key: string, version: number, t: Timeline) {
    try {
      await this.saveStoredTimeline(storyRowid, key, version, JSON.stringify(t));
    } catch (e) {
      throw this.storeError(e, 'saving a timeline');
    }
  }

  /** Update the stored timelines of the given stories (only stories that have stored timelines). */
  async refreshStoredTimelines(storyIds: string[]): Promise<number> {
    let n = 0;
    for (const id of storyIds) {
      const keys = await this.storedTimelineKeys(id);
      if (!keys.length) continue;
      const r = await this.storyRow(id);
      // The story's cached state takes in only the articles it does not hold yet.
      const analysis = await this.timelineSource().analysis(r.rowid, r.version);
      for (const key of keys) {
        await this.saveTimeline(
          r.rowid,
          key,
          r.version,
          buildTimelineFromAnalysis(analysis, optionsFromKey(key)),
        );
        n++;
      }
    }
    return n;
  }

  async queryTimeline(query: string, options: TimelineOptions = {}): Promise<Timeline> {
    const hits = await this.search(query, { from: options.from, to: options.to, limit: 2000 });
    const articles = await this.readArticles({ ids: hits.map((h) => h.articleId) });
    return buildTimelineFromAnalysis(
      { articles, entities: await this.entitiesOfArticles(articles), errors: [] },
      { ...options, query: options.query ?? query },
    );
  }
}

/** The methods every backend guards (guard.ts) and what each is doing, for error messages. */
export const GUARDED: Record<string, string> = {
  ingest: 'ingesting',
  ingestParallel: 'ingesting',
  listStories: 'listing stories',
  getStory: 'reading a story',
  storyArticles: "reading a story's articles",
  storyAnalysis: "reading a story's articles",
  storyDays: "reading a story's days",
  storyTimeline: "building a story's timeline",
  buildStoryTimeline: "building a story's timeline",
  refreshStoredTimelines: 'refreshing stored timelines',
  queryTimeline: 'building a timeline',
  search: 'searching',
  entities: 'listing entities',
  quotes: 'listing quotes',
  getArticles: 'reading articles',
  articleOutlets: 'listing outlets',
  stats: 'counting',
};
