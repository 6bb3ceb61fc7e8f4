/**
 * The batch planner's snapshot of a SQLite store (core/snapshot.ts): each question is one indexed query, asked
 * when the planner asks it, inside the IMMEDIATE transaction the plan is then written in (so nothing changes
 * between the reads and the writes). In-process queries cost microseconds, so nothing is read ahead.
 */
import type Database from 'better-sqlite3';
import type { EntityType } from '../../model.js';
import { CONTEXT_ARTICLES } from '../core/entity-link.js';
import type { BatchSnapshot, StoredEntity, StoredStory } from '../core/snapshot.js';
import { MATCH_KEY_LIMIT } from '../core/view.js';

/** A statement of the store's cache, prepared once (pluck mode fixed at preparation). */
export type Statements = (sql: string, mode?: 'pluck' | 'raw') => Database.Statement;

const ENTITY = 'e.rowid, e.id, e.name, e.key, e.type, e.mentions';

export class SqliteSnapshot implements BatchSnapshot {
  private readonly entities = new Map<number, StoredEntity>();

  constructor(
    private readonly st: Statements,
    /** Timeline term ids known to be committed (rows of timeline_terms never change once committed). */
    private readonly committedTerms: Map<string, number>,
  ) {}

  private seen<T extends StoredEntity | undefined>(e: T): T {
    if (e) this.entities.set(e.rowid, e);
    return e;
  }

  private seenAll(list: StoredEntity[]): StoredEntity[] {
    for (const e of list) this.entities.set(e.rowid, e);
    return list;
  }

  hashStored(hash: string): boolean {
    return this.st('SELECT 1 FROM articles WHERE content_hash = ?', 'pluck').get(hash) !== undefined;
  }

  urlStored(url: string): boolean {
    return this.st('SELECT 1 FROM articles WHERE canonical_url = ?', 'pluck').get(url) !== undefined;
  }

  articleIdTaken(id: string): boolean {
    return this.st('SELECT 1 FROM articles WHERE id = ?', 'pluck').get(id) !== undefined;
  }

  nextRowid(table: 'articles' | 'entities' | 'stories' | 'timeline_terms'): number {
    const col = table === 'timeline_terms' ? 'id' : 'rowid';
    return (this.st(`SELECT coalesce(max(${col}), 0) + 1 FROM ${table}`, 'pluck').get() as number) ?? 1;
  }

  entityByKey(type: EntityType, key: string): StoredEntity | undefined {
    return this.seen(
      this.st(`SELECT ${ENTITY} FROM entities e WHERE e.type = ? AND e.key = ?`).get(type, key) as
        StoredEntity | undefined,
    );
  }

  entitiesByKey(key: string): StoredEntity[] {
    return this.seenAll(
      this.st(`SELECT ${ENTITY} FROM entities e WHERE e.key = ?`).all(key) as StoredEntity[],
    );
  }

  entitiesByAlias(key: string): StoredEntity[] {
    return this.seenAll(
      this.st(
        `SELECT ${ENTITY} FROM entity_aliases a JOIN entities e ON e.rowid = a.entity_rowid WHERE a.key = ? ORDER BY e.rowid`,
      ).all(key) as StoredEntity[],
    );
  }

  entityByRowid(rowid: number): StoredEntity | undefined {
    return (
      this.entities.get(rowid) ??
      this.seen(
        this.st(`SELECT ${ENTITY} FROM entities e WHERE e.rowid = ?`).get(rowid) as StoredEntity | undefined,
      )
    );
  }

  entitiesByMatchKey(kind: string, key: string): StoredEntity[] {
    return this.seenAll(
      this.st(
        `SELECT ${ENTITY} FROM entity_keys k JOIN entities e ON e.rowid = k.entity_rowid
         WHERE k.kind = ? AND k.key = ? ORDER BY e.mentions DESC, e.rowid LIMIT ${MATCH_KEY_LIMIT}`,
      ).all(kind, key) as StoredEntity[],
    );
  }

  entityContext(rowid: number): number[] {
    return this.st(
      `SELECT DISTINCT o.entity_rowid FROM (SELECT article_rowid FROM article_entities WHERE entity_rowid = ?
       ORDER BY article_rowid DESC LIMIT ${CONTEXT_ARTICLES}) x JOIN article_entities o ON o.article_rowid = x.article_rowid`,
      'pluck',
    ).all(rowid) as number[];
  }

  aliasesOf(rowid: number): { alias: string; key: string }[] {
    return this.st('SELECT alias, key FROM entity_aliases WHERE entity_rowid = ?').all(rowid) as {
      alias: string;
      key: string;
    }[];
  }

  articlesMentioning(rowid: number): { article: number; story: number | null }[] {
    return this.st(
      `SELECT ae.article_rowid AS article, a.story_rowid AS story FROM article_entities ae
       JOIN articles a ON a.rowid = ae.article_rowid WHERE ae.entity_rowid = ?`,
    ).all(rowid) as { article: number; story: number | null }[];
  }

  termId(term: string): number | undefined {
    return (
      this.committedTerms.get(term) ??
      (this.st('SELECT id FROM timeline_terms WHERE term = ?', 'pluck').get(term) as number | undefined)
    );
  }

  stories(): StoredStory[] {
    return this.st(
      'SELECT rowid, id, size, first_day, last_day, terms, entity_vec, version FROM stories',
    ).all() as StoredStory[];
  }

  storyRowid(id: string): number | undefined {
    return this.st('SELECT rowid FROM stories WHERE id = ?', 'pluck').get(id) as number | undefined;
  }

  storyByAlias(id: string): string | undefined {
    return this.st(
      'SELECT s.id FROM story_aliases a JOIN stories s ON s.rowid = a.story_rowid WHERE a.id = ?',
      'pluck',
    ).get(id) as string | undefined;
  }

  storyIdTaken(id: string): boolean {
    return (
      this.st(
        'SELECT 1 FROM stories WHERE id = ? UNION ALL SELECT 1 FROM story_aliases WHERE id = ?',
        'pluck',
      ).get(id, id) !== undefined
    );
  }

  docs(): number {
    return Number(
      (this.st("SELECT value FROM meta WHERE key = 'docs'", 'pluck').get() as string | undefined) ?? 0,
    );
  }

  docFreq(term: string): number | undefined {
    return this.st('SELECT df FROM term_df WHERE term = ?', 'pluck').get(term) as number | undefined;
  }
}
