/**
 * Entity resolution: merges NER mentions within and across articles into corpus-level entities and sets
 * `Mention.entityId`. Two layers:
 *  1. within an article: surname-only / first-name-only person mentions go to the most recent (else most
 *     frequent) full name in that article that ends (begins) with them; acronyms go to a name in the same
 *     article whose initials they are ("European Union ... (EU)"); a one-word org and the longer org
 *     name it begins in the same article are one entity ("Ford" / "Ford Motor").
 *  2. across articles (union-find over normalised keys): identical keys (case, diacritics, titles and
 *     possessives folded), acronyms learnt in any article, leftover surname-only mentions to the most
 *     salient full name with that surname, transliteration variants (same skeleton and vowel key), and
 *     one-letter misspellings of rare names when the two share context (co-occurring entities).
 * Global hyper-parameters are named constants below.
 */
import type { Article, Entity, EntityType, Mention } from '../../model.js';
import {
  coreTokens,
  COUNTRY_KEYS,
  countryKey,
  editDistance,
  foldToken,
  initials,
  isAcronym,
  NOT_A_NAME,
  skeleton,
  vowelKey,
} from './names.js';

// Regular expressions used inside functions are compiled once, here.
const MARKS_RE = /\p{M}+/gu;

/** A misspelling merge needs the rarer form to be below this share of the pair's mentions. */
export const MISSPELLING_MAX_SHARE = 0.5;
/** A misspelt form is rare: at most this many mentions in the corpus. */
export const MISSPELLING_MAX_RARE = 3;
/** Minimum folded length of a name for one-letter misspellings to be considered (short names collide). */
export const MISSPELLING_MIN_LEN = 6;
/** Minimum number of shared co-occurring entities for a fuzzy (transliteration / misspelling) merge. */
export const FUZZY_MIN_SHARED_CONTEXT = 1;
/** A name's mentions under a minority type join its majority type when at most this share. */
export const TYPE_MINORITY_SHARE = 1 / 4;
/** Contexts are computed over at most this many articles per node (keeps huge corpora fast). */
const CONTEXT_MAX_ARTICLES = 60;

interface Node {
  id: number;
  type: EntityType;
  /** Folded comparison key (type-specific). */
  key: string;
  /** Core tokens as written (first seen). */
  tokens: string[];
  mentions: Mention[];
  /** Surface forms (possessive stripped) with counts. */
  forms: Map<string, number>;
  articles: Set<string>;
  /** Single-token person name not attached to a full name in its article. */
  loneName: boolean;
}

class UnionFind {
  parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

function personKey(tokens: string[]): string {
  const f = tokens.map(foldToken);
  return f.length >= 2 ? `${f[0]} ${f[f.length - 1]}` : f[0];
}

function keyOf(tokens: string[], type: EntityType): string {
  return type === 'PERSON' ? personKey(tokens) : countryKey(tokens.map(foldToken).join(' '));
}

/** The display form of a mention: possessive stripped, whitespace normalised. */
function displayForm(m: Mention): string {
  let f = displayForms.get(m.text);
  if (f === undefined) {
    f = m.text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/(?:['’]s|['’])$/u, '');
    remember(displayForms, m.text, f);
  }
  return f;
}

// Mention texts repeat across a corpus ("Obama" thousands of times): their derived forms are computed once.
// The cached token arrays are shared and never modified.
const CACHE_MAX = 200_000;
const displayForms = new Map<string, string>();
/** Per type, by surface form: looked up with the mention text itself (no `type|surface` key built). */
const coreTokenCache: Record<EntityType, Map<string, string[]>> = {
  PERSON: new Map(),
  ORG: new Map(),
  LOC: new Map(),
  MISC: new Map(),
};
function remember<V>(cache: Map<string, V>, k: string, v: V): void {
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(k, v);
}

/** `keyOf` of a token list from `cachedCoreTokens` (which belongs to one type), cached on the list. */
const keyCache = new WeakMap<string[], string>();
function cachedKeyOf(tokens: string[], type: EntityType): string {
  let k = keyCache.get(tokens);
  if (k === undefined) keyCache.set(tokens, (k = keyOf(tokens, type)));
  return k;
}

/** `coreTokens`, cached by type and surface form. */
function cachedCoreTokens(surface: string, type: EntityType): string[] {
  const cache = coreTokenCache[type];
  let t = cache.get(surface);
  if (t === undefined) remember(cache, surface, (t = coreTokens(surface, type)));
  return t;
}

export function resolveEntities(articles: Article[]): Entity[] {
  const uf = new UnionFind();
  const nodes: Node[] = [];
  /** Nodes by type, then key. */
  const byKey: Record<EntityType, Map<string, Node>> = {
    PERSON: new Map(),
    ORG: new Map(),
    LOC: new Map(),
    MISC: new Map(),
  };
  const articleNodes = new Map<string, Set<number>>();
  /** acronym (folded) → expansion node ids with counts, learnt in any article. */
  const acronymExpansions = new Map<string, Map<number, number>>();

  const nodeFor = (type: EntityType, key: string, tokens: string[]): Node => {
    const ofType = byKey[type];
    let n = ofType.get(key);
    if (!n) {
      n = {
        id: uf.add(),
        type,
        key,
        tokens,
        mentions: [],
        forms: new Map(),
        articles: new Set(),
        loneName: false,
      };
      nodes.push(n);
      ofType.set(key, n);
    }
    return n;
  };
  const attach = (n: Node, m: Mention, articleId: string) => {
    n.mentions.push(m);
    const f = displayForm(m);
    n.forms.set(f, (n.forms.get(f) ?? 0) + 1);
    n.articles.add(articleId);
    let s = articleNodes.get(articleId);
    if (!s) articleNodes.set(articleId, (s = new Set()));
    s.add(n.id);
  };

  for (const article of articles) {
    const ms = [...article.mentions].sort((a, b) => a.start - b.start);
    const cores = ms.map((m) => cachedCoreTokens(m.text, m.type));
    // Full names (≥2 tokens) and multi-word org/loc names of this article, in order, for local lookups.
    const fullPersons: { node: Node; pos: number; first: string; last: string }[] = [];
    const multiNames: { node: Node; inits: string; first: string; last: string; type: EntityType }[] = [];
    const personCount = new Map<Node, number>();
    for (let i = 0; i < ms.length; i++) {
      const t = cores[i];
      if (!t.length || (t.length === 1 && NOT_A_NAME.has(foldToken(t[0])))) continue;
      if (ms[i].type === 'PERSON' && t.length >= 2) {
        const n = nodeFor('PERSON', cachedKeyOf(t, 'PERSON'), t);
        fullPersons.push({
          node: n,
          pos: ms[i].start,
          first: foldToken(t[0]),
          last: foldToken(t[t.length - 1]),
        });
        personCount.set(n, (personCount.get(n) ?? 0) + 1);
      } else if (ms[i].type !== 'PERSON' && t.length >= 2) {
        const n = nodeFor(ms[i].type, cachedKeyOf(t, ms[i].type), t);
        multiNames.push({
          node: n,
          inits: initials(t),
          first: foldToken(t[0]),
          last: foldToken(t[t.length - 1]),
          type: ms[i].type,
        });
      }
    }
    // The same lists indexed by the word looked up (each keeps the article order).
    const personsByLast = groupBy(fullPersons, (p) => p.last);
    const personsByFirst = groupBy(fullPersons, (p) => p.first);
    const multiByInits = groupBy(multiNames, (x) => x.inits);
    const multiByFirst = groupBy(multiNames, (x) => `${x.type}|${x.first}`);
    const multiByLast = groupBy(multiNames, (x) => `${x.type}|${x.last}`);
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      const t = cores[i];
      if (!t.length || (t.length === 1 && NOT_A_NAME.has(foldToken(t[0])))) continue;
      let node: Node | undefined;
      if (t.length >= 2) node = nodeFor(m.type, cachedKeyOf(t, m.type), t);
      else if (m.type === 'PERSON') {
        const w = foldToken(t[0]);
        node =
          pickPerson(personsByLast.get(w) ?? [], personCount, m.start) ??
          pickPerson(personsByFirst.get(w) ?? [], personCount, m.start, true);
        if (!node) {
          node = nodeFor('PERSON', w, t);
          node.loneName = true;
        }
      } else {
        const w = foldToken(t[0]);
        const surface = t[0];
        if (isAcronym(surface) && w.length >= 2) {
          const exp = multiByInits.get(w)?.[0];
          if (exp) {
            const counts = acronymExpansions.get(w) ?? new Map<number, number>();
            counts.set(exp.node.id, (counts.get(exp.node.id) ?? 0) + 1);
            acronymExpansions.set(w, counts);
            node = exp.node;
          }
        }
        node ??= nodeFor(m.type, countryKey(w), t);
        if (!isAcronym(surface) && w.length >= 3) {
          // "Ford" and "Ford Motor", "Taurus" and "Ford Taurus" in one article: the short name stands for
          // the one longer name of the same type that begins (ORG, LOC) or ends (MISC: models) with it
          const longer = (m.type === 'MISC' ? multiByLast : multiByFirst).get(`${m.type}|${w}`) ?? [];
          if (longer.length && distinctNodes(longer) === 1) uf.union(node.id, longer[0].node.id);
        }
      }
      attach(node, m, article.id);
    }
  }

  // Acronyms seen alone in other articles (in any case: "Ospra") join the expansion learnt elsewhere.
  for (const n of nodes) {
    if (n.tokens.length !== 1 || n.type === 'PERSON') continue;
    const counts = acronymExpansions.get(n.key);
    if (!counts) continue;
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    uf.union(best, n.id);
  }

  // "U.S. Federal Reserve" / "Federal Reserve": a country-prefixed name is the name without the prefix.
  for (const n of nodes) {
    if (n.type === 'PERSON' || n.tokens.length < 2) continue;
    for (let k = 1; k < n.tokens.length; k++) {
      const prefix = countryKey(n.tokens.slice(0, k).map(foldToken).join(' '));
      if (!COUNTRY_KEYS.has(prefix)) continue;
      const rest = byKey[n.type].get(keyOf(n.tokens.slice(k), n.type));
      if (rest) uf.union(rest.id, n.id);
    }
  }

  // NER boundary slips: "Minister of Maritime Affairs Ingrid Solvang" tagged as an organisation ends in a
  // known person's full name → that person.
  for (const n of nodes) {
    if (n.type === 'PERSON' || n.tokens.length < 3) continue;
    const p = byKey.PERSON.get(personKey(n.tokens.slice(-2)));
    if (p && p.mentions.length) uf.union(p.id, n.id);
  }
  // The same name under two types (NER inconsistency: "Kelvik" as LOC and once as ORG) is one entity
  // when the minority type has at most TYPE_MINORITY_SHARE of the mentions.
  const sameKey = new Map<string, Node[]>();
  for (const n of nodes) {
    // products, events and other MISC names share names with their makers ("Airbus" the plane maker and
    // the Airbus aircraft): never merged across types
    if (n.type === 'MISC') continue;
    const l = sameKey.get(n.key);
    if (l) l.push(n);
    else sameKey.set(n.key, [n]);
  }
  const groupSize = new Map<number, number>();
  for (const n of nodes)
    groupSize.set(uf.find(n.id), (groupSize.get(uf.find(n.id)) ?? 0) + n.mentions.length);
  const size = (n: Node) => groupSize.get(uf.find(n.id)) ?? 0;
  for (const l of sameKey.values()) {
    if (l.length < 2) continue;
    const top = l.reduce((a, b) => (size(b) > size(a) ? b : a));
    const topSize = size(top);
    for (const n of l) {
      if (uf.find(n.id) === uf.find(top.id)) continue;
      if (size(n) <= (size(n) + topSize) * TYPE_MINORITY_SHARE) uf.union(top.id, n.id);
    }
  }

  // Shared context of two names: other names found in an article of each (bounded, early exit).
  const sharedContext = (a: Node, b: Node, need = FUZZY_MIN_SHARED_CONTEXT): number => {
    const [small, big] = a.articles.size <= b.articles.size ? [a, b] : [b, a];
    const bigArts: Set<number>[] = [];
    for (const art of big.articles) {
      if (bigArts.length >= CONTEXT_MAX_ARTICLES) break;
      bigArts.push(articleNodes.get(art)!);
    }
    const seen = new Set<number>();
    let shared = 0;
    let k = 0;
    for (const art of small.articles) {
      if (k++ >= CONTEXT_MAX_ARTICLES) break;
      for (const o of articleNodes.get(art) ?? []) {
        if (o === a.id || o === b.id || seen.has(o)) continue;
        seen.add(o);
        if (bigArts.some((s) => s.has(o)) && ++shared >= need) return shared;
      }
    }
    return shared;
  };

  // Transliteration variants: same type, same number of tokens, every token with the same vowel key.
  const translitGroups = new Map<string, Node[]>();
  for (const n of nodes) {
    const toks =
      n.type === 'PERSON' && n.tokens.length >= 2 ? [n.tokens[0], n.tokens[n.tokens.length - 1]] : n.tokens;
    if (toks.some((t) => foldToken(t).length < 4)) continue;
    const k = `${n.type}|${toks.map(vowelKey).join(' ')}|${toks.map(skeleton).join(' ')}`;
    const g = translitGroups.get(k);
    if (g) g.push(n);
    else translitGroups.set(k, [n]);
  }
  for (const g of translitGroups.values()) {
    for (let i = 1; i < g.length; i++) {
      if (uf.find(g[0].id) === uf.find(g[i].id)) continue;
      if (sharedContext(g[0], g[i]) >= FUZZY_MIN_SHARED_CONTEXT) uf.union(g[0].id, g[i].id);
    }
  }

  // One-letter misspellings of rare names (deletion neighbourhoods on the folded key).
  // Per type: hash of a deletion variant → indexed (rare) nodes as (node id, deleted index) pairs. Variants
  // are hashed, not built; a hash hit is confirmed on the two keys' characters (`sameDeletion`).
  const deletions = new Map<EntityType, Map<number, number[]>>();
  const variantHashes: number[] = [];
  for (const n of nodes) {
    // names with digits are models and numbers ("A380", "A350"), never misspellings of each other
    if (
      n.key.length < MISSPELLING_MIN_LEN ||
      /\d/.test(n.key) ||
      (n.tokens.length === 1 && isAcronym(n.tokens[0]))
    )
      continue;
    // only rare forms are indexed; every form then looks its variants up among them
    if (n.mentions.length > MISSPELLING_MAX_RARE) continue;
    let byVariant = deletions.get(n.type);
    if (!byVariant) deletions.set(n.type, (byVariant = new Map()));
    deletionHashes(n.key, variantHashes);
    for (let i = -1; i < n.key.length; i++) {
      const h = variantHashes[i + 1];
      const l = byVariant.get(h);
      if (l) l.push(n.id, i);
      else byVariant.set(h, [n.id, i]);
    }
  }
  for (const b of nodes) {
    if (b.key.length < MISSPELLING_MIN_LEN || /\d/.test(b.key)) continue;
    const byVariant = deletions.get(b.type);
    if (!byVariant) continue;
    const cands = new Set<Node>();
    deletionHashes(b.key, variantHashes);
    for (let j = -1; j < b.key.length; j++) {
      const l = byVariant.get(variantHashes[j + 1]);
      if (!l) continue;
      for (let x = 0; x < l.length; x += 2) {
        const a = nodes[l[x]];
        if (a !== b && sameDeletion(a.key, l[x + 1], b.key, j)) cands.add(a);
      }
    }
    if (cands.size > 8) continue;
    for (const a of cands) {
      if (uf.find(a.id) === uf.find(b.id)) continue;
      const total = a.mentions.length + b.mentions.length;
      // the indexed form must be the rarer one
      if (a.mentions.length / total >= MISSPELLING_MAX_SHARE) continue;
      // First names must agree exactly: "Ed Miliband" vs "Ted Miliband" are not a typo pair.
      if (a.key.includes(' ') && a.key.split(' ')[0] !== b.key.split(' ')[0]) continue;
      if (editDistance(a.key, b.key, 1) !== 1) continue;
      if (sharedContext(a, b) >= FUZZY_MIN_SHARED_CONTEXT) uf.union(a.id, b.id);
    }
  }

  // Surname-only names with no full name in their article: the most salient full name ending with them.
  const bySurname = new Map<string, Node[]>();
  const byVowelSurname = new Map<string, Node[]>();
  for (const n of nodes) {
    if (n.type !== 'PERSON' || n.tokens.length < 2) continue;
    const last = foldToken(n.tokens[n.tokens.length - 1]);
    (bySurname.get(last) ?? bySurname.set(last, []).get(last)!).push(n);
    const vk = vowelKey(last);
    (byVowelSurname.get(vk) ?? byVowelSurname.set(vk, []).get(vk)!).push(n);
  }
  const rootMentions = new Map<number, number>();
  for (const n of nodes)
    rootMentions.set(uf.find(n.id), (rootMentions.get(uf.find(n.id)) ?? 0) + n.mentions.length);
  const salience = (n: Node) => rootMentions.get(uf.find(n.id)) ?? 0;
  for (const n of nodes) {
    if (!n.loneName) continue;
    let cands = bySurname.get(n.key);
    if (!cands?.length && n.key.length >= 4)
      cands = byVowelSurname
        .get(vowelKey(n.key))
        ?.filter((c) => sharedContext(c, n) >= FUZZY_MIN_SHARED_CONTEXT);
    if (!cands?.length) continue;
    const roots = [...new Set(cands.map((c) => uf.find(c.id)))];
    const best = roots.length === 1 ? cands[0] : cands.reduce((a, b) => (salience(b) > salience(a) ? b : a));
    uf.union(best.id, n.id);
  }

  return buildEntities(nodes, uf);
}

/** The items of `list` by key, each group in list order. */
function groupBy<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/**
 * Facts about a candidate list that do not depend on the mention looking it up (its number of distinct
 * nodes, its most frequent node): computed on each look-up for short lists, and once for long ones, so
 * that an article with thousands of "X Ruiz" and of lone "Ruiz" mentions does not scan the whole list
 * for each lone mention.
 */
const SHORT_LIST = 16;
const distinctCache = new WeakMap<object[], number>();
const topCache = new WeakMap<object[], Node>();
function distinctNodes(cands: { node: Node }[]): number {
  if (cands.length <= SHORT_LIST) return new Set(cands.map((c) => c.node)).size;
  let d = distinctCache.get(cands);
  if (d === undefined) distinctCache.set(cands, (d = new Set(cands.map((c) => c.node)).size));
  return d;
}
function mostFrequent(cands: { node: Node }[], counts: Map<Node, number>): Node {
  const find = () =>
    cands.reduce((a, b) => ((counts.get(b.node) ?? 0) > (counts.get(a.node) ?? 0) ? b : a)).node;
  if (cands.length <= SHORT_LIST) return find();
  let top = topCache.get(cands);
  if (top === undefined) topCache.set(cands, (top = find()));
  return top;
}

/** The most recent preceding candidate, else the article's most frequent one (ties: first). `cands` are the
 * article's full names that match, in article order (so the most recent one is found by binary search). */
function pickPerson(
  cands: { node: Node; pos: number }[],
  counts: Map<Node, number>,
  pos: number,
  unique = false,
): Node | undefined {
  if (!cands.length) return undefined;
  if (unique && distinctNodes(cands) > 1) return undefined;
  let lo = 0;
  let hi = cands.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cands[mid].pos < pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) return cands[lo - 1].node;
  return mostFrequent(cands, counts);
}

/**
 * Deletion hashes are polynomial (Horner) hashes mod 2^32 of the key without one character, so that all of
 * a key's variants come from its prefix and suffix hashes in O(length) (`deletionHashes`), not O(length²).
 * They only pick candidates: a hit is confirmed on the characters (`sameDeletion`), so the hash function
 * decides no merge.
 */
const DELETION_BASE = 0x01000193;
const mix31 = (h: number) => (h ^ (h >>> 16)) & 0x7fffffff;

/** A 31-bit hash of `key` without its character at `skip` (-1: the key itself). */
export function deletionHash(key: string, skip: number): number {
  let h = 0;
  for (let i = 0; i < key.length; i++)
    if (i !== skip) h = (Math.imul(h, DELETION_BASE) + key.charCodeAt(i)) | 0;
  return mix31(h);
}

/** Scratch for `deletionHashes`: suffix hashes and powers of the base. */
const suffixHash: number[] = [];
const basePower: number[] = [1];

/**
 * `out[0]` = `deletionHash(key, -1)`, `out[i + 1]` = `deletionHash(key, i)` for every index i (out is
 * overwritten; its length becomes key.length + 1).
 */
export function deletionHashes(key: string, out: number[]): void {
  const n = key.length;
  while (basePower.length <= n) basePower.push(Math.imul(basePower[basePower.length - 1], DELETION_BASE));
  // suffixHash[i]: the hash of key.slice(i), i.e. sum of c_k * B^(n-1-k) for k >= i
  suffixHash[n] = 0;
  for (let i = n - 1; i >= 0; i--)
    suffixHash[i] = (suffixHash[i + 1] + Math.imul(key.charCodeAt(i), basePower[n - 1 - i])) | 0;
  out.length = n + 1;
  out[0] = mix31(suffixHash[0]);
  // prefix: the hash of key.slice(0, i); without character i the prefix is shifted by n-1-i places
  let prefix = 0;
  for (let i = 0; i < n; i++) {
    out[i + 1] = mix31((Math.imul(prefix, basePower[n - 1 - i]) + suffixHash[i + 1]) | 0);
    prefix = (Math.imul(prefix, DELETION_BASE) + key.charCodeAt(i)) | 0;
  }
}

/** True when `a` without its character at `i` equals `b` without its character at `j` (-1: nothing deleted). */
export function sameDeletion(a: string, i: number, b: string, j: number): boolean {
  if (a.length - (i >= 0 ? 1 : 0) !== b.length - (j >= 0 ? 1 : 0)) return false;
  for (let x = 0, y = 0; x < a.length; x++, y++) {
    if (x === i) x++;
    if (y === j) y++;
    if (x >= a.length) break;
    if (a.charCodeAt(x) !== b.charCodeAt(y)) return false;
  }
  return true;
}

function slug(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(MARKS_RE, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

/**
 * Canonical name: among forms without titles, those at least CANONICAL_MIN_SHARE as frequent as the most
 * frequent one compete; the one with most words wins, then the most frequent, then mixed case over caps.
 */
const CANONICAL_MIN_SHARE = 0.2;

/** Number of words of a core name (words joined by single spaces). */
function words(s: string): number {
  let n = 1;
  for (let i = s.indexOf(' '); i !== -1; i = s.indexOf(' ', i + 1)) n++;
  return n;
}
/** A name written in capitals ("EUROPEAN UNION"): loses to mixed-case forms. */
function isCaps(s: string): boolean {
  return s.length > 4 && s === s.toUpperCase() && words(s) > 1;
}

function buildEntities(nodes: Node[], uf: UnionFind): Entity[] {
  const groups = new Map<number, Node[]>();
  for (const n of nodes) {
    if (!n.mentions.length) continue;
    const r = uf.find(n.id);
    const g = groups.get(r);
    if (g) g.push(n);
    else groups.set(r, [n]);
  }
  const entities: Entity[] = [];
  const used = new Set<string>();
  for (const g of groups.values()) {
    const typeCount = new Map<EntityType, number>();
    const forms = new Map<string, number>();
    const cores = new Map<string, number>();
    const articleIds = new Set<string>();
    let mentions = 0;
    for (const n of g) {
      typeCount.set(n.type, (typeCount.get(n.type) ?? 0) + n.mentions.length);
      mentions += n.mentions.length;
      for (const a of n.articles) articleIds.add(a);
      for (const [f, c] of n.forms) {
        forms.set(f, (forms.get(f) ?? 0) + c);
        const core = cachedCoreTokens(f, n.type).join(' ');
        if (core) cores.set(core, (cores.get(core) ?? 0) + c);
      }
    }
    const type = [...typeCount.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const top = Math.max(...cores.values());
    const name = [...cores.entries()]
      .filter(([, c]) => c >= top * CANONICAL_MIN_SHARE)
      .sort(
        (a, b) =>
          Number(isCaps(a[0])) - Number(isCaps(b[0])) ||
          words(b[0]) - words(a[0]) ||
          b[1] - a[1] ||
          b[0].length - a[0].length ||
          (a[0] < b[0] ? -1 : 1),
      )[0][0];
    let id = `${type.toLowerCase()}:${slug(name)}`;
    for (let k = 2; used.has(id); k++) id = `${type.toLowerCase()}:${slug(name)}-${k}`;
    used.add(id);
    for (const n of g) for (const m of n.mentions) m.entityId = id;
    const aliasSet = new Set([...forms.keys(), ...cores.keys()]);
    if (type === 'PERSON') {
      // a variant surname ("Marten Ellingsrod" → "Ellingsrod") is itself an alias
      const surname = name.split(' ').pop();
      for (const c of cores.keys()) {
        const last = c.split(' ').pop();
        if (c.includes(' ') && last && last !== surname) aliasSet.add(last);
      }
    }
    const aliases = [...aliasSet].filter((f) => f !== name).sort();
    entities.push({ id, name, type, aliases, mentions, articleIds: [...articleIds].sort() });
  }
  entities.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
  return entities;
}
