/**
 * The batch planner's snapshot of a PostgreSQL store (core/snapshot.ts). A query costs a round trip to the
 * server, so the planner is not left to ask one question at a time: it is run in rounds. In a round every
 * question the snapshot has no answer for yet is noted and answered as an empty store would (not stored, no
 * entity); after the round the noted questions are read in bulk (one query per kind), and the planner runs
 * again. A round with no new question is the plan, made on the store's real answers alone. The planner is pure
 * (plan.ts), so a round's plan is thrown away at no cost but the CPU; a batch takes 2 to 4 rounds (articles and
 * keys, then the entities found, then their contexts). All of it runs inside the write transaction, after the
 * advisory lock is taken, so nothing changes between the reads and the writes.
 */
import type pg from 'pg';
import type { EntityType } from '../../model.js';
import { CONTEXT_ARTICLES, matchKeys } from '../core/entity-link.js';
import type { BatchInput } from '../core/plan.js';
import { normKey } from '../core/prepare.js';
import { canonicalUrl } from '../core/urls.js';
import type { BatchSnapshot, StoredEntity, StoredStory } from '../core/snapshot.js';
import { MATCH_KEY_LIMIT } from '../core/view.js';

const ENTITY = 'e.rowid, e.id, e.name, e.key, e.type, e.mentions';

type Kind =
  | 'hash'
  | 'url'
  | 'articleId'
  | 'entityByKey'
  | 'entitiesByKey'
  | 'entitiesByAlias'
  | 'entityByRowid'
  | 'matchKey'
  | 'context'
  | 'aliases'
  | 'mentioning'
  | 'term'
  | 'storyAlias'
  | 'df';

const SEP = '\u0001';

export class PgSnapshot implements BatchSnapshot {
  private readonly known = new Map<Kind, Map<string, unknown>>();
  private readonly wanted = new Map<Kind, Set<string>>();
  private storyRows: StoredStory[] = [];
  private storyIds = new Map<string, number>();
  private next: Record<string, number> = {};
  private docCount = 0;

  constructor(private readonly client: pg.ClientBase) {}

  /** Questions noted in the last round and not answered yet. */
  get misses(): number {
    let n = 0;
    for (const s of this.wanted.values()) n += s.size;
    return n;
  }

  incomplete(): boolean {
    return this.misses > 0;
  }

  private answer<T>(kind: Kind, key: string, empty: T): T {
    const m = this.known.get(kind);
    if (m?.has(key)) return m.get(key) as T;
    let w = this.wanted.get(kind);
    if (!w) this.wanted.set(kind, (w = new Set()));
    w.add(key);
    return empty;
  }

  private put(kind: Kind, key: string, value: unknown) {
    let m = this.known.get(kind);
    if (!m) this.known.set(kind, (m = new Map()));
    m.set(key, value);
  }

  /** Note questions ahead of the first round (the batch's hashes, URLs and ids). */
  want(kind: Kind, keys: Iterable<string>) {
    for (const k of keys) this.answer(kind, k, undefined);
  }

  /**
   * Note the questions a plan of this batch asks before any answer leads it further: whether its articles are
   * stored, its entities' names, aliases and match keys, its clustering terms' document frequencies and its
   * timeline terms. (Reading them at once saves the planning round that would only discover them.)
   */
  wantFirst(input: BatchInput) {
    const articles = input.articles;
    this.want('hash', articles.map((a) => a.contentHash!).filter(Boolean));
    this.want(
      'articleId',
      articles.map((a) => a.id),
    );
    this.want(
      'url',
      articles.flatMap((a) => canonicalUrl(a) ?? []),
    );
    for (const e of input.entities) {
      const names = [e.name, ...e.aliases].map(normKey);
      this.want('entityByKey', [e.type + SEP + names[0]]);
      this.want('entitiesByKey', [names[0]!]);
      this.want('entitiesByAlias', names);
      this.want(
        'matchKey',
        matchKeys(e.type, e.name).map(([kind, key]) => kind + SEP + key),
      );
    }
    const dictionaries = new Set<string[]>();
    for (const a of articles) {
      const p = input.prepared(a);
      this.want('df', p.featureTerms.keys());
      dictionaries.add(p.dictionary);
    }
    for (const d of dictionaries) this.want('term', d);
  }

  /**
   * Note whether the ids the batch's new stories would get are aliases of merged stories: the planner names a
   * new story after the next story rowid, s<rowid>, or s<rowid>-2 when a merged story's id took that (a merge
   * can lower the largest rowid), and a batch makes at most one story per article. (The dry run, on partial
   * answers, may make fewer stories than the plan under the lock.)
   */
  wantNewStoryIds(articles: number) {
    const first = this.nextRowid('stories');
    const ids = Array.from({ length: articles + 1 }, (_, i) => `s${first + i}`);
    this.want('storyAlias', [...ids, ...ids.map((id) => `${id}-2`)]);
  }

  /**
   * Note again every question another snapshot has answered (one read of the store earlier: foresee), except
   * answers no writer can have changed since: an article stored (articles are never deleted) and a timeline
   * term's id (terms are never renumbered) are taken as they were.
   */
  wantAnswered(other: PgSnapshot) {
    for (const [kind, answers] of other.known) {
      const lasting = kind === 'hash' || kind === 'url' || kind === 'articleId' || kind === 'term';
      if (!lasting) {
        this.want(kind, answers.keys());
        continue;
      }
      const again: string[] = [];
      for (const [key, value] of answers)
        if (value === true || (kind === 'term' && value !== undefined)) this.put(kind, key, value);
        else again.push(key);
      this.want(kind, again);
    }
  }

  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.client.query(sql, params)).rows as T[];
  }

  /** Read what every store-wide answer needs: next rowids, stories, the document count. */
  async begin(): Promise<void> {
    const r = await this.rows<Record<string, number>>(
      `SELECT (SELECT coalesce(max(rowid), 0) + 1 FROM articles) AS articles,
        (SELECT coalesce(max(rowid), 0) + 1 FROM entities) AS entities,
        (SELECT coalesce(max(rowid), 0) + 1 FROM stories) AS stories,
        (SELECT coalesce(max(id), 0) + 1 FROM timeline_terms) AS timeline_terms,
        (SELECT coalesce((SELECT value FROM meta WHERE key = 'docs'), '0')::bigint) AS docs`,
      [],
    );
    const row = r[0]!;
    this.next = {
      articles: Number(row.articles),
      entities: Number(row.entities),
      stories: Number(row.stories),
      timeline_terms: Number(row.timeline_terms),
    };
    this.docCount = Number(row.docs);
    this.storyRows = await this.rows<StoredStory>(
      'SELECT rowid, id, size, first_day, last_day, terms, entity_vec, version FROM stories ORDER BY rowid',
      [],
    );
    this.storyIds = new Map(this.storyRows.map((s) => [s.id, s.rowid]));
  }

  /** Read every question noted since the last read, in bulk. */
  async read(): Promise<void> {
    const wanted = new Map(this.wanted);
    if (process.env.CHRONICLE_PG_TRACE)
      process.stderr.write(`pg: read ${[...wanted].map(([k, s]) => `${k} ${s.size}`).join(', ')}\n`);
    this.wanted.clear();
    for (const [kind, set] of wanted) {
      const tk = performance.now();
      await this.readKind(kind, set);
      if (process.env.CHRONICLE_PG_TRACE)
        process.stderr.write(`pg:   ${kind} ${(performance.now() - tk).toFixed(0)} ms\n`);
    }
  }

  private async readKind(kind: Kind, set: Set<string>): Promise<void> {
    const keys = [...set];
    const fill = (byKey: Map<string, unknown>, empty: unknown) => {
      for (const k of keys) this.put(kind, k, byKey.has(k) ? byKey.get(k) : empty);
    };
    const group = <T>(rows: (T & { k: string | number })[], strip = true) => {
      const m = new Map<string, T[]>();
      for (const r of rows) {
        const k = String(r.k);
        if (strip) delete (r as { k?: unknown }).k;
        if (!m.has(k)) m.set(k, []);
        m.get(k)!.push(r);
      }
      return m;
    };
    const ints = () => keys.map(Number);
    switch (kind) {
      case 'hash':
      case 'url':
      case 'articleId': {
        const col = kind === 'hash' ? 'content_hash' : kind === 'url' ? 'canonical_url' : 'id';
        const found = await this.rows<{ k: string }>(
          `SELECT ${col} AS k FROM articles WHERE ${col} = ANY($1::text[])`,
          [keys],
        );
        fill(new Map(found.map((r) => [r.k, true])), false);
        break;
      }
      case 'entityByKey': {
        const pairs = keys.map((k) => k.split(SEP));
        const found = await this.rows<StoredEntity & { k: string }>(
          `SELECT e.type || chr(1) || e.key AS k, ${ENTITY} FROM entities e
             JOIN unnest($1::text[], $2::text[]) q(type, key) ON e.type = q.type AND e.key = q.key`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
        this.seen(found);
        fill(new Map([...group(found)].map(([k, v]) => [k, v[0]])), undefined);
        break;
      }
      case 'entitiesByKey':
        fill(
          group(
            this.seen(
              await this.rows<StoredEntity & { k: string }>(
                `SELECT e.key AS k, ${ENTITY} FROM entities e WHERE e.key = ANY($1::text[]) ORDER BY e.rowid`,
                [keys],
              ),
            ),
          ),
          [],
        );
        break;
      case 'entitiesByAlias':
        fill(
          group(
            this.seen(
              await this.rows<StoredEntity & { k: string }>(
                `SELECT a.key AS k, ${ENTITY} FROM entity_aliases a JOIN entities e ON e.rowid = a.entity_rowid
                   WHERE a.key = ANY($1::text[]) ORDER BY e.rowid`,
                [keys],
              ),
            ),
          ),
          [],
        );
        break;
      case 'entityByRowid': {
        const found = await this.rows<StoredEntity>(
          `SELECT ${ENTITY} FROM entities e WHERE e.rowid = ANY($1::int[])`,
          [ints()],
        );
        fill(new Map(found.map((e) => [String(e.rowid), e])), undefined);
        break;
      }
      case 'matchKey': {
        const pairs = keys.map((k) => k.split(SEP));
        const found = await this.rows<StoredEntity & { k: string }>(
          `SELECT q.kind || chr(1) || q.key AS k, x.* FROM unnest($1::text[], $2::text[]) q(kind, key)
             CROSS JOIN LATERAL (SELECT ${ENTITY} FROM entity_keys k JOIN entities e ON e.rowid = k.entity_rowid
               WHERE k.kind = q.kind AND k.key = q.key ORDER BY e.mentions DESC, e.rowid LIMIT ${MATCH_KEY_LIMIT}) x
             ORDER BY k, x.mentions DESC, x.rowid`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
        fill(group(this.seen(found)), []);
        break;
      }
      case 'context': {
        const found = await this.rows<{ k: number; ids: number[] }>(
          `SELECT q.r AS k, array(SELECT DISTINCT o.entity_rowid FROM (SELECT article_rowid FROM article_entities
               WHERE entity_rowid = q.r ORDER BY article_rowid DESC LIMIT ${CONTEXT_ARTICLES}) x
               JOIN article_entities o ON o.article_rowid = x.article_rowid) AS ids
             FROM unnest($1::int[]) q(r)`,
          [ints()],
        );
        fill(new Map(found.map((r) => [String(r.k), r.ids])), []);
        break;
      }
      case 'aliases':
        fill(
          group(
            await this.rows<{ k: number; alias: string; key: string }>(
              'SELECT entity_rowid AS k, alias, key FROM entity_aliases WHERE entity_rowid = ANY($1::int[]) ORDER BY entity_rowid, key',
              [ints()],
            ),
          ),
          [],
        );
        break;
      case 'mentioning':
        fill(
          group(
            await this.rows<{ k: number; article: number; story: number | null }>(
              `SELECT ae.entity_rowid AS k, ae.article_rowid AS article, a.story_rowid AS story FROM article_entities ae
                 JOIN articles a ON a.rowid = ae.article_rowid WHERE ae.entity_rowid = ANY($1::int[])
                 ORDER BY ae.entity_rowid, ae.article_rowid`,
              [ints()],
            ),
          ),
          [],
        );
        break;
      case 'term': {
        const found = await this.rows<{ k: string; id: number }>(
          'SELECT term AS k, id FROM timeline_terms WHERE term = ANY($1::text[])',
          [keys],
        );
        fill(new Map(found.map((r) => [r.k, r.id])), undefined);
        break;
      }
      case 'df': {
        const found = await this.rows<{ k: string; df: number }>(
          'SELECT term AS k, df FROM term_df WHERE term = ANY($1::text[])',
          [keys],
        );
        fill(new Map(found.map((r) => [r.k, r.df])), undefined);
        break;
      }
      case 'storyAlias': {
        const found = await this.rows<{ k: string; id: string }>(
          'SELECT a.id AS k, s.id FROM story_aliases a JOIN stories s ON s.rowid = a.story_rowid WHERE a.id = ANY($1::text[])',
          [keys],
        );
        fill(new Map(found.map((r) => [r.k, r.id])), undefined);
        break;
      }
    }
  }

  /** Entities met through any question answer entityByRowid too. */
  private seen<T extends StoredEntity>(list: T[]): T[] {
    for (const e of list) {
      const { k: _k, ...entity } = e as T & { k?: unknown };
      this.put('entityByRowid', String(e.rowid), entity);
    }
    return list;
  }

  hashStored(hash: string): boolean {
    return this.answer('hash', hash, false);
  }

  urlStored(url: string): boolean {
    return this.answer('url', url, false);
  }

  articleIdTaken(id: string): boolean {
    return this.answer('articleId', id, false);
  }

  nextRowid(table: 'articles' | 'entities' | 'stories' | 'timeline_terms'): number {
    return this.next[table] ?? 1;
  }

  entityByKey(type: EntityType, key: string): StoredEntity | undefined {
    return this.answer<StoredEntity | undefined>('entityByKey', type + SEP + key, undefined);
  }

  entitiesByKey(key: string): StoredEntity[] {
    return this.answer<StoredEntity[]>('entitiesByKey', key, []);
  }

  entitiesByAlias(key: string): StoredEntity[] {
    return this.answer<StoredEntity[]>('entitiesByAlias', key, []);
  }

  entityByRowid(rowid: number): StoredEntity | undefined {
    return this.answer<StoredEntity | undefined>('entityByRowid', String(rowid), undefined);
  }

  entitiesByMatchKey(kind: string, key: string): StoredEntity[] {
    return this.answer<StoredEntity[]>('matchKey', kind + SEP + key, []);
  }

  entityContext(rowid: number): number[] {
    return this.answer<number[]>('context', String(rowid), []);
  }

  aliasesOf(rowid: number): { alias: string; key: string }[] {
    return this.answer<{ alias: string; key: string }[]>('aliases', String(rowid), []);
  }

  articlesMentioning(rowid: number): { article: number; story: number | null }[] {
    return this.answer<{ article: number; story: number | null }[]>('mentioning', String(rowid), []);
  }

  termId(term: string): number | undefined {
    return this.answer<number | undefined>('term', term, undefined);
  }

  stories(): StoredStory[] {
    return this.storyRows;
  }

  storyRowid(id: string): number | undefined {
    return this.storyIds.get(id);
  }

  storyByAlias(id: string): string | undefined {
    return this.answer<string | undefined>('storyAlias', id, undefined);
  }

  storyIdTaken(id: string): boolean {
    return this.storyRowid(id) !== undefined || this.storyByAlias(id) !== undefined;
  }

  docs(): number {
    return this.docCount;
  }

  docFreq(term: string): number | undefined {
    return this.answer<number | undefined>('df', term, undefined);
  }
}
