/**
 * The SQLite implementation of the Store (better-sqlite3): WAL journal, foreign keys, a busy timeout so
 * concurrent writers queue instead of failing, one IMMEDIATE transaction per ingest batch.
 */
import Database from 'better-sqlite3';
import { inflateRawSync } from 'node:zlib';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  Analysis,
  Article,
  Entity,
  EntityType,
  Mention,
  Quote,
  Sentence,
  Timeline,
  TimelineOptions,
  Token,
} from '../model.js';
import { runPipeline, type AnalyzeOptions } from '../pipeline.js';
import type { AnalyzerPool } from '../parallel/pool.js';
import { buildTimelineFromAnalysis } from '../timeline/index.js';
import {
  addDocFreq,
  articleFeatures,
  clusterOrder,
  decodeVector,
  encodeVector,
  StoryClusterer,
  type DocFreq,
  type StoryState,
} from '../stories/cluster.js';
import { MIGRATION_BACKFILL, MIGRATIONS, SCHEMA_VERSION } from './schema.js';
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
} from './types.js';
import { TimelineSource } from './timeline-state.js';
import {
  groupByArticle,
  IN_JSON,
  QUOTES_SQL,
  quoteFromRow,
  type ArticleRow,
  type QuoteColumns,
} from './rows.js';
import { porterStem } from '../eval/porter.js';
import { decodeMentions, decodeSentenceMeta, encodeMentions, tokenLines } from './annotations.js';
import { encodeTermStats, normKey, prepareArticles, type PreparedArticle } from './prepare.js';
import { mergeEntity, shortFormEntity } from './entity-merge.js';
import { EntityLinker } from './entity-link.js';
import { ASCII_ONLY } from '../util/chars.js';
import { contentHash } from '../util/content-hash.js';
import { dayOrder, isPlausibleDay, storedDay, undateImpossible } from './days.js';
import { StoreError, storeFailure } from './errors.js';
import { guardMethods } from './guard.js';

export { StoreError };

export type { IngestOptions, OpenOptions };

/** Document frequencies read from the store on first use of each term (a term not stored has frequency 0). */
class StoredDocFreq extends Map<string, number> {
  constructor(private readonly lookup: (term: string) => number | undefined) {
    super();
  }

  override get(term: string): number {
    let v = super.get(term);
    if (v === undefined) super.set(term, (v = this.lookup(term) ?? 0));
    return v;
  }
}

/** Matching articles a search ranks at most (the most recently stored ones): bounds a query's cost. */
export const SEARCH_CANDIDATES = 5000;

const SQLITE_HEADER = 'SQLite format 3\0';

function describe(e: unknown): { code?: string; message: string } {
  const err = e as { code?: string; message?: string };
  return { code: err.code, message: err.message ?? String(e) };
}

/**
 * Resolve after the event loop has polled for I/O at least once. One setImmediate is not enough: called while
 * the loop handles I/O (a worker's message), it resolves in the same iteration's check phase, before requests
 * that arrived meanwhile are read, and the next transaction would run first; the second lands in the next
 * iteration's check phase, after its poll phase.
 */
async function turnOfEventLoop(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** True for a StoreError saying another connection holds the lock. */
function isBusy(e: unknown): boolean {
  return storeFailure(e) === 'busy';
}

/** Map a SQLite failure to a StoreError that says what happened to which file. */
export function storeError(file: string, e: unknown, doing: string): Error {
  if (e instanceof StoreError) return e;
  const { code, message } = describe(e);
  const c = code ?? '';
  if (c === 'SQLITE_FULL')
    return new StoreError(
      file,
      `disk full while ${doing}; the batch was rolled back and the store is unchanged`,
      'full',
      c,
    );
  if (c.startsWith('SQLITE_READONLY'))
    return new StoreError(
      file,
      `cannot write the store (read-only file or directory) while ${doing}`,
      'read-only',
      c,
    );
  if (c === 'SQLITE_CANTOPEN')
    return new StoreError(file, `cannot open the store (missing or read-only directory?)`, 'io', c);
  if (c === 'SQLITE_NOTADB' || c.startsWith('SQLITE_CORRUPT'))
    return new StoreError(
      file,
      `not a Chronicle store or the file is corrupt (${message}); it was left untouched`,
      'corrupt',
      c,
    );
  if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED'))
    return new StoreError(
      file,
      `the store is locked by another process (timed out while ${doing})`,
      'busy',
      c,
    );
  if (c.startsWith('SQLITE_IOERR'))
    return new StoreError(file, `I/O error while ${doing} (${message})`, 'io', c);
  // A table missing from a file that passed the schema check, or stored JSON that no longer parses (its text is
  // not repeated: damaged bytes have no place on a terminal).
  if (c === 'SQLITE_ERROR' && /^no such (table|column)/.test(message))
    return new StoreError(file, `the store is damaged: ${message} (while ${doing})`, 'corrupt', c);
  if (e instanceof SyntaxError)
    return new StoreError(
      file,
      `the store is damaged: stored data no longer parses (while ${doing})`,
      'corrupt',
    );
  return e as Error;
}

/** Check an existing file without writing to it: SQLite header, readable schema, not from a newer version. */
function preflight(path: string) {
  const size = statSync(path).size;
  if (size === 0) return; // an empty file is a fresh database for SQLite
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(16);
  try {
    readSync(fd, buf, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || buf.toString('latin1') !== SQLITE_HEADER)
    throw new StoreError(
      path,
      'not a Chronicle store or the file is corrupt (no SQLite header); it was left untouched',
      'corrupt',
      'SQLITE_NOTADB',
    );
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new StoreError(
        path,
        `written by a newer Chronicle (schema version ${version}, this one reads up to ${SCHEMA_VERSION}); upgrade Chronicle — the file was left untouched`,
        'schema',
        'NEWER_SCHEMA',
      );
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    throw storeError(path, e, 'opening');
  } finally {
    db?.close();
  }
}

function canonicalUrl(a: Article): string | null {
  const u = a.canonicalUrl || a.url;
  if (!u) return null;
  try {
    const url = new URL(u);
    url.hash = '';
    return url.toString();
  } catch {
    return u;
  }
}

/** Stable key of timeline options, for stored timelines. */
export function optionsKey(o: TimelineOptions = {}): string {
  const q = Array.isArray(o.query) ? o.query.join(' ') : o.query;
  return JSON.stringify([
    o.dates ?? null,
    o.sentences ?? null,
    q ?? null,
    o.from ?? null,
    o.to ?? null,
    o.strategy ?? null,
  ]);
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

interface StoryRow {
  rowid: number;
  id: string;
  title: string;
  size: number;
  first_day: string | null;
  last_day: string | null;
  terms: string | null;
  entity_vec: string | null;
  version: number;
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly readonly: boolean;
  private readonly analyzer: (articles: Article[], options: AnalyzeOptions) => Analysis;
  private readonly searchCandidates: number;

  constructor(
    readonly path: string,
    options: OpenOptions = {},
  ) {
    this.readonly = Boolean(options.readonly);
    this.analyzer = options.analyzer ?? ((articles, o) => runPipeline(articles, o));
    this.searchCandidates = options.searchCandidates ?? SEARCH_CANDIDATES;
    const memory = path === ':memory:';
    if (!memory) {
      if (existsSync(path)) preflight(path);
      else if (this.readonly)
        throw new StoreError(
          path,
          'no store at this path (run `chronicle ingest` first)',
          'missing',
          'ENOENT',
        );
      else {
        try {
          mkdirSync(dirname(path) || '.', { recursive: true });
        } catch (e) {
          throw new StoreError(
            path,
            `cannot create the store's directory: ${describe(e).message}`,
            describe(e).code === 'EACCES' || describe(e).code === 'EROFS' ? 'read-only' : 'io',
            describe(e).code,
          );
        }
      }
    }
    try {
      this.db = new Database(path, { readonly: this.readonly, fileMustExist: this.readonly });
    } catch (e) {
      throw storeError(path, e, 'opening');
    }
    try {
      this.db.pragma(`busy_timeout = ${options.busyTimeout ?? 15000}`);
      this.db.pragma('foreign_keys = ON');
      // Memory-mapped reads and a larger page cache: search and story rebuilds read many FTS and sentence pages.
      this.db.pragma('cache_size = -32000');
      if (!memory) this.db.pragma('mmap_size = 268435456');
      if (!this.readonly) {
        if (!memory) this.db.pragma('journal_mode = WAL');
        // WAL + NORMAL: a committed batch survives a killed process (not necessarily a power cut).
        this.db.pragma('synchronous = NORMAL');
        if (options.maxPageCount) this.db.pragma(`max_page_count = ${options.maxPageCount}`);
        this.migrate();
      } else {
        const v = this.db.pragma('user_version', { simple: true }) as number;
        if (v < SCHEMA_VERSION)
          throw new StoreError(
            path,
            `store is at schema version ${v}; open it writable once to migrate`,
            'schema',
            'OLD_SCHEMA',
          );
      }
    } catch (e) {
      this.db.close();
      throw storeError(path, e, 'opening');
    }
  }

  private migrate() {
    const run = this.db.transaction(() => {
      const v = this.db.pragma('user_version', { simple: true }) as number;
      if (v > SCHEMA_VERSION)
        throw new StoreError(
          this.path,
          `written by a newer Chronicle (schema version ${v})`,
          'schema',
          'NEWER_SCHEMA',
        );
      for (let i = v; i < SCHEMA_VERSION; i++) {
        this.db.exec(MIGRATIONS[i]);
        MIGRATION_BACKFILL[i]?.(this.db);
        this.db.pragma(`user_version = ${i + 1}`);
      }
    });
    if ((this.db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) run.immediate();
  }

  /** How long a statement waits for another connection's lock before failing with a busy StoreError. */
  setBusyTimeout(ms: number): void {
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  }

  private writable(doing: string) {
    if (this.readonly) throw new StoreError(this.path, `opened read-only; cannot ${doing}`, 'read-only');
  }

  // ---------------------------------------------------------------- ingest

  private statements = new Map<string, Database.Statement>();
  /** Per article to write: its store-independent rows (prepare.ts), from the analysis workers or made at commit. */
  private readonly prepared = new WeakMap<Article, PreparedArticle>();

  /** `stmt` as a function value (for helpers outside the class, such as entity-merge.ts). */
  private readonly statementsFn = (sql: string, mode?: 'pluck') => this.stmt(sql, mode);

  /** A statement of the write path, prepared once per store (pluck/raw mode fixed at preparation). */
  private stmt(sql: string, mode?: 'pluck' | 'raw'): Database.Statement {
    const key = (mode ?? '') + sql;
    let st = this.statements.get(key);
    if (!st) {
      st = this.db.prepare(sql);
      if (mode === 'pluck') st.pluck();
      else if (mode === 'raw') st.raw();
      this.statements.set(key, st);
    }
    return st;
  }

  async ingest(input: Article[], options: IngestOptions = {}): Promise<IngestReport & { seconds: number }> {
    this.writable('ingest');
    const t0 = performance.now();
    const report: IngestReport = { added: [], duplicates: [], storiesTouched: [] };
    const fresh = this.selectFresh(input, report);
    if (!fresh.length) return { ...report, seconds: (performance.now() - t0) / 1000 };
    // Analyse outside the write transaction (other writers are not blocked meanwhile).
    let entities: Entity[] = options.entities ?? [];
    const toAnalyse = this.needsAnalysis(fresh, options);
    if (toAnalyse.length) {
      const analysis = this.analyzer(toAnalyse, { onProgress: options.onProgress });
      entities = [...entities, ...analysis.entities];
    }
    this.commit(fresh, entities, options, report);
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
    this.writable('ingest');
    const t0 = performance.now();
    const total: IngestReport = { added: [], duplicates: [], storiesTouched: [] };
    const lookahead = Math.max(1, options.lookahead ?? pool.size + 1);
    // Content hashes and URLs of batches sent for analysis but not committed yet: a repeat in a later batch is a
    // duplicate without being analysed (commit re-checks against the store anyway).
    const inFlight = { hashes: new Set<string>(), urls: new Set<string>() };
    type Job = { report: IngestReport; fresh: Article[]; analysis: Promise<Entity[]> };
    const queue: Job[] = [];
    const iterator = batches[Symbol.iterator]();
    let n = 0;
    const enqueue = () => {
      const next = iterator.next();
      if (next.done) return false;
      const report: IngestReport = { added: [], duplicates: [], storiesTouched: [] };
      const fresh = this.selectFresh(next.value, report, inFlight);
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
      while (queue.length < lookahead && enqueue()) await turnOfEventLoop();
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
        options.onBatch?.(job.report, n++);
        enqueue();
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
  private async commitInSlices(
    fresh: Article[],
    entities: Entity[],
    options: IngestOptions,
    report: IngestReport,
  ) {
    const size = options.commitSlice && options.commitSlice > 0 ? options.commitSlice : fresh.length;
    for (let i = 0; i < fresh.length; i += size) {
      if (i > 0) await turnOfEventLoop();
      const slice = size >= fresh.length ? fresh : fresh.slice(i, i + size);
      const ids = new Set(slice.map((a) => a.id));
      const used =
        slice === fresh ? entities : entities.filter((e) => e.articleIds.some((id) => ids.has(id)));
      await this.commitPatiently(slice, used, options, report);
    }
  }

  /**
   * `commit`, tried again while another connection holds the write lock (SQLITE_BUSY), for up to
   * `options.busyRetryMs`, waiting without blocking between tries: a store opened with a short busy timeout
   * (a server's) waits for a long write elsewhere (`chronicle ingest`) without freezing its thread.
   */
  private async commitPatiently(
    fresh: Article[],
    entities: Entity[],
    options: IngestOptions,
    report: IngestReport,
  ) {
    const deadline = performance.now() + (options.busyRetryMs ?? 0);
    for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
      const before = { ...report, added: report.added.length, duplicates: report.duplicates.length };
      try {
        return this.commit(fresh, entities, options, report, true);
      } catch (e) {
        const retry = isBusy(e) && performance.now() + wait < deadline;
        if (!retry) {
          fresh.forEach((a) => this.prepared.delete(a));
          throw e;
        }
        // Nothing of the failed try is kept: the report is as it was.
        report.added.length = before.added;
        report.duplicates.length = before.duplicates;
        report.storiesTouched = before.storiesTouched;
        if (before.merged) report.merged = before.merged;
        else delete report.merged;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Inputs not stored yet nor repeated earlier in this batch (or in `inFlight`), with `contentHash` set; the
   * others are reported as duplicates. Runs before analysis so that nothing stored is analysed again. */
  private selectFresh(
    input: Article[],
    report: IngestReport,
    inFlight?: { hashes: Set<string>; urls: Set<string> },
  ): Article[] {
    const byHash = this.stmt('SELECT id FROM articles WHERE content_hash = ?', 'pluck');
    const byUrl = this.stmt('SELECT id FROM articles WHERE canonical_url = ?', 'pluck');
    const seenHash = inFlight?.hashes ?? new Set<string>();
    const seenUrl = inFlight?.urls ?? new Set<string>();
    const fresh: Article[] = [];
    for (const a of input) {
      const hash = contentHash(a.rawText || a.text);
      const url = canonicalUrl(a);
      if (
        seenHash.has(hash) ||
        (url && seenUrl.has(url)) ||
        byHash.get(hash) !== undefined ||
        (url && byUrl.get(url) !== undefined)
      ) {
        report.duplicates.push(a.id);
        continue;
      }
      seenHash.add(hash);
      if (url) seenUrl.add(url);
      a.contentHash = hash;
      undateImpossible(a);
      fresh.push(a);
    }
    return fresh;
  }

  private needsAnalysis(fresh: Article[], options: IngestOptions): Article[] {
    return options.analyze === 'never' ? [] : fresh.filter((a) => !a.sentences.length && a.rawText.trim());
  }

  /** Write analysed articles: one IMMEDIATE transaction that re-checks duplicates (another writer may have won),
   * inserts and clusters; then the touched stories' stored timelines are refreshed. */
  private commit(
    fresh: Article[],
    entities: Entity[],
    options: IngestOptions,
    report: IngestReport,
    retainOnBusy = false,
  ) {
    // A story chosen by an id it had before a merge means the story it joined.
    if (typeof options.story === 'string')
      options = { ...options, story: this.currentStoryId(options.story) };
    // An imported story keeps its id when no story has (or had) it.
    if (options.newStory !== undefined)
      options = {
        ...options,
        story: this.storyIdTaken(options.newStory) ? this.newStoryIdForImport() : options.newStory,
      };
    // The per-article work that does not depend on the store, before taking the write lock (articles analysed by
    // the pool come with it done).
    const unprepared = fresh.filter((a) => !this.prepared.has(a));
    prepareArticles(unprepared).forEach((p, i) => this.prepared.set(unprepared[i]!, p));
    const known = new Set(entities.map((e) => e.id));
    const orphans = fresh.filter((a) => a.mentions.some((m) => !m.entityId || !known.has(m.entityId)));
    if (orphans.length) entities = [...entities, ...entitiesFromMentions(orphans)];
    const write = this.db.transaction(() => this.writeBatch(fresh, entities, options, report));
    // Prepared rows serve this commit only: an article given again later (after a failure, or changed) is
    // prepared afresh. A commit that found the store locked keeps them when the caller retries it.
    const forget = () => fresh.forEach((a) => this.prepared.delete(a));
    try {
      write.immediate();
    } catch (e) {
      this.batchTerms.delete(report);
      const err = storeError(this.path, e, 'ingesting');
      if (!(retainOnBusy && isBusy(err))) forget();
      throw err;
    }
    forget();
    this.termsCommitted(report);
    if (options.refreshTimelines !== false) {
      try {
        this.refreshStoredTimelinesSync(report.storiesTouched);
      } catch {
        // The batch is committed; a stored timeline that could not be updated stays stale (its story version
        // no longer matches) and is rebuilt when next read.
      }
    }
  }

  private writeBatch(fresh: Article[], entities: Entity[], options: IngestOptions, report: IngestReport) {
    const byHash = this.stmt('SELECT id FROM articles WHERE content_hash = ?', 'pluck');
    const byUrl = this.stmt('SELECT id FROM articles WHERE canonical_url = ?', 'pluck');
    const idTaken = this.stmt('SELECT 1 FROM articles WHERE id = ?', 'pluck');
    const insArticle = this
      .stmt(`INSERT INTO articles (id, content_hash, canonical_url, url, path, title, byline, source,
      published_at, published_at_evidence, language, topic, raw_text, text, removed, warnings, duplicate_of,
      lines_are_sentences, added_at) VALUES (@id, @content_hash, @canonical_url, @url, @path, @title, @byline, @source,
      @published_at, @published_at_evidence, @language, @topic, @raw_text, @text, @removed, @warnings, @duplicate_of,
      @lines_are_sentences, @added_at)`);
    const insAnnotations = this.stmt(
      'INSERT INTO annotations (article_rowid, sentences, tokens, mentions) VALUES (?, ?, ?, ?)',
    );
    const insArticleEntity = this.stmt(
      'INSERT INTO article_entities (article_rowid, entity_rowid, mentions, first) VALUES (?, ?, ?, ?)',
    );
    const insQuote = this
      .stmt(`INSERT INTO quotes (article_rowid, idx, text, kind, speaker, speaker_entity_rowid, speaker_text, cue,
      start, end, sentence_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const setStory = this.stmt('UPDATE articles SET story_rowid = ? WHERE rowid = ?');
    const now = new Date().toISOString();

    // Entities: map batch entity ids to stored entities (same type and name or alias; else a variant found by
    // the cross-batch rules of entity-link.ts, with the exactly matched ones as context), creating new ones.
    const resolver = this.entityResolver();
    const batchEntity = new Map<string, number>();
    const mentionCounts = new Map<number, number>();
    const unmatched: Entity[] = [];
    for (const e of entities) {
      const r = resolver.find(e.type, e.name, e.aliases);
      if (r === undefined) unmatched.push(e);
      else {
        resolver.keep(r, e.type, e.name, e.aliases);
        batchEntity.set(e.id, r);
      }
    }
    if (unmatched.length) {
      const linker = new EntityLinker(this.db);
      const known = new Map<string, number[]>();
      for (const e of entities) {
        const r = batchEntity.get(e.id);
        if (r !== undefined)
          for (const id of e.articleIds) (known.get(id) ?? known.set(id, []).get(id)!).push(r);
      }
      for (const e of unmatched) {
        // An earlier entity of this pass may have created or claimed the name.
        let r = resolver.find(e.type, e.name, e.aliases);
        if (r === undefined) {
          const context = new Set<number>();
          for (const id of e.articleIds) for (const o of known.get(id) ?? []) context.add(o);
          r = linker.link(e.type, e.name, normKey(e.name), e.mentions, context) ?? undefined;
        }
        if (r === undefined) {
          r = resolver.create(e.type, e.name);
          linker.index(r, e.type, e.name);
        }
        resolver.keep(r, e.type, e.name, e.aliases);
        batchEntity.set(e.id, r);
      }
    }

    this.mergeShortForms(entities, batchEntity, report);

    const inserted: { a: Article; rowid: number }[] = [];
    for (const a of fresh) {
      const url = canonicalUrl(a);
      if (byHash.get(a.contentHash) !== undefined || (url && byUrl.get(url) !== undefined)) {
        report.duplicates.push(a.id);
        continue;
      }
      const p = this.prepared.get(a)!;
      let id = a.id;
      for (let n = 2; idTaken.get(id) !== undefined; n++) id = `${a.id}-${n}`;
      a.id = id;
      const info = insArticle.run({
        id,
        content_hash: a.contentHash,
        canonical_url: url,
        url: a.url,
        path: a.path,
        title: a.title,
        byline: a.byline,
        source: a.source,
        published_at: a.publishedAt,
        published_at_evidence: a.publishedAtEvidence ?? null,
        language: a.language ?? null,
        topic: a.topic ?? null,
        raw_text: p.raw && Buffer.from(p.raw.buffer, p.raw.byteOffset, p.raw.byteLength),
        text: a.text,
        removed: a.removed.length ? JSON.stringify(a.removed) : null,
        warnings: a.warnings.length ? JSON.stringify(a.warnings) : null,
        duplicate_of: a.duplicateOf ?? null,
        lines_are_sentences: a.linesAreSentences ? 1 : 0,
        added_at: now,
      });
      const rowid = Number(info.lastInsertRowid);
      const ann = encodeMentions(a.mentions, (m) =>
        m.entityId !== undefined ? (batchEntity.get(m.entityId) ?? null) : null,
      );
      insAnnotations.run(rowid, p.sentences, p.tokens, ann.mentions);
      for (const [er, [n, first]] of ann.entities) {
        insArticleEntity.run(rowid, er, n, first);
        mentionCounts.set(er, (mentionCounts.get(er) ?? 0) + n);
      }
      this.saveSentenceTerms(rowid, a.sentences.length, p, report);
      a.quotes.forEach((q, i) => {
        const er = q.speakerEntityId ? (batchEntity.get(q.speakerEntityId) ?? null) : null;
        insQuote.run(
          rowid,
          i,
          q.text,
          q.kind,
          q.speaker,
          er,
          q.speakerText ?? null,
          q.cue,
          q.start,
          q.end,
          q.sentenceIndex,
        );
      });
      inserted.push({ a, rowid });
      report.added.push(id);
    }
    const addMentions = this.stmt('UPDATE entities SET mentions = mentions + ? WHERE rowid = ?');
    for (const [er, n] of mentionCounts) addMentions.run(n, er);
    if (!inserted.length) return;

    // Stories: cluster (or assign) each new article, in publication order.
    options.onProgress?.('stories', 0, inserted.length);
    // Publication day, then content (clusterOrder): the partition does not depend on the input order.
    const prepared = (a: Article) => this.prepared.get(a)!;
    const rank = new Map(
      clusterOrder(
        inserted.map((x) => x.a),
        (a) => prepared(a).orderKey,
      ).map((a, i) => [a, i]),
    );
    const ordered = [...inserted].sort((x, y) => rank.get(x.a)! - rank.get(y.a)!);
    const entityKey = (m: Mention) => {
      const er = m.entityId !== undefined ? batchEntity.get(m.entityId) : undefined;
      return er !== undefined ? `e${er}` : `${m.type}:${normKey(m.text)}`;
    };
    const features = ordered.map(({ a }) =>
      articleFeatures(a, entityKey, undefined, prepared(a).featureTerms),
    );
    const df = this.loadDocFreq(features);
    for (const f of features) addDocFreq(df.freq, f);
    const insStory = this.stmt("INSERT INTO stories (id) VALUES ('')");
    const newStoryId = () => {
      const r = Number(insStory.run().lastInsertRowid);
      let id = `s${r}`;
      // An imported story may already carry this id.
      for (let n = 2; this.storyIdTaken(id); n++) id = `s${r}-${n}`;
      this.stmt('UPDATE stories SET id = ? WHERE rowid = ?').run(id, r);
      return id;
    };
    const clusterer = new StoryClusterer(this.loadStoryStates(), df.freq, newStoryId);
    const storyRowid = new Map<string, number>();
    const rowidOf = (sid: string) => {
      let r = storyRowid.get(sid);
      if (r === undefined) {
        r = this.stmt('SELECT rowid FROM stories WHERE id = ?', 'pluck').get(sid) as number | undefined;
        if (r === undefined) {
          // A forced story id that does not exist yet (import): create it.
          r = Number(this.stmt('INSERT INTO stories (id) VALUES (?)').run(sid).lastInsertRowid);
        }
        storyRowid.set(sid, r);
      }
      return r;
    };
    const touched = new Set<string>();
    const dayStat = this.stmt(`INSERT INTO story_days (story_rowid, day, articles, refs) VALUES (?, ?, ?, ?)
      ON CONFLICT (story_rowid, day) DO UPDATE SET articles = articles + excluded.articles, refs = refs + excluded.refs`);
    // Incremental date statistics per story: the batch's counts summed per (story, day), then added to the stored
    // ones with one statement each (the sums are what one statement per article and day would leave).
    const storyDays = new Map<number, Map<string, [number, number]>>();
    ordered.forEach(({ a, rowid }, i) => {
      const f = features[i];
      let sid: string;
      if (options.story) {
        sid = typeof options.story === 'string' ? options.story : options.story(a);
        rowidOf(sid);
        const s = clusterer.stories.get(sid) ?? {
          id: sid,
          size: 0,
          first: null,
          last: null,
          terms: new Map(),
          entities: new Map(),
        };
        clusterer.absorb(s, f);
      } else sid = clusterer.add(f).storyId;
      const sr = rowidOf(sid);
      setStory.run(sr, rowid);
      touched.add(sid);
      let days = storyDays.get(sr);
      if (!days) storyDays.set(sr, (days = new Map()));
      if (a.publishedAt) {
        const d = days.get(a.publishedAt);
        if (d) d[0]++;
        else days.set(a.publishedAt, [1, 0]);
      }
      for (const s of a.sentences)
        for (const t of s.timexes)
          if (t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value)) {
            const d = days.get(t.value);
            if (d) d[1]++;
            else days.set(t.value, [0, 1]);
          }
      if (i % 100 === 99) options.onProgress?.('stories', i + 1, ordered.length);
    });
    for (const [sr, days] of storyDays) for (const [day, [n, refs]] of days) dayStat.run(sr, day, n, refs);
    options.onProgress?.('stories', ordered.length, ordered.length);
    // Stories that turned out to be one are merged (the absorbed story's articles and statistics move over).
    if (!options.story) {
      const moveArticles = this.stmt('UPDATE articles SET story_rowid = ? WHERE story_rowid = ?');
      const moveDays = this
        .stmt(`INSERT INTO story_days (story_rowid, day, articles, refs) SELECT ?, day, articles, refs FROM story_days
        WHERE story_rowid = ? ON CONFLICT (story_rowid, day) DO UPDATE SET articles = articles + excluded.articles, refs = refs + excluded.refs`);
      const drop = this.stmt('DELETE FROM stories WHERE rowid = ?');
      for (const [from, into] of clusterer.mergeSimilar([...touched].sort())) {
        const fr = rowidOf(from);
        const ir = rowidOf(into);
        moveArticles.run(ir, fr);
        moveDays.run(ir, fr);
        this.keepAlias(from, fr, ir);
        drop.run(fr);
        touched.delete(from);
        touched.add(into);
        // Only stories that still exist are reported as touched; absorbed ones are listed in `merged`.
        (report.merged ??= []).push({ from, into });
      }
    }
    // The title: of the earliest dated article with one, else of the first undated one. Two queries in the order
    // of the articles_story index, not one ORDER BY published_at IS NULL, which sorted the whole story per commit.
    const saveStory = this
      .stmt(`UPDATE stories SET size = ?, first_day = ?, last_day = ?, terms = ?, entity_vec = ?,
      version = version + 1, title = coalesce(
        (SELECT title FROM articles WHERE story_rowid = stories.rowid AND published_at IS NOT NULL AND title IS NOT NULL
          AND title != '' ORDER BY published_at, rowid LIMIT 1),
        (SELECT title FROM articles WHERE story_rowid = stories.rowid AND published_at IS NULL AND title IS NOT NULL
          AND title != '' ORDER BY rowid LIMIT 1), '') WHERE rowid = ?`);
    for (const sid of [...touched].sort()) {
      const s = clusterer.stories.get(sid)!;
      saveStory.run(s.size, s.first, s.last, encodeVector(s.terms), encodeVector(s.entities), rowidOf(sid));
    }
    this.saveDocFreq(df.changed, df.freq);
    if (typeof options.story === 'string') report.into = options.story;
    report.storiesTouched = [...new Set([...touched, ...report.storiesTouched])]
      .filter((id) => !report.merged?.some((m) => m.from === id))
      .sort();
  }

  /**
   * A batch entity's alias that is the name of one other stored entity of its type, known by it alone, shows the
   * two are one (see entity-merge.ts): that entity is merged into the batch entity's. `batchEntity` follows.
   */
  private mergeShortForms(entities: Entity[], batchEntity: Map<string, number>, report: IngestReport) {
    const stories = new Set<number>();
    for (const e of entities) {
      const into = batchEntity.get(e.id);
      // Without aliases, the batch names the entity no other way (nothing to merge).
      if (into === undefined || !e.aliases.length) continue;
      const nameKey = normKey(e.name);
      for (const al of e.aliases) {
        const key = normKey(al);
        if (key === nameKey) continue;
        const from = shortFormEntity(this.statementsFn, into, e.type, key, e.mentions);
        if (from === null) continue;
        for (const s of mergeEntity(this.statementsFn, from, into)) stories.add(s);
        for (const [id, r] of batchEntity) if (r === from) batchEntity.set(id, into);
      }
    }
    if (!stories.size) return;
    // Cached story states hold a merged entity's counts under its old rowid.
    this.timelineSourceState?.clear();
    const idOf = this.stmt('SELECT id FROM stories WHERE rowid = ?', 'pluck');
    for (const s of stories) {
      const id = idOf.get(s) as string | undefined;
      if (id !== undefined && !report.storiesTouched.includes(id)) report.storiesTouched.push(id);
    }
  }

  /** Finds stored entities by (type, name or alias), creates them, and records the names they are known by. */
  private entityResolver() {
    const byKey = this.stmt('SELECT rowid FROM entities WHERE type = ? AND key = ?', 'pluck');
    const byAlias = this.stmt(
      'SELECT e.rowid FROM entity_aliases a JOIN entities e ON e.rowid = a.entity_rowid WHERE a.key = ? AND e.type = ? LIMIT 1',
      'pluck',
    );
    // A new entity's id is "e" + its rowid, written with the row: the rowid SQLite would choose itself (one more
    // than the largest, 1 in an empty table), given explicitly so that no second statement is needed.
    const insEntity = this.stmt(`INSERT INTO entities (rowid, id, name, key, type)
      SELECT r, 'e' || r, ?, ?, ? FROM (SELECT coalesce(max(rowid), 0) + 1 AS r FROM entities)`);
    const insAlias = this.stmt(
      'INSERT OR IGNORE INTO entity_aliases (entity_rowid, alias, key) VALUES (?, ?, ?)',
    );
    const cache = new Map<string, number>();
    // Names repeat across a batch's entities: normalise each once, and write each (entity, alias) pair once.
    const keys = new Map<string, string>();
    const nk = (s: string) => {
      let k = keys.get(s);
      if (k === undefined) keys.set(s, (k = normKey(s)));
      return k;
    };
    const aliased = new Set<string>();
    return {
      /** The stored entity of this type with this name, or with the name or an alias as an alias. */
      find(type: EntityType, name: string, aliases: string[]): number | undefined {
        let r = cache.get(`${type}\0${nk(name)}`) ?? (byKey.get(type, nk(name)) as number | undefined);
        if (r === undefined)
          for (const al of [name, ...aliases])
            if ((r = byAlias.get(nk(al), type) as number | undefined) !== undefined) break;
        return r;
      },
      create(type: EntityType, name: string): number {
        const r = Number(insEntity.run(name, nk(name), type).lastInsertRowid);
        return r;
      },
      /** Remember the resolution and store the name and aliases as aliases of the entity. */
      keep(r: number, type: EntityType, name: string, aliases: string[]): void {
        cache.set(`${type}\0${nk(name)}`, r);
        for (const al of [name, ...aliases]) {
          const ak = `${r}\0${al}`;
          if (aliased.has(ak)) continue;
          aliased.add(ak);
          insAlias.run(r, al, nk(al));
        }
      },
    };
  }

  private loadStoryStates(): StoryState[] {
    const rows = this.stmt(
      'SELECT rowid, id, size, first_day, last_day, terms, entity_vec FROM stories WHERE size > 0',
    ).all() as StoryRow[];
    return rows.map((r) => ({
      id: r.id,
      size: r.size,
      first: storedDay(r.first_day),
      last: storedDay(r.last_day),
      terms: decodeVector(r.terms),
      entities: decodeVector(r.entity_vec),
    }));
  }

  /** Document frequencies for the terms this batch and the stories use, each read from term_df when first asked
   * for (a small batch into a large store reads a few thousand rows, not the whole table). */
  private loadDocFreq(_features: { terms: Map<string, number> }[]): { freq: DocFreq; changed: Set<string> } {
    const docs = Number(
      (this.stmt("SELECT value FROM meta WHERE key = 'docs'", 'pluck').get() as string | undefined) ?? 0,
    );
    const one = this.stmt('SELECT df FROM term_df WHERE term = ?', 'pluck');
    const df = new StoredDocFreq((t) => one.get(t) as number | undefined);
    const changed = new Set<string>();
    for (const f of _features) for (const t of f.terms.keys()) changed.add(t);
    return { freq: { docs, df }, changed };
  }

  private saveDocFreq(changed: Set<string>, df: DocFreq) {
    const put = this.stmt(
      'INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = excluded.df',
    );
    for (const t of changed) put.run(t, df.df.get(t) ?? 0);
    this.stmt(
      "INSERT INTO meta (key, value) VALUES ('docs', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(String(df.docs));
  }

  // ---------------------------------------------------------------- reading articles back

  async getArticles(ids: string[]): Promise<Article[]> {
    return this.getArticlesSync(ids);
  }

  private getArticlesSync(ids: string[]): Article[] {
    const one = this.db.prepare('SELECT * FROM articles WHERE id = ?');
    const rows: ArticleRow[] = [];
    for (const id of ids) {
      const r = one.get(id) as ArticleRow | undefined;
      if (r) rows.push(r);
    }
    return this.rebuild(rows);
  }

  /** Articles of a story, in publication order. */
  async storyArticles(storyId: string): Promise<Article[]> {
    return this.storyArticlesSync(storyId);
  }

  private storyArticlesSync(storyId: string): Article[] {
    const story = this.findStoryRow(storyId);
    if (!story) return [];
    const rows = this.db
      .prepare('SELECT * FROM articles WHERE story_rowid = ? ORDER BY published_at, rowid')
      .all(story.rowid) as ArticleRow[];
    // An impossible stored day reads as undated (storedDay), and undated articles come first.
    if (rows.some((r) => r.published_at !== storedDay(r.published_at)))
      rows.sort(
        (x, y) => dayOrder(storedDay(x.published_at), storedDay(y.published_at)) || x.rowid - y.rowid,
      );
    return this.rebuild(rows);
  }

  private rebuild(rows: ArticleRow[]): Article[] {
    // Set queries (annotations, the entities they refer to, quotes of all the articles at once), grouped by article.
    const ids = JSON.stringify(rows.map((r) => r.rowid));
    const annRows = groupByArticle<[string, string, string]>(
      this.db,
      `SELECT article_rowid, sentences, tokens, mentions FROM annotations WHERE article_rowid ${IN_JSON}`,
      ids,
    );
    const entityIds = new Map<number, string>();
    for (const [er, id] of this.db
      .prepare(
        `SELECT rowid, id FROM entities WHERE rowid IN (SELECT entity_rowid FROM article_entities WHERE article_rowid ${IN_JSON})`,
      )
      .raw()
      .iterate(ids) as IterableIterator<[number, string]>)
      entityIds.set(er, id);
    const quoteRows = groupByArticle<QuoteColumns>(this.db, QUOTES_SQL, ids);
    return rows.map((r) => {
      const text = r.text;
      const ann = annRows.get(r.rowid)?.[0];
      const lines = ann ? tokenLines(ann[2]) : [];
      const sentences: Sentence[] = (ann ? decodeSentenceMeta(ann[1]) : []).map(
        ([index, start, end, group, tx], i) => {
          const s = { index, start, end, text: text.slice(start, end) } as Sentence;
          lazyTokens(s, text, lines[i] ?? '', start);
          s.timexes = tx ?? [];
          if (group !== null) s.dupGroup = group;
          return s;
        },
      );
      const mentions: Mention[] = ann ? decodeMentions(ann[3], text, (er) => entityIds.get(er)) : [];
      const qs: Quote[] = (quoteRows.get(r.rowid) ?? []).map(quoteFromRow);
      const a: Article = {
        id: r.id,
        path: r.path,
        url: r.url,
        canonicalUrl: r.canonical_url,
        title: r.title,
        byline: r.byline,
        source: r.source,
        publishedAt: storedDay(r.published_at),
        publishedAtEvidence: (r.published_at_evidence as Article['publishedAtEvidence']) ?? null,
        language: r.language,
        rawText:
          r.raw_text === null
            ? text
            : typeof r.raw_text === 'string'
              ? r.raw_text
              : inflateRawSync(r.raw_text).toString('utf8'),
        text,
        removed: r.removed ? JSON.parse(r.removed) : [],
        sentences,
        mentions,
        quotes: qs,
        warnings: r.warnings ? JSON.parse(r.warnings) : [],
        topic: r.topic,
        contentHash: r.content_hash,
        duplicateOf: r.duplicate_of,
      };
      if (r.lines_are_sentences) a.linesAreSentences = true;
      return a;
    });
  }

  /** Entities mentioned in the given articles (ids as stored), most mentioned first. */
  private entitiesOf(articles: Article[]): Entity[] {
    const counts = new Map<string, { mentions: number; articles: string[] }>();
    for (const a of articles)
      for (const m of a.mentions) {
        if (!m.entityId) continue;
        let c = counts.get(m.entityId);
        if (!c) counts.set(m.entityId, (c = { mentions: 0, articles: [] }));
        c.mentions++;
        if (c.articles[c.articles.length - 1] !== a.id) c.articles.push(a.id);
      }
    const get = this.db.prepare('SELECT rowid, id, name, type FROM entities WHERE id = ?');
    const aliases = this.db
      .prepare('SELECT alias FROM entity_aliases WHERE entity_rowid = ? ORDER BY alias')
      .pluck();
    const out: Entity[] = [];
    for (const [id, c] of counts) {
      const e = get.get(id) as { rowid: number; id: string; name: string; type: EntityType } | undefined;
      if (!e) continue;
      const al = (aliases.all(e.rowid) as string[]).filter((x) => x !== e.name);
      out.push({
        id: e.id,
        name: e.name,
        type: e.type,
        aliases: al,
        mentions: c.mentions,
        articleIds: c.articles,
      });
    }
    return out.sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name));
  }

  /** The story's articles rebuilt from the store, as an Analysis (no re-analysis). */
  async storyAnalysis(storyId: string): Promise<Analysis> {
    this.storyRow(storyId);
    const articles = this.storyArticlesSync(storyId);
    return { articles, entities: this.entitiesOf(articles), errors: [] };
  }

  // ---------------------------------------------------------------- stories

  private summary(r: StoryRow): StorySummary {
    const ent = [...decodeVector(r.entity_vec)].filter(([k]) => /^e\d+$/.test(k)).sort((x, y) => y[1] - x[1]);
    const get = this.db.prepare('SELECT name, type FROM entities WHERE rowid = ?');
    const topEntities = ent.slice(0, 5).flatMap(([k, n]) => {
      const e = get.get(Number(k.slice(1))) as { name: string; type: EntityType } | undefined;
      return e ? [{ name: e.name, type: e.type, mentions: Math.round(n) }] : [];
    });
    const sources = this.db
      .prepare(
        "SELECT source, count(*) n FROM articles WHERE story_rowid = ? AND source IS NOT NULL AND source != '' GROUP BY source ORDER BY n DESC, source LIMIT 10",
      )
      .raw()
      .all(r.rowid)
      .map((x) => (x as [string, number])[0]);
    const title =
      r.title ||
      topEntities
        .slice(0, 3)
        .map((e) => e.name)
        .join(', ') ||
      r.id;
    const { from, to } = this.storySpan(r);
    return { id: r.id, title, articles: r.size, from, to, topEntities, sources, version: r.version };
  }

  /** A story's first and last publication day; recomputed from its articles' plausible days when a stored
   * bound is impossible (written before days were checked). */
  private storySpan(r: StoryRow): { from: string | null; to: string | null } {
    if (r.first_day === storedDay(r.first_day) && r.last_day === storedDay(r.last_day))
      return { from: r.first_day, to: r.last_day };
    const days = (
      this.stmt(
        'SELECT DISTINCT published_at FROM articles WHERE story_rowid = ? AND published_at IS NOT NULL ORDER BY 1',
        'pluck',
      ).all(r.rowid) as string[]
    ).filter(isPlausibleDay);
    return { from: days[0] ?? null, to: days[days.length - 1] ?? null };
  }

  async listStories(): Promise<StorySummary[]> {
    const rows = this.db
      .prepare('SELECT * FROM stories WHERE size > 0 ORDER BY size DESC, rowid')
      .all() as StoryRow[];
    return rows.map((r) => this.summary(r));
  }

  /** The story with this id, or the one it was merged into (see story_aliases); its `id` is the current one. */
  async getStory(id: string): Promise<StorySummary | null> {
    const r = this.findStoryRow(id);
    return r ? this.summary(r) : null;
  }

  private storyRow(id: string): StoryRow {
    const r = this.findStoryRow(id);
    if (!r) throw new StoreError(this.path, `no story "${id}" (see \`chronicle stories\`)`, 'no-story');
    return r;
  }

  /** A story by its id or by the id of a story merged into it. */
  private findStoryRow(id: string): StoryRow | undefined {
    return (this.stmt('SELECT * FROM stories WHERE id = ?').get(id) ??
      this.stmt(
        'SELECT s.* FROM story_aliases a JOIN stories s ON s.rowid = a.story_rowid WHERE a.id = ?',
      ).get(id)) as StoryRow | undefined;
  }

  /** The current id of a story given by its id or an alias (the id itself when unknown: a new story's). */
  private currentStoryId(id: string): string {
    return (
      (this.stmt(
        'SELECT s.id FROM story_aliases a JOIN stories s ON s.rowid = a.story_rowid WHERE a.id = ?',
        'pluck',
      ).get(id) as string | undefined) ?? id
    );
  }

  /** True when a story or an alias has this id (story ids are never reused). */
  private storyIdTaken(id: string): boolean {
    return (
      this.stmt(
        'SELECT 1 FROM stories WHERE id = ? UNION ALL SELECT 1 FROM story_aliases WHERE id = ?',
        'pluck',
      ).get(id, id) !== undefined
    );
  }

  /** A story merged away keeps its id, and the aliases it had, as aliases of the story it joined. */
  private keepAlias(fromId: string, fromRowid: number, intoRowid: number) {
    this.stmt('UPDATE story_aliases SET story_rowid = ? WHERE story_rowid = ?').run(intoRowid, fromRowid);
    this.stmt(
      'INSERT INTO story_aliases (id, story_rowid) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET story_rowid = excluded.story_rowid',
    ).run(fromId, intoRowid);
  }

  /** Per-story date statistics kept incrementally at ingest: day -> articles published, sentences referring. */
  async storyDays(id: string): Promise<{ day: string; articles: number; refs: number }[]> {
    const r = this.storyRow(id);
    const days = this.db
      .prepare('SELECT day, articles, refs FROM story_days WHERE story_rowid = ? ORDER BY day')
      .all(r.rowid) as { day: string; articles: number; refs: number }[];
    return days.filter((d) => isPlausibleDay(d.day));
  }

  /**
   * Build a story's timeline from its stored analysis (the stored timeline is not used). The articles come
   * from the lean, incrementally updated timeline source: the same analysis `storyAnalysis` gives.
   */
  async buildStoryTimeline(id: string, options: TimelineOptions = {}): Promise<Timeline> {
    return this.buildStoryTimelineSync(id, options);
  }

  private buildStoryTimelineSync(id: string, options: TimelineOptions = {}): Timeline {
    const r = this.storyRow(id);
    return buildTimelineFromAnalysis(this.timelineSource().analysis(r.rowid, r.version), options);
  }

  private timelineSourceState?: TimelineSource;
  /** Term ids of the timeline_terms dictionary, cached per ingest batch (a rolled-back batch takes its new ids along). */
  private readonly batchTerms = new WeakMap<
    object,
    { save: (rowid: number, sentences: number, p: PreparedArticle) => void; cache: Map<string, number> }
  >();
  /** Term ids known to be committed: rows of timeline_terms are never changed or deleted once committed, so
   * these stay valid across batches (and whatever other writers add). Filled from each committed batch. */
  private readonly committedTerms = new Map<string, number>();

  /** After `batch` committed: its term ids are committed ones. */
  private termsCommitted(batch: object) {
    const b = this.batchTerms.get(batch);
    if (!b) return;
    if (this.committedTerms.size + b.cache.size > 1_000_000) this.committedTerms.clear();
    for (const [t, id] of b.cache) this.committedTerms.set(t, id);
    this.batchTerms.delete(batch);
  }

  /**
   * Store the timeline builder's per-sentence term statistics of an article inserted by the batch `batch` (called
   * from writeBatch, inside its transaction; see timeline-state.ts): the prepared statistics with their batch-local
   * term numbers mapped to the store's term ids, each dictionary entry looked up once per batch.
   */
  private saveSentenceTerms(rowid: number, sentences: number, p: PreparedArticle, batch: object) {
    let entry = this.batchTerms.get(batch);
    if (!entry) {
      const cache = new Map<string, number>();
      const committed = this.committedTerms;
      const find = this.db.prepare('SELECT id FROM timeline_terms WHERE term = ?').pluck();
      const add = this.db.prepare('INSERT INTO timeline_terms (term) VALUES (?)');
      // An upsert, not INSERT OR REPLACE: the row left is the same (a stale row of a reused rowid gets the new
      // data), but with foreign keys on, REPLACE costs some 50 times more per row (~0.5 ms: most of this table's
      // share of ingest).
      const put = this.db.prepare(
        'INSERT INTO sentence_terms (article_rowid, data) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET data = excluded.data',
      );
      const idOf = (term: string) => {
        let id = committed.get(term) ?? cache.get(term);
        if (id === undefined) {
          id = (find.get(term) as number | undefined) ?? Number(add.run(term).lastInsertRowid);
          cache.set(term, id);
        }
        return id;
      };
      // Per prepared dictionary: its entries' store ids (0: not looked up yet; store ids start at 1).
      const mapped = new Map<string[], Float64Array>();
      entry = {
        save: (r, n, prep) => {
          const dict = prep.dictionary;
          let ids = mapped.get(dict);
          if (!ids || ids.length < dict.length) {
            const grown = new Float64Array(dict.length);
            if (ids) grown.set(ids);
            mapped.set(dict, (ids = grown));
          }
          put.run(
            r,
            encodeTermStats(prep, n, ids, (k) => idOf(dict[k]!)),
          );
        },
        cache,
      };
      this.batchTerms.set(batch, entry);
    }
    entry.save(rowid, sentences, p);
  }

  /** The per-store timeline source (lean story reads, cached per story and updated with new articles). */
  private timelineSource(): TimelineSource {
    return (this.timelineSourceState ??= new TimelineSource(this.db, { decodeTokens }));
  }

  async storyTimeline(id: string, options: TimelineOptions = {}): Promise<Timeline> {
    const r = this.storyRow(id);
    const key = optionsKey(options);
    const stored = this.db
      .prepare('SELECT story_version, json FROM timelines WHERE story_rowid = ? AND options_key = ?')
      .get(r.rowid, key) as { story_version: number; json: string } | undefined;
    if (stored && stored.story_version === r.version) return JSON.parse(stored.json) as Timeline;
    const t = this.buildStoryTimelineSync(id, options);
    if (!this.readonly) {
      try {
        this.saveTimeline(r.rowid, key, r.version, t);
      } catch (e) {
        // A stored timeline only saves rebuilding it: a locked, read-only or full store still answers the read.
        if (!isBusy(e) && !['read-only', 'full'].includes(storeFailure(e))) throw e;
      }
    }
    return t;
  }

  private saveTimeline(storyRowid: number, key: string, version: number, t: Timeline) {
    try {
      this.db
        .prepare(
          `INSERT INTO timelines (story_rowid, options_key, story_version, json) VALUES (?, ?, ?, ?)
          ON CONFLICT (story_rowid, options_key) DO UPDATE SET story_version = excluded.story_version, json = excluded.json`,
        )
        .run(storyRowid, key, version, JSON.stringify(t));
    } catch (e) {
      throw storeError(this.path, e, 'saving a timeline');
    }
  }

  /** Update the stored timelines of the given stories (only stories that have stored timelines). */
  async refreshStoredTimelines(storyIds: string[]): Promise<number> {
    return this.refreshStoredTimelinesSync(storyIds);
  }

  private refreshStoredTimelinesSync(storyIds: string[]): number {
    let n = 0;
    const rows = this.db
      .prepare(
        'SELECT t.options_key FROM timelines t JOIN stories s ON s.rowid = t.story_rowid WHERE s.id = ?',
      )
      .pluck();
    for (const id of storyIds) {
      const keys = rows.all(id) as string[];
      if (!keys.length) continue;
      const r = this.storyRow(id);
      // The story's cached state takes in only the articles it does not hold yet.
      const analysis = this.timelineSource().analysis(r.rowid, r.version);
      for (const key of keys) {
        const [dates, sentences, query, from, to, strategy] = JSON.parse(key) as (string | number | null)[];
        const o: TimelineOptions = {};
        if (dates !== null) o.dates = dates as number;
        if (sentences !== null) o.sentences = sentences as number;
        if (query !== null) o.query = query as string;
        if (from !== null) o.from = from as string;
        if (to !== null) o.to = to as string;
        if (strategy !== null) o.strategy = strategy as string;
        this.saveTimeline(r.rowid, key, r.version, buildTimelineFromAnalysis(analysis, o));
        n++;
      }
    }
    return n;
  }

  async queryTimeline(query: string, options: TimelineOptions = {}): Promise<Timeline> {
    const hits = this.searchSync(query, { from: options.from, to: options.to, limit: 2000 });
    const articles = this.getArticlesSync(hits.map((h) => h.articleId));
    return buildTimelineFromAnalysis(
      { articles, entities: this.entitiesOf(articles), errors: [] },
      { ...options, query: options.query ?? query },
    );
  }

  // ---------------------------------------------------------------- search

  /**
   * Ranked full-text search: bm25, title weighted 4x. When a query matches more than SEARCH_CANDIDATES
   * articles (common words over a large store), the ranking considers the most recently stored ones, so a
   * query costs about the same at 200,000 articles as at 20,000. Filters are applied to those candidates;
   * when that leaves too few hits (selective filters), the candidates are instead the most recent matches
   * that pass the filters. Snippets are made for the returned hits only (see snippetOf).
   */
  async search(terms: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    return this.searchSync(terms, filters);
  }

  private searchSync(terms: string, filters: SearchFilters = {}): SearchHit[] {
    const match = ftsQuery(terms);
    if (!match) return [];
    const limit = filters.limit ?? 20;
    const where: string[] = [];
    const params: Record<string, unknown> = { match, limit, cap: Math.max(this.searchCandidates, limit) };
    if (filters.source) {
      where.push('a.source = @source COLLATE NOCASE');
      params.source = filters.source;
    }
    if (filters.from) {
      where.push('a.published_at >= @from');
      params.from = filters.from;
    }
    if (filters.to) {
      where.push('a.published_at <= @to');
      params.to = filters.to;
    }
    if (filters.story) {
      where.push(`a.story_rowid = coalesce((SELECT rowid FROM stories WHERE id = @story),
        (SELECT story_rowid FROM story_aliases WHERE id = @story))`);
      params.story = filters.story;
    }
    if (filters.entity) {
      where.push(`a.rowid IN (SELECT ae.article_rowid FROM article_entities ae WHERE ae.entity_rowid IN
        (SELECT rowid FROM entities WHERE key = @entity UNION SELECT entity_rowid FROM entity_aliases WHERE key = @entity))`);
      params.entity = normKey(filters.entity);
    }
    const ranked = (
      extra: string,
    ) => `SELECT f.rowid AS rowid, bm25(articles_fts, 4.0, 1.0) AS r FROM articles_fts f
      WHERE articles_fts MATCH @match ${extra} ORDER BY f.rowid DESC LIMIT @cap`;
    try {
      // 1. Rank the most recent matches, then filter them (cheap when the filters keep a fair share).
      let top = this.stmt(
        where.length
          ? `SELECT c.rowid, c.r FROM (${ranked('')}) c JOIN articles a ON a.rowid = c.rowid
            WHERE ${where.join(' AND ')} ORDER BY c.r, c.rowid DESC LIMIT @limit`
          : `SELECT rowid, r FROM (${ranked('')}) ORDER BY r, rowid DESC LIMIT @limit`,
        'raw',
      ).all(params) as [number, number][];
      // 2. Too few hits passed the filters, and there are more matches than candidates: rank the most recent
      //    matches that pass the filters. They form a rowid set checked inside the full-text scan (the unary +
      //    keeps it out of the full-text index's own constraints).
      if (
        where.length &&
        top.length < limit &&
        (this.stmt(
          'SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match LIMIT @cap + 1)',
          'pluck',
        ).get(params) as number) > (params.cap as number)
      )
        top = this.stmt(
          `SELECT rowid, r FROM (${ranked(`AND +f.rowid IN (SELECT a.rowid FROM articles a WHERE ${where.join(' AND ')})`)})
          ORDER BY r, rowid DESC LIMIT @limit`,
          'raw',
        ).all(params) as [number, number][];
      const hit = this.stmt(`SELECT id AS articleId, title, source, published_at AS publishedAt, url, text
        FROM articles WHERE rowid = ?`);
      const rows = top.map(([rowid, rank]) => {
        const row = hit.get(rowid) as (Omit<SearchHit, 'snippet' | 'score'> & { text: string }) | undefined;
        // The full-text index is kept in step with the articles by triggers: a hit without its article is damage.
        if (!row)
          throw new StoreError(
            this.path,
            `the full-text index lists article row ${rowid}, which is not stored: the store is damaged`,
            'corrupt',
          );
        return { ...row, rank };
      });
      const words = queryStems(terms);
      return rows.map(({ rank, text, ...h }) => ({
        ...h,
        publishedAt: storedDay(h.publishedAt),
        snippet: snippetOf(text, h.title, words),
        score: Number((-rank).toPrecision(4)),
      }));
    } catch (e) {
      throw storeError(this.path, e, 'searching');
    }
  }

  // ---------------------------------------------------------------- entities and quotes

  async entities(filters: { story?: string; type?: EntityType; limit?: number } = {}): Promise<Entity[]> {
    const limit = filters.limit ?? 50;
    const params: unknown[] = [];
    let sql: string;
    if (filters.story) {
      const r = this.storyRow(filters.story);
      sql = `SELECT e.rowid, e.id, e.name, e.type, sum(ae.mentions) AS n FROM article_entities ae
        JOIN articles a ON a.rowid = ae.article_rowid JOIN entities e ON e.rowid = ae.entity_rowid WHERE a.story_rowid = ?`;
      params.push(r.rowid);
      if (filters.type) {
        sql += ' AND e.type = ?';
        params.push(filters.type);
      }
      sql += ' GROUP BY e.rowid ORDER BY n DESC, e.name LIMIT ?';
    } else {
      sql = 'SELECT rowid, id, name, type, mentions AS n FROM entities WHERE mentions > 0';
      if (filters.type) {
        sql += ' AND type = ?';
        params.push(filters.type);
      }
      sql += ' ORDER BY n DESC, name LIMIT ?';
    }
    params.push(limit);
    const rows = this.db.prepare(sql).all(...params) as {
      rowid: number;
      id: string;
      name: string;
      type: EntityType;
      n: number;
    }[];
    const aliases = this.db
      .prepare('SELECT alias FROM entity_aliases WHERE entity_rowid = ? ORDER BY alias')
      .pluck();
    const arts = this.db
      .prepare(
        `SELECT a.id FROM article_entities ae JOIN articles a ON a.rowid = ae.article_rowid WHERE ae.entity_rowid = ?${filters.story ? ' AND a.story_rowid = ?' : ''} ORDER BY ae.article_rowid LIMIT 1000`,
      )
      .pluck();
    const storyRowid = filters.story ? this.storyRow(filters.story).rowid : undefined;
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      aliases: (aliases.all(r.rowid) as string[]).filter((a) => a !== r.name),
      mentions: r.n,
      articleIds: (storyRowid !== undefined ? arts.all(r.rowid, storyRowid) : arts.all(r.rowid)) as string[],
    }));
  }

  async quotes(filters: { speaker?: string; story?: string; limit?: number } = {}): Promise<StoredQuote[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: filters.limit ?? 100 };
    if (filters.speaker) {
      where.push(
        `(q.speaker LIKE @like ESCAPE '\\' OR q.speaker_entity_rowid IN (SELECT entity_rowid FROM entity_aliases WHERE key = @key))`,
      );
      params.like = `%${filters.speaker.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      params.key = normKey(filters.speaker);
    }
    if (filters.story) {
      where.push('a.story_rowid = @story');
      params.story = this.storyRow(filters.story).rowid;
    }
    const sql = `SELECT q.speaker, q.text, q.cue, a.published_at AS date, a.id AS articleId, s.id AS storyId
      FROM quotes q JOIN articles a ON a.rowid = q.article_rowid LEFT JOIN stories s ON s.rowid = a.story_rowid
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.published_at, a.rowid, q.idx LIMIT @limit`;
    const quotes = this.db.prepare(sql).all(params) as StoredQuote[];
    for (const q of quotes) q.date = storedDay(q.date);
    return quotes;
  }

  /** A story id for an import whose own id is taken: "s" + the next rowid, skipping ids taken. */
  private newStoryIdForImport(): string {
    const max = (this.db.prepare('SELECT coalesce(max(rowid), 0) FROM stories').pluck().get() as number) + 1;
    let n = max;
    while (this.storyIdTaken(`s${n}`)) n++;
    return `s${n}`;
  }

  // ---------------------------------------------------------------- maintenance

  async stats(): Promise<StoreStats> {
    const c = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const pages = c('PRAGMA page_count') * c('PRAGMA page_size');
    return {
      articles: c('SELECT count(*) FROM articles'),
      stories: c('SELECT count(*) FROM stories WHERE size > 0'),
      entities: c('SELECT count(*) FROM entities'),
      bytes: pages,
    };
  }

  async integrityCheck(): Promise<string> {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * Tokens are decoded on first use: most consumers of a rebuilt story (timelines over thousands of articles)
 * read sentence texts and annotations, not every token. The property is an ordinary enumerable one once read.
 */
function lazyTokens(s: Sentence, text: string, encoded: string, sentenceStart: number) {
  Object.defineProperty(s, 'tokens', {
    enumerable: true,
    configurable: true,
    get() {
      const tokens = decodeTokens(encoded, text, sentenceStart);
      Object.defineProperty(s, 'tokens', {
        value: tokens,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return tokens;
    },
    set(v) {
      Object.defineProperty(s, 'tokens', { value: v, enumerable: true, writable: true, configurable: true });
    },
  });
}

export { encodeTokens } from './prepare.js';

export function decodeTokens(encoded: string, text: string, sentenceStart: number): Token[] {
  if (encoded.startsWith('[')) {
    const flat = JSON.parse(encoded) as number[];
    const tokens = new Array<Token>(flat.length >> 1);
    for (let i = 0; i < flat.length; i += 2)
      tokens[i >> 1] = { text: text.slice(flat[i], flat[i + 1]), start: flat[i], end: flat[i + 1] };
    return tokens;
  }
  if (!encoded) return [];
  let prev = sentenceStart;
  return encoded.split(' ').map((pair) => {
    const dot = pair.indexOf('.');
    const start = prev + parseInt(pair.slice(0, dot), 36);
    const end = start + parseInt(pair.slice(dot + 1), 36);
    prev = end;
    return { text: text.slice(start, end), start, end };
  });
}

/** Turn user terms into a safe FTS5 query: quoted phrases kept, other words ANDed, syntax neutralised. */
export function ftsQuery(terms: string): string {
  const parts: string[] = [];
  const re = /"([^"]*)"|([\p{L}\p{N}][\p{L}\p{N}'’_-]*)/gu;
  for (const m of terms.matchAll(re)) {
    const words = (m[1] ?? m[2]).match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    const w = words.filter((x) => !(m[2] && /^(AND|OR|NOT|NEAR)$/.test(x)));
    if (w.length) parts.push(`"${w.join(' ')}"`);
  }
  return parts.join(' ');
}

/** Word key as the full-text index sees it, near enough for highlighting: lower case, no accents, stemmed. */
function searchKey(word: string): string {
  const w = (ASCII_ONLY.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
  return /^[a-z0-9]+$/.test(w) ? porterStem(w) : w;
}

/** The query's words as search keys (operators and quotes dropped, as ftsQuery does). */
function queryStems(terms: string): Set<string> {
  const out = new Set<string>();
  for (const m of ftsQuery(terms).matchAll(/[\p{L}\p{N}]+/gu)) out.add(searchKey(m[0]));
  return out;
}

/**
 * A snippet of one hit: the 16-word window of the text with the most query words (the title when the text
 * has none), matched words in [brackets], "…" where the text was cut — the form FTS5's snippet() gives.
 */
function snippetOf(text: string, title: string | null, words: Set<string>, size = 16): string {
  // Each distinct word is stemmed once.
  const seen = new Map<string, boolean>();
  const matches = (tok: string) => {
    let m = seen.get(tok);
    if (m === undefined) seen.set(tok, (m = words.has(searchKey(tok))));
    return m;
  };
  const pick = (s: string) => {
    const toks = [...s.matchAll(/[\p{L}\p{N}]+/gu)];
    const hit = toks.map((t) => matches(t[0]));
    let best = 0;
    let bestCount = -1;
    let count = 0;
    for (let i = 0; i < toks.length; i++) {
      if (hit[i]) count++;
      if (i >= size && hit[i - size]) count--;
      const start = Math.max(0, i - size + 1);
      if (count > bestCount) {
        bestCount = count;
        best = start;
      }
    }
    return { s, toks, hit, best, count: bestCount };
  };
  let c = pick(text);
  if (c.count <= 0 && title) {
    const t = pick(title);
    if (t.count > 0) c = t;
  }
  if (!c.toks.length) return c.s.replace(/\s+/g, ' ').trim().slice(0, 200);
  // Centre the matched words in the window.
  let first = -1;
  let last = -1;
  for (let i = c.best; i < Math.min(c.toks.length, c.best + size); i++)
    if (c.hit[i]) {
      if (first < 0) first = i;
      last = i;
    }
  if (first >= 0)
    c.best = Math.max(0, Math.min(first - ((size - (last - first + 1)) >> 1), c.toks.length - size));
  const end = Math.min(c.toks.length, c.best + size);
  let out = c.best > 0 ? '…' : '';
  let pos = c.best > 0 ? c.toks[c.best].index : 0;
  for (let i = c.best; i < end; i++) {
    const t = c.toks[i];
    out += c.s.slice(pos, t.index);
    out += c.hit[i] ? `[${t[0]}]` : t[0];
    pos = t.index + t[0].length;
  }
  out += end < c.toks.length ? '…' : c.s.slice(pos);
  return out.replace(/\s+/g, ' ').trim();
}

guardMethods(
  SqliteStore.prototype,
  {
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
    stats: 'counting',
  },
  storeError,
);
