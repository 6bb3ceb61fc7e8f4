/**
 * The PostgreSQL backend of the Store (node-postgres), for many processes on many machines over one database:
 * a connection pool per store object; each committed batch is one transaction that first takes a
 * transaction-scoped advisory lock (one writer per batch commit, as SQLite's IMMEDIATE transaction), then reads
 * the snapshot in bulk (snapshot.ts), plans (core/plan.ts) and writes (apply.ts). Full-text search is a stored
 * tsvector with a GIN index, ranked by ts_rank (title weighted 4x as in SQLite) with ts_headline snippets.
 * Everything that is not SQL lives in core/.
 */
import pg from 'pg';
import type { Article, Entity, EntityType } from '../../model.js';
import type { OpenOptions, SearchFilters, SearchHit, StoredQuote, StoreStats } from '../types.js';
import { StoreError } from '../errors.js';
import { guardMethods } from '../guard.js';
import { articlesFromRowSets } from '../core/articles.js';
import { dayOrder, isPlausibleDay, storedDay } from '../core/days.js';
import { planBatch, undoRenames, type BatchInput, type BatchPlan } from '../core/plan.js';
import { normKey } from '../core/prepare.js';
import { type ArticleRow, type QuoteColumns } from '../core/rows.js';
import { GUARDED, StoreCore, type StoryRow } from '../core/store.js';
import type { LeanReader } from '../core/timeline-source.js';
import { applyPlan } from './apply.js';
import { pgLeanReader, QUOTES_SQL } from './lean.js';
import { pgStoreError, redactUrl } from './errors.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION, searchVectorSql, WRITE_LOCK } from './schema.js';
import { pgSearch } from './search.js';
import { PgSnapshot } from './snapshot.js';

// count(*) and sums are bigint: small enough here to read as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

/** A URL that selects this backend. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

const ARTICLE = `rowid, id, content_hash, canonical_url, url, path, title, byline, source, published_at,
  published_at_evidence, language, topic, raw_text, text, removed, warnings, duplicate_of, lines_are_sentences, story_rowid`;

/** Planning rounds a batch may take before the store gives up (see snapshot.ts; 2 to 4 are usual). */
const MAX_ROUNDS = 12;

/**
 * Planning rounds of the dry run before the lock (foresee). With the first questions read up front
 * (wantFirst), a round finds the questions their answers lead to (entities found by match keys), a second
 * those that these lead to (their contexts and aliases); nearly every batch then plans in one round under
 * the lock.
 */
const FORESEE_ROUNDS = 2;

export class PgStore extends StoreCore {
  readonly path: string;
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly busyTimeout: number;
  /** Batch commits by this object: seconds waiting for the write lock, and holding it (the serial part). */
  readonly commitTimes = { batches: 0, waitSeconds: 0, lockedSeconds: 0 };

  private constructor(url: string, options: OpenOptions) {
    super(options);
    this.location = url;
    this.path = redactUrl(url);
    this.busyTimeout = options.busyTimeout ?? 15000;
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 4,
      connectionTimeoutMillis: 10000,
      application_name: 'chronicle',
    });
    // An idle connection the server dropped (a restart) is replaced on next use; it must not crash the process.
    this.pool.on('error', () => {});
    // Nor may one checked out (a batch's transaction when the server restarts): node-postgres fails its queries
    // and then emits 'error' on the client, which pg-pool listens to only while the client is idle.
    this.pool.on('connect', (client) => client.on('error', () => {}));
  }

  /** Connect, check the schema and migrate (unless read-only). Errors name the URL without its password. */
  static async open(url: string, options: OpenOptions = {}): Promise<PgStore> {
    const store = new PgStore(url, options);
    try {
      await store.migrate();
    } catch (e) {
      await store.pool.end().catch(() => {});
      throw pgStoreError(store.path, e, 'opening');
    }
    return store;
  }

  private async schemaVersion(client: pg.ClientBase): Promise<number> {
    const r = await client.query("SELECT to_regclass('chronicle_schema') IS NOT NULL AS present");
    if (!r.rows[0].present) return 0;
    return (await client.query('SELECT version FROM chronicle_schema')).rows[0]?.version ?? 0;
  }

  private async migrate(): Promise<void> {
    // Two processes creating one store at once: the loser of the race may not see the winner's tables in its
    // catalog snapshot after taking the lock (an advisory lock does not refresh it), and fails on creating
    // them; the second try sees them.
    for (let attempt = 0; ; attempt++)
      try {
        return await this.migrateOnce();
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (attempt >= 2 || (code !== '42P07' && code !== '23505')) throw e;
      }
  }

  private async migrateOnce() {
    const client = await this.pool.connect();
    try {
      const v = await this.schemaVersion(client);
      if (v > PG_SCHEMA_VERSION)
        throw new StoreError(
          this.path,
          `written by a newer Chronicle (schema version ${v})`,
          'schema',
          'NEWER_SCHEMA',
        );
      if (v === PG_SCHEMA_VERSION) return;
      if (this.readonly)
        throw new StoreError(
          this.path,
          v === 0
            ? 'no Chronicle store in this database (run `chronicle ingest` first)'
            : `store is at schema version ${v}; open it writable once to migrate`,
          v === 0 ? 'missing' : 'schema',
          'OLD_SCHEMA',
        );
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
        // Another process may have migrated while this one waited for the lock.
        for (let i = await this.schemaVersion(client); i < PG_SCHEMA_VERSION; i++) {
          await client.query(PG_MIGRATIONS[i]!);
          await client.query('UPDATE chronicle_schema SET version = $1', [i + 1]);
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      }
    } finally {
      client.release();
    }
  }

  storeError(e: unknown, doing: string): Error {
    return pgStoreError(this.path, e, doing);
  }

  private async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  private async one<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }

  // ---------------------------------------------------------------- ingest

  async storedKeys(hashes: string[], urls: string[]) {
    const pick = async (col: string, values: string[]) =>
      new Set(
        values.length
          ? (
              await this.rows<{ k: string }>(
                `SELECT ${col} AS k FROM articles WHERE ${col} = ANY($1::text[])`,
                [values],
              )
            ).map((r) => r.k)
          : [],
      );
    return { hashes: await pick('content_hash', hashes), urls: await pick('canonical_url', urls) };
  }

  /**
   * The batch's search vectors (tsvector text by content hash), computed by the server before the write lock
   * is taken: parsing and stemming the texts is the costliest part of writing an article, and needs nothing
   * of the store.
   */
  private async searchVectors(articles: Article[]): Promise<Map<string, string>> {
    const list = articles.filter((a) => a.contentHash);
    if (!list.length) return new Map();
    const r = await this.pool.query<{ v: string }>(
      `SELECT (${searchVectorSql('t', 'x')})::text AS v FROM unnest($1::text[], $2::text[]) WITH ORDINALITY u(t, x, n)
       ORDER BY n`,
      [list.map((a) => a.title ?? null), list.map((a) => a.text)],
    );
    return new Map(r.rows.map((row, i) => [list[i]!.contentHash!, row.v]));
  }

  /**
   * Plan the batch against the store as it is now, without the lock, to learn which questions the planner
   * asks (the entities its names lead to, their contexts, the terms...): a dry run in rounds, its plan thrown
   * away. Under the lock the same questions are then read in one bulk round, so the planner usually runs once
   * there instead of two to four times. The dry run never decides anything: a question it did not foresee
   * (another writer committed meanwhile) costs one more round under the lock.
   */
  private async foresee(input: BatchInput): Promise<PgSnapshot> {
    const client = await this.pool.connect();
    try {
      const snapshot = new PgSnapshot(client);
      await snapshot.begin();
      snapshot.wantFirst(input);
      snapshot.wantNewStoryIds(input.articles.length);
      for (let round = 0; round < FORESEE_ROUNDS; round++) {
        await snapshot.read();
        try {
          // Rounds before the last skip the clustering (whose questions come last: the document frequencies
          // of the terms of the stories the articles are compared with).
          const questionsOnly = round < FORESEE_ROUNDS - 1;
          undoRenames(planBatch({ ...input, onProgress: undefined, questionsOnly, dryRun: true }, snapshot));
        } catch {
          // A plan that fails on partial answers fails or succeeds again under the lock.
        }
        if (!snapshot.misses) return snapshot;
      }
      // The questions of the last round are read; one that these answers lead to is asked under the lock.
      await snapshot.read();
      return snapshot;
    } finally {
      client.release();
    }
  }

  /**
   * One transaction holding the advisory write lock: the snapshot read, the batch planned, the plan written.
   * Before the lock: the search vectors and a dry run of the planner (foresee), so the lock is held for one
   * bulk read, (usually) one planning round and the writes.
   */
  async writeBatch(input: BatchInput): Promise<BatchPlan> {
    const trace = process.env.CHRONICLE_PG_TRACE ? (m: string) => process.stderr.write(`pg: ${m}\n`) : null;
    let tr = performance.now();
    const vectors = await this.searchVectors(input.articles);
    trace?.(`search vectors ${(performance.now() - tr).toFixed(0)} ms`);
    tr = performance.now();
    const foreseen = await this.foresee(input);
    trace?.(`foresee ${(performance.now() - tr).toFixed(0)} ms`);
    const client = await this.pool.connect();
    let plan: BatchPlan | undefined;
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(this.busyTimeout))}`);
      const t0 = performance.now();
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const t1 = performance.now();
      const snapshot = new PgSnapshot(client);
      await snapshot.begin();
      snapshot.wantAnswered(foreseen);
      snapshot.wantNewStoryIds(input.articles.length);
      await snapshot.read();
      tr = performance.now();
      trace?.(`lock ${(t1 - t0).toFixed(0)} ms, begin+first read ${(tr - t1).toFixed(0)} ms`);
      for (let round = 0; ; round++) {
        let failure: unknown;
        plan = undefined;
        const tp = performance.now();
        try {
          plan = planBatch(input, snapshot);
        } catch (e) {
          failure = e;
        }
        trace?.(`round ${round}: plan ${(performance.now() - tp).toFixed(0)} ms, ${snapshot.misses} misses`);
        if (!snapshot.misses) {
          if (failure) throw failure;
          break;
        }
        if (plan) undoRenames(plan);
        if (round >= MAX_ROUNDS)
          throw new Error(`planning the batch took more than ${MAX_ROUNDS} rounds of reads`);
        tr = performance.now();
        await snapshot.read();
        trace?.(`read ${(performance.now() - tr).toFixed(0)} ms`);
      }
      const ta = performance.now();
      await applyPlan(client, plan!, vectors);
      trace?.(`apply ${(performance.now() - ta).toFixed(0)} ms`);

      await client.query('COMMIT');
      this.commitTimes.batches++;
      this.commitTimes.waitSeconds += (t1 - t0) / 1000;
      this.commitTimes.lockedSeconds += (performance.now() - t1) / 1000;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if (plan) undoRenames(plan);
      throw e;
    } finally {
      client.release(broken);
    }
    this.committed(plan!);
    return plan!;
  }

  // ---------------------------------------------------------------- reads

  protected async findStoryRow(id: string): Promise<StoryRow | undefined> {
    return this.one<StoryRow>(
      `SELECT * FROM stories WHERE id = $1 UNION ALL
       SELECT s.* FROM story_aliases a JOIN stories s ON s.rowid = a.story_rowid WHERE a.id = $1 LIMIT 1`,
      [id],
    );
  }

  protected async storyRows(): Promise<StoryRow[]> {
    return this.rows<StoryRow>('SELECT * FROM stories WHERE size > 0 ORDER BY size DESC, rowid');
  }

  protected async entityNames(rowids: number[]) {
    const out = new Map<number, { name: string; type: EntityType }>();
    for (const r of await this.rows<{ rowid: number; name: string; type: EntityType }>(
      'SELECT rowid, name, type FROM entities WHERE rowid = ANY($1::int[])',
      [rowids],
    ))
      out.set(r.rowid, { name: r.name, type: r.type });
    return out;
  }

  protected async storySources(storyRowid: number): Promise<string[]> {
    return (
      await this.rows<{ source: string }>(
        `SELECT source, count(*) n FROM articles WHERE story_rowid = $1 AND source IS NOT NULL AND source != ''
         GROUP BY source ORDER BY n DESC, source COLLATE "C" LIMIT 10`,
        [storyRowid],
      )
    ).map((r) => r.source);
  }

  protected async storyPublicationDays(storyRowid: number): Promise<string[]> {
    return (
      await this.rows<{ d: string }>(
        'SELECT DISTINCT published_at AS d FROM articles WHERE story_rowid = $1 AND published_at IS NOT NULL ORDER BY 1',
        [storyRowid],
      )
    ).map((r) => r.d);
  }

  protected async readArticles(where: { ids: string[] } | { story: number }): Promise<Article[]> {
    let rows: ArticleRow[];
    if ('ids' in where) {
      const byId = new Map(
        (
          await this.rows<ArticleRow>(`SELECT ${ARTICLE} FROM articles WHERE id = ANY($1::text[])`, [
            where.ids,
          ])
        ).map((r) => [r.id, r]),
      );
      rows = where.ids.map((id) => byId.get(id)).filter((r): r is ArticleRow => !!r);
    } else {
      rows = await this.rows<ArticleRow>(
        `SELECT ${ARTICLE} FROM articles WHERE story_rowid = $1 ORDER BY published_at COLLATE "C" NULLS FIRST, rowid`,
        [where.story],
      );
      if (rows.some((r) => r.published_at !== storedDay(r.published_at)))
        rows.sort(
          (x, y) => dayOrder(storedDay(x.published_at), storedDay(y.published_at)) || x.rowid - y.rowid,
        );
    }
    const ids = rows.map((r) => r.rowid);
    const annotations = (
      await this.pool.query({
        text: 'SELECT article_rowid, sentences, tokens, mentions FROM annotations WHERE article_rowid = ANY($1::int[])',
        values: [ids],
        rowMode: 'array',
      })
    ).rows as [number, string, string, string][];
    const entityIds = new Map<number, string>();
    for (const r of await this.rows<{ rowid: number; id: string }>(
      `SELECT rowid, id FROM entities WHERE rowid IN
       (SELECT entity_rowid FROM article_entities WHERE article_rowid = ANY($1::int[]))`,
      [ids],
    ))
      entityIds.set(r.rowid, r.id);
    const quotes = (await this.pool.query({ text: QUOTES_SQL, values: [ids], rowMode: 'array' })).rows as [
      number,
      ...QuoteColumns,
    ][];
    return articlesFromRowSets(rows, annotations, entityIds, quotes);
  }

  protected async entitiesById(ids: string[]) {
    const out = new Map<string, { name: string; type: EntityType; aliases: string[] }>();
    const rows = await this.rows<{ rowid: number; id: string; name: string; type: EntityType }>(
      'SELECT rowid, id, name, type FROM entities WHERE id = ANY($1::text[])',
      [ids],
    );
    const aliases = await this.aliasesOf(rows.map((r) => r.rowid));
    for (const e of rows) out.set(e.id, { name: e.name, type: e.type, aliases: aliases.get(e.rowid) ?? [] });
    return out;
  }

  private async aliasesOf(rowids: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    for (const r of await this.rows<{ er: number; alias: string }>(
      'SELECT entity_rowid AS er, alias FROM entity_aliases WHERE entity_rowid = ANY($1::int[]) ORDER BY entity_rowid, alias COLLATE "C"',
      [rowids],
    )) {
      if (!out.has(r.er)) out.set(r.er, []);
      out.get(r.er)!.push(r.alias);
    }
    return out;
  }

  protected async storedTimeline(storyRowid: number, key: string) {
    return this.one<{ version: number; json: string }>(
      'SELECT story_version AS version, json FROM timelines WHERE story_rowid = $1 AND options_key = $2',
      [storyRowid, key],
    );
  }

  protected async saveStoredTimeline(storyRowid: number, key: string, version: number, json: string) {
    // A newer version saved meanwhile by another process is kept.
    await this.pool.query(
      `INSERT INTO timelines (story_rowid, options_key, story_version, json) VALUES ($1, $2, $3, $4)
       ON CONFLICT (story_rowid, options_key) DO UPDATE SET story_version = excluded.story_version, json = excluded.json
       WHERE timelines.story_version <= excluded.story_version`,
      [storyRowid, key, version, json],
    );
  }

  protected async storedTimelineKeys(storyId: string): Promise<string[]> {
    return (
      await this.rows<{ k: string }>(
        'SELECT t.options_key AS k FROM timelines t JOIN stories s ON s.rowid = t.story_rowid WHERE s.id = $1',
        [storyId],
      )
    ).map((r) => r.k);
  }

  protected leanReader(): LeanReader {
    return pgLeanReader(this.pool);
  }

  async storyDays(id: string): Promise<{ day: string; articles: number; refs: number }[]> {
    const r = await this.storyRow(id);
    const days = await this.rows<{ day: string; articles: number; refs: number }>(
      'SELECT day, articles, refs FROM story_days WHERE story_rowid = $1 ORDER BY day COLLATE "C"',
      [r.rowid],
    );
    return days.filter((d) => isPlausibleDay(d.day));
  }

  /** Ranked full-text search over the stored tsvector (search.ts). */
  async search(terms: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    return pgSearch(this.pool, terms, filters, this.searchCandidates);
  }

  async entities(filters: { story?: string; type?: EntityType; limit?: number } = {}): Promise<Entity[]> {
    const limit = filters.limit ?? 50;
    const storyRowid = filters.story ? (await this.storyRow(filters.story)).rowid : undefined;
    const params: unknown[] = [];
    let sql: string;
    if (storyRowid !== undefined) {
      params.push(storyRowid);
      sql = `SELECT e.rowid, e.id, e.name, e.type, sum(ae.mentions)::int AS n FROM article_entities ae
        JOIN articles a ON a.rowid = ae.article_rowid JOIN entities e ON e.rowid = ae.entity_rowid WHERE a.story_rowid = $1`;
      if (filters.type) {
        params.push(filters.type);
        sql += ` AND e.type = $${params.length}`;
      }
      sql += ' GROUP BY e.rowid';
    } else {
      sql = 'SELECT rowid, id, name, type, mentions AS n FROM entities e WHERE mentions > 0';
      if (filters.type) {
        params.push(filters.type);
        sql += ` AND type = $${params.length}`;
      }
    }
    params.push(limit);
    sql += ` ORDER BY n DESC, name COLLATE "C" LIMIT $${params.length}`;
    const rows = await this.rows<{ rowid: number; id: string; name: string; type: EntityType; n: number }>(
      sql,
      params,
    );
    const ids = rows.map((r) => r.rowid);
    const aliases = await this.aliasesOf(ids);
    const arts = new Map<number, string[]>();
    for (const r of await this.rows<{ er: number; id: string }>(
      `SELECT x.er, x.id FROM unnest($1::int[]) q(er) CROSS JOIN LATERAL (SELECT ae.entity_rowid AS er, a.id
         FROM article_entities ae JOIN articles a ON a.rowid = ae.article_rowid
         WHERE ae.entity_rowid = q.er ${storyRowid !== undefined ? 'AND a.story_rowid = $2' : ''}
         ORDER BY ae.article_rowid LIMIT 1000) x`,
      storyRowid !== undefined ? [ids, storyRowid] : [ids],
    )) {
      if (!arts.has(r.er)) arts.set(r.er, []);
      arts.get(r.er)!.push(r.id);
    }
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      aliases: (aliases.get(r.rowid) ?? []).filter((a) => a !== r.name),
      mentions: r.n,
      articleIds: arts.get(r.rowid) ?? [],
    }));
  }

  async quotes(filters: { speaker?: string; story?: string; limit?: number } = {}): Promise<StoredQuote[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filters.speaker) {
      params.push(`%${filters.speaker.replace(/[\\%_]/g, (c) => '\\' + c)}%`, normKey(filters.speaker));
      where.push(
        `(q.speaker ILIKE $${params.length - 1} OR q.speaker_entity_rowid IN (SELECT entity_rowid FROM entity_aliases WHERE key = $${params.length}))`,
      );
    }
    if (filters.story) {
      params.push((await this.storyRow(filters.story)).rowid);
      where.push(`a.story_rowid = $${params.length}`);
    }
    params.push(filters.limit ?? 100);
    const quotes = await this.rows<StoredQuote>(
      `SELECT q.speaker, q.text, q.cue, a.published_at AS date, a.id AS "articleId", s.id AS "storyId"
       FROM quotes q JOIN articles a ON a.rowid = q.article_rowid LEFT JOIN stories s ON s.rowid = a.story_rowid
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY a.published_at COLLATE "C" NULLS FIRST, a.rowid, q.idx LIMIT $${params.length}`,
      params,
    );
    for (const q of quotes) q.date = storedDay(q.date);
    return quotes;
  }

  async articleOutlets() {
    return (
      await this.rows<{ source: string | null; url: string | null; published_at: string | null }>(
        'SELECT source, url, published_at FROM articles',
      )
    ).map((r) => ({ source: r.source, url: r.url, publishedAt: storedDay(r.published_at) }));
  }

  // ---------------------------------------------------------------- maintenance

  async stats(): Promise<StoreStats> {
    const r = (await this.one<StoreStats>(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM stories WHERE size > 0) AS stories,
        (SELECT count(*) FROM entities) AS entities,
        (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind = 'r') AS bytes`,
    ))!;
    return { articles: r.articles, stories: r.stories, entities: r.entities, bytes: Number(r.bytes) };
  }

  /** Drop every table of the store (tests and benches only: a throw-away database). */
  async dropAll(): Promise<void> {
    await this.pool
      .query(`DROP TABLE IF EXISTS chronicle_schema, meta, stories, articles, entities, entity_aliases,
      quotes, term_df, story_days, timelines, timeline_terms, sentence_terms, annotations, article_entities,
      entity_keys, story_aliases CASCADE`);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

guardMethods(PgStore.prototype, GUARDED, pgStoreError);
