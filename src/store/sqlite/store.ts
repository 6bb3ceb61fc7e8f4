/**
 * The SQLite backend of the Store (better-sqlite3), the zero-setup default: WAL journal, foreign keys, a busy
 * timeout so concurrent writers queue instead of failing, one IMMEDIATE transaction per committed batch (read
 * the snapshot, plan, write: core/plan.ts decides, apply.ts writes). Everything that is not SQL lives in core/.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Article, Entity, EntityType } from '../../model.js';
import type { OpenOptions, SearchFilters, SearchHit, StoredQuote, StoreStats } from '../types.js';
import { StoreError } from '../errors.js';
import { guardMethods } from '../guard.js';
import { articlesFromRowSets } from '../core/articles.js';
import { dayOrder, isPlausibleDay, storedDay } from '../core/days.js';
import { planBatch, undoRenames, type BatchInput, type BatchPlan } from '../core/plan.js';
import { normKey } from '../core/prepare.js';
import { groupRows, type ArticleRow, type QuoteColumns } from '../core/rows.js';
import { ftsQuery, queryStems, snippetOf } from '../core/search.js';
import { GUARDED, StoreCore, type StoryRow } from '../core/store.js';
import type { LeanReader, LeanRow } from '../core/timeline-source.js';
import { applyPlan } from './apply.js';
import { describe, preflight, storeError } from './errors.js';
import { MIGRATION_BACKFILL, MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { SqliteSnapshot } from './snapshot.js';

export { storeError };

/** SQL for "a row's article rowid is one of a JSON array bound as the only parameter". */
const IN_JSON = 'IN (SELECT value FROM json_each(?))';

/** The quotes of the given articles, in order, with the speaker entity's id; rows for quoteFromRow. */
const QUOTES_SQL = `SELECT q.article_rowid, q.text, q.kind, q.speaker, e.id, q.speaker_text, q.cue, q.start, q.end, q.sentence_index FROM quotes q
       LEFT JOIN entities e ON e.rowid = q.speaker_entity_rowid WHERE q.article_rowid ${IN_JSON} ORDER BY q.article_rowid, q.idx`;

export class SqliteStore extends StoreCore {
  readonly db: Database.Database;
  readonly location?: string;

  constructor(
    readonly path: string,
    options: OpenOptions = {},
  ) {
    super(options);
    const memory = path === ':memory:';
    if (!memory) this.location = path;
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
          const { code, message } = describe(e);
          const kind = code === 'EACCES' || code === 'EROFS' ? 'read-only' : 'io';
          throw new StoreError(path, `cannot create the store's directory: ${message}`, kind, code);
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
        this.db.exec(MIGRATIONS[i]!);
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

  storeError(e: unknown, doing: string): Error {
    return storeError(this.path, e, doing);
  }

  private statements = new Map<string, Database.Statement>();

  /** A statement prepared once per store (pluck/raw mode fixed at preparation). */
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

  private readonly st = (sql: string, mode?: 'pluck' | 'raw') => this.stmt(sql, mode);

  // ---------------------------------------------------------------- ingest

  /** Timeline term ids known to be committed: rows of timeline_terms are never changed or deleted once
   * committed, so these stay valid across batches (and whatever other writers add). */
  private readonly committedTerms = new Map<string, number>();

  async storedKeys(hashes: string[], urls: string[]) {
    const pick = (sql: string, values: string[]) =>
      new Set(values.length ? (this.stmt(sql, 'pluck').all(JSON.stringify(values)) as string[]) : []);
    return {
      hashes: pick(`SELECT content_hash FROM articles WHERE content_hash ${IN_JSON}`, hashes),
      urls: pick(`SELECT canonical_url FROM articles WHERE canonical_url ${IN_JSON}`, urls),
    };
  }

  /** One IMMEDIATE transaction: the snapshot is read, the batch planned and the plan written under one lock. */
  async writeBatch(input: BatchInput): Promise<BatchPlan> {
    let plan: BatchPlan | undefined;
    const write = this.db.transaction(() => {
      plan = planBatch(input, new SqliteSnapshot(this.st, this.committedTerms));
      applyPlan(this.st, plan);
    });
    try {
      write.immediate();
    } catch (e) {
      if (plan) undoRenames(plan);
      throw e;
    }
    if (this.committedTerms.size + plan!.terms.length > 1_000_000) this.committedTerms.clear();
    for (const [id, term] of plan!.terms) this.committedTerms.set(term, id);
    this.committed(plan!);
    return plan!;
  }

  // ---------------------------------------------------------------- reads

  protected async findStoryRow(id: string): Promise<StoryRow | undefined> {
    return (this.stmt('SELECT * FROM stories WHERE id = ?').get(id) ??
      this.stmt(
        'SELECT s.* FROM story_aliases a JOIN stories s ON s.rowid = a.story_rowid WHERE a.id = ?',
      ).get(id)) as StoryRow | undefined;
  }

  protected async storyRows(): Promise<StoryRow[]> {
    return this.stmt('SELECT * FROM stories WHERE size > 0 ORDER BY size DESC, rowid').all() as StoryRow[];
  }

  protected async entityNames(rowids: number[]) {
    const out = new Map<number, { name: string; type: EntityType }>();
    const get = this.stmt('SELECT name, type FROM entities WHERE rowid = ?');
    for (const r of rowids) {
      const e = get.get(r) as { name: string; type: EntityType } | undefined;
      if (e) out.set(r, e);
    }
    return out;
  }

  protected async storySources(storyRowid: number): Promise<string[]> {
    return this.stmt(
      "SELECT source, count(*) n FROM articles WHERE story_rowid = ? AND source IS NOT NULL AND source != '' GROUP BY source ORDER BY n DESC, source LIMIT 10",
      'raw',
    )
      .all(storyRowid)
      .map((x) => (x as [string, number])[0]);
  }

  protected async storyPublicationDays(storyRowid: number): Promise<string[]> {
    return this.stmt(
      'SELECT DISTINCT published_at FROM articles WHERE story_rowid = ? AND published_at IS NOT NULL ORDER BY 1',
      'pluck',
    ).all(storyRowid) as string[];
  }

  protected async readArticles(where: { ids: string[] } | { story: number }): Promise<Article[]> {
    let rows: ArticleRow[];
    if ('ids' in where) {
      const one = this.stmt('SELECT * FROM articles WHERE id = ?');
      rows = where.ids.map((id) => one.get(id) as ArticleRow | undefined).filter((r): r is ArticleRow => !!r);
    } else {
      rows = this.stmt('SELECT * FROM articles WHERE story_rowid = ? ORDER BY published_at, rowid').all(
        where.story,
      ) as ArticleRow[];
      // An impossible stored day reads as undated (storedDay), and undated articles come first.
      if (rows.some((r) => r.published_at !== storedDay(r.published_at)))
        rows.sort(
          (x, y) => dayOrder(storedDay(x.published_at), storedDay(y.published_at)) || x.rowid - y.rowid,
        );
    }
    // Set queries (annotations, the entities they refer to, quotes of all the articles at once), grouped by article.
    const ids = JSON.stringify(rows.map((r) => r.rowid));
    const entityIds = new Map<number, string>();
    for (const [er, id] of this.stmt(
      `SELECT rowid, id FROM entities WHERE rowid IN (SELECT entity_rowid FROM article_entities WHERE article_rowid ${IN_JSON})`,
      'raw',
    ).iterate(ids) as IterableIterator<[number, string]>)
      entityIds.set(er, id);
    return articlesFromRowSets(
      rows,
      this.stmt(
        `SELECT article_rowid, sentences, tokens, mentions FROM annotations WHERE article_rowid ${IN_JSON}`,
        'raw',
      ).iterate(ids) as IterableIterator<[number, string, string, string]>,
      entityIds,
      this.stmt(QUOTES_SQL, 'raw').iterate(ids) as IterableIterator<[number, ...QuoteColumns]>,
    );
  }

  protected async entitiesById(ids: string[]) {
    const out = new Map<string, { name: string; type: EntityType; aliases: string[] }>();
    const get = this.stmt('SELECT rowid, name, type FROM entities WHERE id = ?');
    const aliases = this.stmt(
      'SELECT alias FROM entity_aliases WHERE entity_rowid = ? ORDER BY alias',
      'pluck',
    );
    for (const id of ids) {
      const e = get.get(id) as { rowid: number; name: string; type: EntityType } | undefined;
      if (e) out.set(id, { name: e.name, type: e.type, aliases: aliases.all(e.rowid) as string[] });
    }
    return out;
  }

  protected async storedTimeline(storyRowid: number, key: string) {
    return this.stmt(
      'SELECT story_version AS version, json FROM timelines WHERE story_rowid = ? AND options_key = ?',
    ).get(storyRowid, key) as { version: number; json: string } | undefined;
  }

  protected async saveStoredTimeline(storyRowid: number, key: string, version: number, json: string) {
    this.stmt(
      `INSERT INTO timelines (story_rowid, options_key, story_version, json) VALUES (?, ?, ?, ?)
      ON CONFLICT (story_rowid, options_key) DO UPDATE SET story_version = excluded.story_version, json = excluded.json`,
    ).run(storyRowid, key, version, json);
  }

  protected async storedTimelineKeys(storyId: string): Promise<string[]> {
    return this.stmt(
      'SELECT t.options_key FROM timelines t JOIN stories s ON s.rowid = t.story_rowid WHERE s.id = ?',
      'pluck',
    ).all(storyId) as string[];
  }

  protected leanReader(): LeanReader {
    return sqliteLeanReader(this.db);
  }

  async storyDays(id: string): Promise<{ day: string; articles: number; refs: number }[]> {
    const r = await this.storyRow(id);
    const days = this.stmt(
      'SELECT day, articles, refs FROM story_days WHERE story_rowid = ? ORDER BY day',
    ).all(r.rowid) as { day: string; articles: number; refs: number }[];
    return days.filter((d) => isPlausibleDay(d.day));
  }

  /**
   * Ranked full-text search: bm25, title weighted 4x. When a query matches more than SEARCH_CANDIDATES
   * articles (common words over a large store), the ranking considers the most recently stored ones, so a
   * query costs about the same at 200,000 articles as at 20,000. Filters are applied to those candidates;
   * when that leaves too few hits (selective filters), the candidates are instead the most recent matches
   * that pass the filters. Snippets are made for the returned hits only (see snippetOf).
   */
  async search(terms: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
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
  }

  async entities(filters: { story?: string; type?: EntityType; limit?: number } = {}): Promise<Entity[]> {
    const limit = filters.limit ?? 50;
    const params: unknown[] = [];
    let sql: string;
    const storyRowid = filters.story ? (await this.storyRow(filters.story)).rowid : undefined;
    if (storyRowid !== undefined) {
      sql = `SELECT e.rowid, e.id, e.name, e.type, sum(ae.mentions) AS n FROM article_entities ae
        JOIN articles a ON a.rowid = ae.article_rowid JOIN entities e ON e.rowid = ae.entity_rowid WHERE a.story_rowid = ?`;
      params.push(storyRowid);
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
    const aliases = this.stmt(
      'SELECT alias FROM entity_aliases WHERE entity_rowid = ? ORDER BY alias',
      'pluck',
    );
    const arts = this.stmt(
      `SELECT a.id FROM article_entities ae JOIN articles a ON a.rowid = ae.article_rowid WHERE ae.entity_rowid = ?${storyRowid !== undefined ? ' AND a.story_rowid = ?' : ''} ORDER BY ae.article_rowid LIMIT 1000`,
      'pluck',
    );
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
      params.story = (await this.storyRow(filters.story)).rowid;
    }
    const sql = `SELECT q.speaker, q.text, q.cue, a.published_at AS date, a.id AS articleId, s.id AS storyId
      FROM quotes q JOIN articles a ON a.rowid = q.article_rowid LEFT JOIN stories s ON s.rowid = a.story_rowid
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.published_at, a.rowid, q.idx LIMIT @limit`;
    const quotes = this.db.prepare(sql).all(params) as StoredQuote[];
    for (const q of quotes) q.date = storedDay(q.date);
    return quotes;
  }

  async articleOutlets() {
    return (
      this.stmt('SELECT source, url, published_at FROM articles', 'raw').all() as [
        string | null,
        string | null,
        string | null,
      ][]
    ).map(([source, url, publishedAt]) => ({ source, url, publishedAt: storedDay(publishedAt) }));
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

/** The timeline source's reads (core/timeline-source.ts) on a SQLite database. */
export function sqliteLeanReader(db: Database.Database): LeanReader {
  const st = new Map<string, Database.Statement>();
  const stmt = (sql: string, mode?: 'pluck' | 'raw') => {
    let s = st.get(sql);
    if (!s) {
      s = db.prepare(sql);
      if (mode === 'pluck') s.pluck();
      else if (mode === 'raw') s.raw();
      st.set(sql, s);
    }
    return s;
  };
  return {
    async storyArticles(storyRowid) {
      return stmt('SELECT rowid FROM articles WHERE story_rowid = ?', 'pluck').all(storyRowid) as number[];
    },
    async articles(rowids) {
      const ids = JSON.stringify(rowids);
      // One row per article, "rowid,count;rowid,count..." (a row per entity costs more to fetch than to parse).
      const entities = new Map<number, string>();
      for (const [r, list] of stmt(
        `SELECT article_rowid, group_concat(entity_rowid || ',' || mentions, ';' ORDER BY first) FROM article_entities
         WHERE article_rowid ${IN_JSON} GROUP BY article_rowid`,
        'raw',
      ).iterate(ids) as IterableIterator<[number, string]>)
        entities.set(r, list);
      const quotes = groupRows<QuoteColumns>(
        stmt(QUOTES_SQL, 'raw').iterate(ids) as IterableIterator<[number, ...QuoteColumns]>,
      );
      const rows = stmt(
        `SELECT a.rowid, a.id, a.content_hash, a.canonical_url, a.url, a.path, a.title, a.byline, a.source, a.published_at,
         a.published_at_evidence, a.language, a.topic, a.text, a.removed, a.warnings, a.duplicate_of, a.lines_are_sentences,
         n.sentences, t.data
         FROM articles a LEFT JOIN annotations n ON n.article_rowid = a.rowid LEFT JOIN sentence_terms t ON t.article_rowid = a.rowid
         WHERE a.rowid ${IN_JSON}`,
      ).all(ids) as LeanRow[];
      return { rows, entities, quotes };
    },
    async terms(ids) {
      const out = new Map<number, string>();
      for (const [id, term] of stmt(`SELECT id, term FROM timeline_terms WHERE id ${IN_JSON}`, 'raw').iterate(
        JSON.stringify(ids),
      ) as IterableIterator<[number, string]>)
        out.set(id, term);
      return out;
    },
    async entities(rowids) {
      const ids = JSON.stringify(rowids);
      const out = new Map<number, { id: string; name: string; type: EntityType; aliases: string[] }>();
      for (const r of stmt(
        `SELECT rowid, id, name, type FROM entities WHERE rowid ${IN_JSON}`,
        'raw',
      ).iterate(ids) as IterableIterator<[number, string, string, EntityType]>)
        out.set(r[0], { id: r[1], name: r[2], type: r[3], aliases: [] });
      for (const [er, alias] of stmt(
        `SELECT entity_rowid, alias FROM entity_aliases WHERE entity_rowid ${IN_JSON} ORDER BY entity_rowid, alias`,
        'raw',
      ).iterate(ids) as IterableIterator<[number, string]>)
        out.get(er)?.aliases.push(alias);
      return out;
    },
    rawText: (rowid) =>
      stmt('SELECT raw_text FROM articles WHERE rowid = ?', 'pluck').get(rowid) as Buffer | null,
    tokens: (rowid) =>
      stmt('SELECT tokens FROM annotations WHERE article_rowid = ?', 'pluck').get(rowid) as string,
    mentions: (rowid) =>
      stmt('SELECT mentions FROM annotations WHERE article_rowid = ?', 'pluck').get(rowid) as string,
    entityId: (rowid) =>
      stmt('SELECT id FROM entities WHERE rowid = ?', 'pluck').get(rowid) as string | undefined,
  };
}

guardMethods(SqliteStore.prototype, { ...GUARDED, integrityCheck: 'checking the store' }, storeError);
