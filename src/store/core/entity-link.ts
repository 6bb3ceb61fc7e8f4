/**
 * Linking a batch's entities to entities stored by earlier batches. The entities stage
 * (src/nlp/entities) merges name variants across the articles it is given; the store ingests batch by
 * batch (a feed adds one article at a time), so without this step "Solvang" in today's article would not
 * join "Ingrid Solvang" stored last week. The rules are the cross-article rules of the entities stage,
 * applied against the store through indexed match keys (`entity_keys`), with the same thresholds:
 *  1. the same name under another type (not MISC), when this batch's form is the minority
 *     (TYPE_MINORITY_SHARE of the two entities' mentions) — also acronyms learnt elsewhere ("Ospra");
 *  2. a lone surname → the most mentioned stored full name with that surname (else, with shared context,
 *     one whose surname has the same vowel key);
 *  3. transliteration variants (candidates: every token with the same vowel key and skeleton) and
 *  4. typos of multi-word names (candidates: the same first word), each decided by the entities stage's
 *     alias rules (src/nlp/entities/aliases.ts: spellingRelation, then variantsMerge on the evidence: the
 *     mention counts of both and shared context; two batches never share an article or a sentence).
 * "Shared context": another stored entity mentioned in an article of each.
 */
import type { EntityType } from '../../model.js';
import { coreTokens, foldToken, skeleton, vowelKey } from '../../nlp/entities/names.js';
import type { StoredEntity } from './snapshot.js';
import {
  FUZZY_MIN_SHARED_CONTEXT,
  MISSPELLING_MIN_LEN,
  spellingRelation,
  TYPE_MINORITY_SHARE,
  variantsMerge,
  type SpellingRelation,
} from '../../nlp/entities/aliases.js';

/** Articles per entity read for its context (as CONTEXT_MAX_ARTICLES in the entities stage). */
export const CONTEXT_ARTICLES = 60;

export type MatchKey = [kind: 'last' | 'vlast' | 'tr' | 'first', key: string];

/** The comparison key the entities stage uses: folded first and last token for persons, all tokens otherwise. */
function foldedKey(tokens: string[], type: EntityType): string {
  const f = tokens.map(foldToken);
  return type === 'PERSON' && f.length >= 2 ? `${f[0]} ${f[f.length - 1]}` : f.join(' ');
}

/** Index keys of a stored entity's name. */
export function matchKeys(type: EntityType, name: string): MatchKey[] {
  return keysOf(type, coreTokens(name, type));
}

/** Index keys of a name's core tokens (coreTokens). */
function keysOf(type: EntityType, tokens: string[]): MatchKey[] {
  if (!tokens.length) return [];
  const out: MatchKey[] = [];
  const folded = tokens.map(foldToken);
  if (type === 'PERSON' && tokens.length >= 2) {
    const last = folded[folded.length - 1];
    out.push(['last', last], ['vlast', vowelKey(last)]);
  }
  const toks = type === 'PERSON' && tokens.length >= 2 ? [tokens[0], tokens[tokens.length - 1]] : tokens;
  if (toks.every((t) => foldToken(t).length >= 4))
    out.push(['tr', `${type}|${toks.map(vowelKey).join(' ')}|${toks.map(skeleton).join(' ')}`]);
  if (tokens.length >= 2) out.push(['first', `${type}|${folded[0]}|${tokens.length}`]);
  return out;
}

/** What the linker reads of the store (the batch planner's view, view.ts). */
export interface EntityIndex {
  /** Entities indexed under a match key, most mentioned first (at most 20). */
  entitiesByMatchKey(kind: string, key: string): StoredEntity[];
  /** The same name under another type (not MISC), by name or alias: the most mentioned. */
  crossType(key: string, type: EntityType): StoredEntity | undefined;
  /** Entities mentioned in the entity's latest CONTEXT_ARTICLES articles. */
  entityContext(rowid: number): number[];
  /** Index a new entity under a match key. */
  addMatchKey(kind: string, key: string, rowid: number): void;
}

export class EntityLinker {
  private readonly contexts = new Map<number, Set<number>>();
  /** Core tokens and match keys per (type, name): a name linked and then indexed, or compared with many others,
   * is split and keyed once (pure functions of the name; the linker lives for one batch). */
  private readonly named = new Map<string, { tokens: string[]; keys?: MatchKey[] }>();

  private nameOf(type: EntityType, name: string) {
    const k = `${type}\0${name}`;
    let n = this.named.get(k);
    if (!n) this.named.set(k, (n = { tokens: coreTokens(name, type) }));
    return n;
  }

  private keysOf(type: EntityType, name: string): MatchKey[] {
    const n = this.nameOf(type, name);
    return (n.keys ??= keysOf(type, n.tokens));
  }

  constructor(private readonly index_: EntityIndex) {}

  /** Record a (new) stored entity's match keys. */
  index(rowid: number, type: EntityType, name: string): void {
    for (const [kind, key] of this.keysOf(type, name)) this.index_.addMatchKey(kind, key, rowid);
  }

  private sharesContext(s: StoredEntity, context: ReadonlySet<number>): boolean {
    let ctx = this.contexts.get(s.rowid);
    if (!ctx) this.contexts.set(s.rowid, (ctx = new Set(this.index_.entityContext(s.rowid))));
    let shared = 0;
    for (const o of context)
      if (o !== s.rowid && ctx.has(o) && ++shared >= FUZZY_MIN_SHARED_CONTEXT) return true;
    return false;
  }

  /**
   * The stored entity a batch entity (not found by name or alias) is a variant of, or null.
   * `key` is the store's normalised name key; `context` the stored entities mentioned in its articles.
   */
  link(
    type: EntityType,
    name: string,
    key: string,
    mentions: number,
    context: ReadonlySet<number>,
  ): number | null {
    const tokens = this.nameOf(type, name).tokens;
    if (!tokens.length) return null;
    // 1. The same name under another type, this batch's form being the minority.
    if (type !== 'MISC') {
      const s = this.index_.crossType(key, type);
      if (s && mentions <= (mentions + s.mentions) * TYPE_MINORITY_SHARE) return s.rowid;
    }
    const folded = tokens.map(foldToken);
    // 2. A lone surname.
    if (type === 'PERSON' && tokens.length === 1) {
      const exact = this.index_.entitiesByMatchKey('last', folded[0]);
      if (exact.length) return exact[0].rowid;
      if (folded[0].length >= 4) {
        const near = this.index_
          .entitiesByMatchKey('vlast', vowelKey(folded[0]))
          .find((s) => this.sharesContext(s, context));
        if (near) return near.rowid;
      }
      return null;
    }
    // 3. Transliteration variants, 4. typos: candidates from the indexes, the decision by the alias rules.
    const decide = (s: StoredEntity, only?: SpellingRelation): boolean => {
      if (s.type !== type) return false;
      const rel = spellingRelation(tokens, this.nameOf(type, s.name).tokens, type === 'PERSON');
      if (!rel || rel === 'same' || (only && rel !== only)) return false;
      const shared = this.sharesContext(s, context) ? FUZZY_MIN_SHARED_CONTEXT : 0;
      return variantsMerge({
        relation: rel,
        mentionsA: mentions,
        mentionsB: s.mentions,
        sharedContext: shared,
        sameArticle: false,
        sameSentence: false,
        bothAttestedInOneArticle: false,
      });
    };
    for (const [kind, k] of this.keysOf(type, name)) {
      if (kind !== 'tr') continue;
      const v = this.index_.entitiesByMatchKey('tr', k).find((s) => decide(s));
      if (v) return v.rowid;
    }
    const mine = foldedKey(tokens, type);
    if (tokens.length >= 2 && mine.length >= MISSPELLING_MIN_LEN)
      for (const s of this.index_.entitiesByMatchKey('first', `${type}|${folded[0]}|${tokens.length}`))
        if (decide(s, 'typo')) return s.rowid;
    return null;
  }
}
