/**
 * What the batch planner (plan.ts) reads of the store, and the view it reads it through.
 *
 * A BatchSnapshot is the store as it was when the write lock was taken: SQLite answers each question with an
 * indexed query inside its IMMEDIATE transaction; PostgreSQL runs the planner in rounds after taking its advisory
 * lock, answering what it has read and noting the rest, which it then reads in bulk (postgres/snapshot.ts). The
 * planner never writes while it plans: what it decides goes into the BatchView's overlay (entities
 * it creates, aliases and match keys it adds, entities it merges, ids it takes), and every question is answered
 * by the snapshot with the overlay applied — what the same query would have returned had each write been made
 * at once, as the store's writer did before it planned a batch whole.
 */
import type { EntityType } from '../../model.js';

/** A row of the entities table. */
export interface StoredEntity {
  rowid: number;
  id: string;
  name: string;
  key: string;
  type: EntityType;
  mentions: number;
}

/** A row of the stories table (vectors as stored: JSON). */
export interface StoredStory {
  rowid: number;
  id: string;
  size: number;
  first_day: string | null;
  last_day: string | null;
  terms: string | null;
  entity_vec: string | null;
  version: number;
}

/** The store as the write lock found it (every answer as the store holds it, before this batch). */
export interface BatchSnapshot {
  /** An article with this content hash is stored. */
  hashStored(hash: string): boolean;
  /** An article with this canonical URL is stored. */
  urlStored(url: string): boolean;
  /** An article with this id is stored. */
  articleIdTaken(id: string): boolean;
  /** One more than the largest stored rowid of articles, entities, stories and timeline terms. */
  nextRowid(table: 'articles' | 'entities' | 'stories' | 'timeline_terms'): number;

  /** The entity of this type with this key (UNIQUE (type, key)). */
  entityByKey(type: EntityType, key: string): StoredEntity | undefined;
  /** Entities of any type with this key. */
  entitiesByKey(key: string): StoredEntity[];
  /** Entities of any type with an alias of this key, by rowid. */
  entitiesByAlias(key: string): StoredEntity[];
  /** An entity by rowid (one the planner met through another question). */
  entityByRowid(rowid: number): StoredEntity | undefined;
  /** Entities indexed under a match key (entity-link.ts), most mentioned first, then by rowid: at most 20. */
  entitiesByMatchKey(kind: string, key: string): StoredEntity[];
  /** Entities mentioned in the entity's latest CONTEXT_ARTICLES articles (with itself). */
  entityContext(rowid: number): number[];
  /** The entity's aliases. */
  aliasesOf(rowid: number): { alias: string; key: string }[];
  /** Articles that mention the entity, with their story. */
  articlesMentioning(rowid: number): { article: number; story: number | null }[];

  /** A committed timeline term's id. */
  termId(term: string): number | undefined;

  /** Every story row. */
  stories(): StoredStory[];
  /** A story's rowid by its id (not an alias). */
  storyRowid(id: string): number | undefined;
  /** The current id of the story an alias (a merged story's id) points to. */
  storyByAlias(id: string): string | undefined;
  /** A story or an alias has this id. */
  storyIdTaken(id: string): boolean;
  /** Documents counted for idf, and a term's document frequency (undefined: never counted). */
  docs(): number;
  docFreq(term: string): number | undefined;
  /**
   * Whether a question asked so far had no answer yet (a backend that reads in rounds answers with defaults,
   * and the plan is made again once the answers are read): the planner skips work whose result would be thrown
   * away and that asks no question itself.
   */
  incomplete?(): boolean;
}
