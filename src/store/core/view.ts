/**
 * The batch planner's view of the store: a BatchSnapshot (the store when the write lock was taken) with what the
 * planner has decided so far laid over it. Each question is answered as the corresponding query would answer
 * it had every decision been written at once (see snapshot.ts): entities created or merged away, aliases and
 * match keys added, mentions moved, article ids and timeline terms taken.
 */
import type { EntityType } from '../../model.js';
import type { BatchSnapshot, StoredEntity } from './snapshot.js';

/** Entities a match key query returns at most (entity-link.ts). */
export const MATCH_KEY_LIMIT = 20;

const byMentionsThenRowid = (x: StoredEntity, y: StoredEntity) =>
  y.mentions - x.mentions || x.rowid - y.rowid;

export class BatchView {
  private readonly created = new Map<number, StoredEntity>();
  private readonly createdByKey = new Map<string, number>();
  /** Entities created in this batch by name key, whatever their type (crossType asks for every new name). */
  private readonly createdByName = new Map<string, StoredEntity[]>();
  private readonly deleted = new Set<number>();
  private readonly mentionDelta = new Map<number, number>();
  /** Alias keys added per entity (INSERT OR IGNORE: only whether (entity, key) exists matters to the questions). */
  private readonly aliasKeys = new Map<string, Set<number>>();
  private readonly aliasesAdded = new Map<number, Set<string>>();
  private readonly matchKeys = new Map<string, Set<number>>();
  /** Articles whose mentions of a merged entity moved to the entity it joined. */
  private readonly movedMentions = new Map<number, { article: number; story: number | null }[]>();
  private nextEntity: number;
  private readonly firstNewEntity: number;
  private readonly articleIds = new Set<string>();
  private readonly hashes = new Set<string>();
  private readonly urls = new Set<string>();
  private nextArticle: number;
  private readonly terms = new Map<string, number>();
  private nextTerm: number;

  constructor(readonly snapshot: BatchSnapshot) {
    this.firstNewEntity = this.nextEntity = snapshot.nextRowid('entities');
    this.nextArticle = snapshot.nextRowid('articles');
    this.nextTerm = snapshot.nextRowid('timeline_terms');
  }

  // ------------------------------------------------------------------ entities

  private live(e: StoredEntity | undefined): StoredEntity | undefined {
    if (!e || this.deleted.has(e.rowid)) return undefined;
    const d = this.mentionDelta.get(e.rowid);
    return d ? { ...e, mentions: e.mentions + d } : e;
  }

  entityByKey(type: EntityType, key: string): StoredEntity | undefined {
    const r = this.createdByKey.get(`${type}\0${key}`);
    if (r !== undefined) return this.live(this.created.get(r));
    return this.live(this.snapshot.entityByKey(type, key));
  }

  entity(rowid: number): StoredEntity | undefined {
    return this.live(this.created.get(rowid) ?? this.snapshot.entityByRowid(rowid));
  }

  /** The entity rowids with an alias of this key, ascending (stored ones, then those added in this batch). */
  private aliasHolders(key: string): StoredEntity[] {
    const out = new Map<number, StoredEntity>();
    for (const e of this.snapshot.entitiesByAlias(key)) {
      const l = this.live(e);
      if (l) out.set(l.rowid, l);
    }
    for (const r of this.aliasKeys.get(key) ?? []) {
      if (out.has(r)) continue;
      const l = this.entity(r);
      if (l) out.set(r, l);
    }
    return [...out.values()].sort((x, y) => x.rowid - y.rowid);
  }

  /** `SELECT e.rowid FROM entity_aliases a JOIN entities e ... WHERE a.key = ? AND e.type = ? LIMIT 1`: the
   * lowest rowid (SQLite walks the alias index in (key, entity) order). */
  entityByAlias(key: string, type: EntityType): StoredEntity | undefined {
    return this.aliasHolders(key).find((e) => e.type === type);
  }

  /** An entity of this type, other than `except`, known by an alias of this key. */
  otherAliasHolder(key: string, type: EntityType, except: number[]): boolean {
    return this.aliasHolders(key).some((e) => e.type === type && !except.includes(e.rowid));
  }

  /** The same name under another type (not MISC), by name or alias: the most mentioned, then lowest rowid. */
  crossType(key: string, type: EntityType): StoredEntity | undefined {
    const byRowid = new Map<number, StoredEntity>();
    const named = [...this.snapshot.entitiesByKey(key), ...(this.createdByName.get(key) ?? [])];
    for (const e of named) {
      const l = this.live(e);
      if (l && l.type !== type && (l.type === 'PERSON' || l.type === 'ORG' || l.type === 'LOC'))
        byRowid.set(l.rowid, l);
    }
    for (const l of this.aliasHolders(key)) if (l.type !== type && l.type !== 'MISC') byRowid.set(l.rowid, l);
    return [...byRowid.values()].sort(byMentionsThenRowid)[0];
  }

  entitiesByMatchKey(kind: string, key: string): StoredEntity[] {
    const out = new Map<number, StoredEntity>();
    for (const e of this.snapshot.entitiesByMatchKey(kind, key)) {
      const l = this.live(e);
      if (l) out.set(l.rowid, l);
    }
    for (const r of this.matchKeys.get(`${kind}\0${key}`) ?? []) {
      const l = out.has(r) ? undefined : this.entity(r);
      if (l) out.set(r, l);
    }
    return [...out.values()].sort(byMentionsThenRowid).slice(0, MATCH_KEY_LIMIT);
  }

  entityContext(rowid: number): number[] {
    // An entity created by this batch has no stored article yet.
    return rowid >= this.firstNewEntity ? [] : this.snapshot.entityContext(rowid);
  }

  /** A new entity: "e" + its rowid, the rowid SQLite would choose itself (one more than the largest). */
  createEntity(type: EntityType, name: string, key: string): StoredEntity {
    const rowid = this.nextEntity++;
    const e: StoredEntity = { rowid, id: `e${rowid}`, name, key, type, mentions: 0 };
    this.created.set(rowid, e);
    this.createdByKey.set(`${type}\0${key}`, rowid);
    const named = this.createdByName.get(key);
    if (named) named.push(e);
    else this.createdByName.set(key, [e]);
    return e;
  }

  addAlias(rowid: number, key: string): void {
    let set = this.aliasKeys.get(key);
    if (!set) this.aliasKeys.set(key, (set = new Set()));
    set.add(rowid);
    let mine = this.aliasesAdded.get(rowid);
    if (!mine) this.aliasesAdded.set(rowid, (mine = new Set()));
    mine.add(key);
  }

  addMatchKey(kind: string, key: string, rowid: number): void {
    const k = `${kind}\0${key}`;
    let set = this.matchKeys.get(k);
    if (!set) this.matchKeys.set(k, (set = new Set()));
    set.add(rowid);
  }

  /** Articles mentioning the entity (stored, and moved to it by merges in this batch). */
  articlesMentioning(rowid: number): { article: number; story: number | null }[] {
    const stored = rowid >= this.firstNewEntity ? [] : this.snapshot.articlesMentioning(rowid);
    const moved = this.movedMentions.get(rowid) ?? [];
    if (!moved.length) return stored;
    const seen = new Set(stored.map((x) => x.article));
    return [...stored, ...moved.filter((x) => !seen.has(x.article))];
  }

  /** `from` merged into `into`: its mentions, aliases and match keys go over or with it. */
  mergeEntity(from: number, into: number): { article: number; story: number | null }[] {
    const articles = this.articlesMentioning(from);
    const source = this.entity(from)!;
    this.mentionDelta.set(into, (this.mentionDelta.get(into) ?? 0) + source.mentions);
    const keys = new Set([
      ...(from >= this.firstNewEntity ? [] : this.snapshot.aliasesOf(from).map((a) => a.key)),
      ...(this.aliasesAdded.get(from) ?? []),
    ]);
    for (const k of keys) this.addAlias(into, k);
    this.movedMentions.set(into, [...(this.movedMentions.get(into) ?? []), ...articles]);
    this.deleted.add(from);
    return articles;
  }

  // ------------------------------------------------------------------ articles and terms

  articleStored(hash: string, url: string | null): boolean {
    return (
      this.hashes.has(hash) ||
      this.snapshot.hashStored(hash) ||
      (url !== null && (this.urls.has(url) || this.snapshot.urlStored(url)))
    );
  }

  articleIdTaken(id: string): boolean {
    return this.articleIds.has(id) || this.snapshot.articleIdTaken(id);
  }

  /** Take the next article rowid for an article with this id, hash and URL. */
  addArticle(id: string, hash: string, url: string | null): number {
    this.articleIds.add(id);
    this.hashes.add(hash);
    if (url !== null) this.urls.add(url);
    return this.nextArticle++;
  }

  /** The id of a timeline term, taking the next one for a term not stored yet (`added` is told). */
  termId(term: string, added: (id: number, term: string) => void): number {
    let id = this.terms.get(term) ?? this.snapshot.termId(term);
    if (id === undefined) {
      id = this.nextTerm++;
      added(id, term);
    }
    this.terms.set(term, id);
    return id;
  }
}
