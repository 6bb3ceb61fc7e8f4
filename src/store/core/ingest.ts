/**
 * Ingest, whatever the backend: which inputs are new (before anything is analysed), the analysis (in-process,
 * or on a pool of worker threads ahead of the batch being committed), and the commit of each analysed batch —
 * planned by plan.ts against the store as the write lock finds it, and written by the backend (`writeBatch`).
 * A commit that finds the store locked by another writer can be retried without blocking; a batch can be
 * committed in slices (a server holds its thread for a few articles at a time).
 */
import type { Analysis, Article, Entity } from '../../model.js';
import type { AnalyzeOptions } from '../../pipeline.js';
import type { AnalyzerPool } from '../../parallel/pool.js';
import { contentHash } from '../../util/content-hash.js';
import type { IngestOptions, IngestReport, ParallelIngestOptions } from '../types.js';
import { storeFailure } from '../errors.js';
import { undateImpossible } from './days.js';
import type { BatchInput, BatchPlan } from './plan.js';
import { normKey, prepareArticles, type PreparedArticle } from './prepare.js';
import { canonicalUrl } from './urls.js';

/** What ingest needs from a backend. */
export interface IngestBackend {
  readonly path: string;
  readonly readonly: boolean;
  readonly analyzer: (articles: Article[], options: AnalyzeOptions) => Analysis;
  /** Which of these content hashes and canonical URLs belong to stored articles. */
  storedKeys(hashes: string[], urls: string[]): Promise<{ hashes: Set<string>; urls: Set<string> }>;
  /**
   * In one transaction holding the store's write lock: plan the batch against the store (planBatch) and write the
   * plan. On failure nothing is written and the articles are as they were (plan.ts's undoRenames).
   */
  writeBatch(input: BatchInput): Promise<BatchPlan>;
  /** Rebuild the stored timelines of these stories (those that have any). */
  refreshStoredTimelines(ids: string[]): Promise<number>;
  /** The backend's failure as a StoreError saying what the store was doing. */
  storeError(e: unknown, doing: string): Error;
  /** A StoreError for a write to a store opened read-only. */
  readOnlyError(doing: string): Error;
}

/**
 * Resolve after the event loop has polled for I/O at least once. One setImmediate is not enough: called while
 * the loop handles I/O (a worker's message), it resolves in the same iteration's check phase, before requests
 * that arrived meanwhile are read, and the next transaction would run first; the second lands in the next
 * iteration's check phase, after its poll phase.
 */
export async function turnOfEventLoop(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Entities of pre-analysed articles without an entity list: one per (type, canonical text). */
function entitiesFromMentions(articles: Article[]): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const a of articles)
    for (const m of a.mentions) {
      const key = m.entityId ?? `${m.type}:${normKey(m.text)}`;
      let e = byKey.get(key);
      if (!e)
        byKey.set(
          key,
          (e = { id: key, name: m.text, type: m.type, aliases: [], mentions: 0, articleIds: [] }),
        );
      e.mentions++;
      if (e.articleIds[e.articleIds.length - 1] !== a.id) e.articleIds.push(a.id);
      if (normKey(m.text) !== normKey(e.name) && !e.aliases.includes(m.text)) e.aliases.push(m.text);
      m.entityId = key;
    }
  return [...byKey.values()];
}

/** Add one commit's plan to the report of its batch (slices of a batch share a report). */
function reportPlan(report: IngestReport, plan: BatchPlan) {
  report.duplicates.push(...plan.duplicates);
  report.added.push(...plan.added);
  if (plan.merged.length) (report.merged ??= []).push(...plan.merged);
  if (plan.into !== undefined && plan.added.length) report.into = plan.into;
  if (plan.articles.length)
    report.storiesTouched = [...new Set([...plan.storiesTouched, ...report.storiesTouched])]
      .filter((id) => !report.merged?.some((m) => m.from === id))
      .sort();
  else
    for (const id of plan.storiesTouched)
      if (!report.storiesTouched.includes(id)) report.storiesTouched.push(id);
}

const newReport = (): IngestReport => ({ added: [], duplicates: [], storiesTouched: [] });

export class Ingestor {
  /** Per article to write: its store-independent rows (prepare.ts), from the analysis workers or made at commit. */
  private readonly prepared = new WeakMap<Article, PreparedArticle>();

  constructor(private readonly backend: IngestBackend) {}

  private writable() {
    if (this.backend.readonly) throw this.backend.readOnlyError('ingest');
  }

  async ingest(input: Article[], options: IngestOptions = {}): Promise<IngestReport & { seconds: number }> {
    this.writable();
    const t0 = performance.now();
    const report = newReport();
    const fresh = await this.selectFresh(input, report);
    if (!fresh.length) return { ...report, seconds: (performance.now() - t0) / 1000 };
    // Analyse outside the write transaction (other writers are not blocked meanwhile).
    let entities: Entity[] = options.entities ?? [];
    const toAnalyse = this.needsAnalysis(fresh, options);
    if (toAnalyse.length) {
      const analysis = this.backend.analyzer(toAnalyse, { onProgress: options.onProgress });
      entities = [...entities, ...analysis.entities];
    }
    await this.commit(fresh, entities, options, report);
    return { ...report, seconds: (performance.now() - t0) / 1000 };
  }

  /**
   * Ingest a sequence of batches with their analysis run on a pool of worker threads (src/parallel/pool.ts),
   * `lookahead` batches ahead of the one being written. Batches are committed in order, each in its own
   * transaction exactly as `ingest` would (same duplicate checks, entity and story assignment), so the store
   * ends up the same as after calling `ingest` on each batch in turn; only the analysis moves to other cores.
   * `onBatch` is called after each commit with that batch's report.
   */
  async ingestParallel(
    batches: Iterable<Article[]>,
    pool: AnalyzerPool,
    options: ParallelIngestOptions = {},
  ): Promise<IngestReport & { seconds: number }> {
    this.writable();
    const t0 = performance.now();
    const total = newReport();
    const lookahead = Math.max(1, options.lookahead ?? pool.size + 1);
    // Content hashes and URLs of batches sent for analysis but not committed yet: a repeat in a later batch is a
    // duplicate without being analysed (commit re-checks against the store anyway).
    const inFlight = { hashes: new Set<string>(), urls: new Set<string>() };
    type Job = { report: IngestReport; fresh: Article[]; analysis: Promise<Entity[]> };
    const queue: Job[] = [];
    const iterator = batches[Symbol.iterator]();
    let n = 0;
    const enqueue = async () => {
      const next = iterator.next();
      if (next.done) return false;
      const report = newReport();
      const fresh = await this.selectFresh(next.value, report, inFlight);
      const toAnalyse = this.needsAnalysis(fresh, options);
      const analysis = toAnalyse.length
        ? pool.analyze(toAnalyse, { prepare: true }).then((r) => {
            // The workers return analysed copies, with their store rows prepared: put them in place of the originals.
            const byIndex = new Map(toAnalyse.map((a, i) => [a, i]));
            fresh.forEach((a, i) => {
              const k = byIndex.get(a);
              if (k === undefined) return;
              const copy = Object.assign(r.articles[k]!, { contentHash: a.contentHash });
              const p = r.prepared?.[k];
              if (p) this.prepared.set(copy, p);
              fresh[i] = copy;
            });
            return r.entities;
          })
        : Promise.resolve([] as Entity[]);
      analysis.catch(() => undefined); // awaited in order below; avoid an unhandled rejection meanwhile
      queue.push({ report, fresh, analysis });
      return true;
    };
    try {
      // Each batch's duplicate checks and hand-over to a worker take the thread for a while: a turn between them.
      while (queue.length < lookahead && (await enqueue())) await turnOfEventLoop();
      while (queue.length) {
        const job = queue.shift()!;
        const entities = [...(options.entities ?? []), ...(await job.analysis)];
        if (job.fresh.length) await this.commitInSlices(job.fresh, entities, options, job.report);
        for (const a of job.fresh) {
          inFlight.hashes.delete(a.contentHash!);
          const url = canonicalUrl(a);
          if (url) inFlight.urls.delete(url);
        }
        total.added.push(...job.report.added);
        total.duplicates.push(...job.report.duplicates);
        total.storiesTouched.push(...job.report.storiesTouched);
        if (job.report.merged) (total.merged ??= []).push(...job.report.merged);
        if (job.report.into !== undefined) total.into = job.report.into;
        options.onBatch?.(job.report, n++);
        await enqueue();
        // A full turn of the event loop between two transactions: a server answers its requests meanwhile.
        await turnOfEventLoop();
      }
    } finally {
      // On failure, batches analysed but not committed are dropped; everything committed stays.
      queue.length = 0;
    }
    const merged = new Set(total.merged?.map((m) => m.from));
    total.storiesTouched = [...new Set(total.storiesTouched)].filter((s) => !merged.has(s)).sort();
    return { ...total, seconds: (performance.now() - t0) / 1000 };
  }

  /**
   * Commit an analysed batch, in transactions of at most `options.commitSlice` articles (each with the entities
   * its articles mention) with a full turn of the event loop between them: a server analyses as large a batch
   * as `chronicle ingest` does (near-duplicates are found within a batch) but holds its thread for a few
   * articles' writing at a time.
   */
  async commitInSlices(fresh: Article[], entities: Entity[], options: IngestOptions, report: IngestReport) {
    const size = options.commitSlice && options.commitSlice > 0 ? options.commitSlice : fresh.length;
    for (let i = 0; i < fresh.length; i += size) {
      if (i > 0) await turnOfEventLoop();
      const slice = size >= fresh.length ? fresh : fresh.slice(i, i + size);
      const ids = new Set(slice.map((a) => a.id));
      const used =
        slice === fresh ? entities : entities.filter((e) => e.articleIds.some((id) => ids.has(id)));
      await this.commitPatiently(slice, used, options, report);
      // The later slices of an import go into the story the first one made.
      if (options.newStory !== undefined && report.into !== undefined)
        options = { ...options, newStory: undefined, story: report.into };
    }
  }

  /**
   * `commit`, tried again while another connection holds the write lock, for up to `options.busyRetryMs`,
   * waiting without blocking between tries: a store opened with a short busy timeout (a server's) waits for a
   * long write elsewhere (`chronicle ingest`) without freezing its thread.
   */
  private async commitPatiently(
    fresh: Article[],
    entities: Entity[],
    options: IngestOptions,
    report: IngestReport,
  ) {
    const deadline = performance.now() + (options.busyRetryMs ?? 0);
    for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
      try {
        return await this.commit(fresh, entities, options, report, true);
      } catch (e) {
        const retry = storeFailure(e) === 'busy' && performance.now() + wait < deadline;
        if (!retry) {
          fresh.forEach((a) => this.prepared.delete(a));
          throw e;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Inputs not stored yet nor repeated earlier in this batch (or in `inFlight`), with `contentHash` set; the
   * others are reported as duplicates. Runs before analysis so that nothing stored is analysed again. */
  private async selectFresh(
    input: Article[],
    report: IngestReport,
    inFlight?: { hashes: Set<string>; urls: Set<string> },
  ): Promise<Article[]> {
    const keys = input.map((a) => ({ hash: contentHash(a.rawText || a.text), url: canonicalUrl(a) }));
    const stored = await this.backend.storedKeys(
      keys.map((k) => k.hash),
      keys.flatMap((k) => (k.url ? [k.url] : [])),
    );
    const seenHash = inFlight?.hashes ?? new Set<string>();
    const seenUrl = inFlight?.urls ?? new Set<string>();
    const fresh: Article[] = [];
    input.forEach((a, i) => {
      const { hash, url } = keys[i]!;
      if (
        seenHash.has(hash) ||
        (url && seenUrl.has(url)) ||
        stored.hashes.has(hash) ||
        (url && stored.urls.has(url))
      ) {
        report.duplicates.push(a.id);
        return;
      }
      seenHash.add(hash);
      if (url) seenUrl.add(url);
      a.contentHash = hash;
      undateImpossible(a);
      fresh.push(a);
    });
    return fresh;
  }

  private needsAnalysis(fresh: Article[], options: IngestOptions): Article[] {
    return options.analyze === 'never' ? [] : fresh.filter((a) => !a.sentences.length && a.rawText.trim());
  }

  /** Write analysed articles (plan.ts, in the backend's write transaction); then the touched stories' stored
   * timelines are refreshed. The report gets the commit's outcome only once it is committed. */
  private async commit(
    fresh: Article[],
    entities: Entity[],
    options: IngestOptions,
    report: IngestReport,
    retainOnBusy = false,
  ) {
    // The per-article work that does not depend on the store, before taking the write lock (articles analysed by
    // the pool come with it done).
    const unprepared = fresh.filter((a) => !this.prepared.has(a));
    prepareArticles(unprepared).forEach((p, i) => this.prepared.set(unprepared[i]!, p));
    const known = new Set(entities.map((e) => e.id));
    const orphans = fresh.filter((a) => a.mentions.some((m) => !m.entityId || !known.has(m.entityId)));
    if (orphans.length) entities = [...entities, ...entitiesFromMentions(orphans)];
    // Prepared rows serve this commit only: an article given again later (after a failure, or changed) is
    // prepared afresh. A commit that found the store locked keeps them when the caller retries it.
    const forget = () => fresh.forEach((a) => this.prepared.delete(a));
    let plan: BatchPlan;
    try {
      plan = await this.backend.writeBatch({
        articles: fresh,
        prepared: (a) => this.prepared.get(a)!,
        entities,
        story: options.story,
        newStory: options.newStory,
        now: new Date().toISOString(),
        onProgress: options.onProgress,
      });
    } catch (e) {
      const err = this.backend.storeError(e, 'ingesting');
      if (!(retainOnBusy && storeFailure(err) === 'busy')) forget();
      throw err;
    }
    forget();
    reportPlan(report, plan);
    if (options.refreshTimelines !== false) {
      try {
        await this.backend.refreshStoredTimelines(report.storiesTouched);
      } catch {
        // The batch is committed; a stored timeline that could not be updated stays stale (its story version
        // no longer matches) and is rebuilt when next read.
      }
    }
  }
}
