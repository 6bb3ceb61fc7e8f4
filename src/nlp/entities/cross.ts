/**
 * Cross-article merging rules of entity resolution, run in this order over the name graph (graph.ts) once
 * every article's names are in it (index.ts). Each rule is one function:
 *  1. acronyms learnt in an article ("European Union (EU)") join the same acronym elsewhere, and an
 *     acronym of three or more letters joins the one name of its type whose initials it is;
 *  2. a country-prefixed name is the name without the prefix ("U.S. Federal Reserve");
 *  3. NER boundary slips: an organisation ending in a known person's full name is that person;
 *  4. one name under two types is one entity when the minority type is rare (never MISC);
 *  5. spelling variants (aliases.ts: transliteration, typo) that the evidence supports;
 *  6. a shorter name that begins (organisations, places) or ends (products) exactly one longer name of its
 *     type, and plurals of product names ("H-90s");
 *  7. persons named with an initial ("T. Vell") → the one full name with that surname and initial;
 *  8. lone surnames → the most salient full name with that surname, or with a variant of it; with none,
 *     the one better attested organisation or place of that name;
 *  9. a one-word name that stood for one longer name in its article ("Orra" beside "Orra Motor") joins it,
 *     unless it stood for different longer names in different articles (SHORT_NAME_MIN_SHARE), or the
 *     word is named as often under other types ("Halvard" the city beside the "Halvard Evening Post").
 */
import {
  isInitial,
  MISSPELLING_MAX_RARE,
  spellingRelation,
  surnameVariant,
  translitKey,
  TYPE_MINORITY_SHARE,
  variantsMerge,
} from './aliases.js';
import type { EntityGraph, Node } from './graph.js';
import { COUNTRY_KEYS, countryKey, foldToken, initials, isAcronym } from './names.js';

/**
 * Spelling-variant candidates of one name beyond this many are not compared: a bound on the work for one
 * name (a frequent name has many rare typo neighbours, each decided by the evidence rule).
 */
const MAX_VARIANT_CANDIDATES = 64;

/** The core tokens of a written form of a name of some type (index.ts: cached coreTokens). */
export type FormTokens = (form: string, type: Node['type']) => string[];

export function mergeAcrossArticles(
  g: EntityGraph,
  personKey: (t: string[]) => string,
  tokensOf: FormTokens,
): void {
  acronyms(g);
  countryPrefixes(g);
  boundarySlips(g, personKey);
  typeVariants(g);
  spellingVariants(g, tokensOf);
  shortNames(g);
  const s = surnames(g);
  initialNames(g, s);
  loneSurnames(g, s);
  articleShortNames(g);
}

/**
 * A short name joins the longer name it stood for in at least this share of the articles where it stood
 * for one ("Sele" for "Sele Freight" in one article and for "Sele Valley Times" in another: neither).
 */
export const SHORT_NAME_MIN_SHARE = 2 / 3;

/** The name is given under other types (MISC aside) at least as often as under its own. */
function namedElsewhere(g: EntityGraph, n: Node): boolean {
  let elsewhere = 0;
  for (const t of ['PERSON', 'ORG', 'LOC'] as const)
    if (t !== n.type) elsewhere += g.byKey[t].get(n.key)?.mentions.length ?? 0;
  return elsewhere >= n.mentions.length;
}

/** 9. Short names met beside their longer name within an article (index.ts fills `shortLinks`). */
function articleShortNames(g: EntityGraph): void {
  for (const [short, longs] of g.shortLinks) {
    if (namedElsewhere(g, short)) continue;
    const byRoot = new Map<number, { nodes: Node[]; articles: number }>();
    let total = 0;
    for (const [l, articles] of longs) {
      const r = g.uf.find(l.id);
      const e = byRoot.get(r) ?? byRoot.set(r, { nodes: [], articles: 0 }).get(r)!;
      e.nodes.push(l);
      e.articles += articles.size;
      total += articles.size;
    }
    if (!total) continue;
    const best = [...byRoot.values()].reduce((a, b) => (b.articles > a.articles ? b : a));
    if (best.articles >= total * SHORT_NAME_MIN_SHARE) g.union(best.nodes[0], short);
  }
}

/** 1. Acronyms. */
function acronyms(g: EntityGraph): void {
  const unresolved: Node[] = [];
  for (const n of g.nodes) {
    if (n.tokens.length !== 1 || n.type === 'PERSON') continue;
    const counts = g.acronymExpansions.get(n.key);
    if (counts) {
      const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      g.uf.union(best, n.id);
    } else if (isAcronym(n.tokens[0]) && n.key.length >= 3 && !/\d/.test(n.key)) unresolved.push(n);
  }
  if (!unresolved.length) return;
  // an acronym never spelt out next to its name: the one multi-word name of its type with those initials
  const byInitials = new Map<string, Node[]>();
  for (const n of g.nodes) {
    if (n.type === 'PERSON' || n.tokens.length < 3) continue;
    const k = `${n.type}|${initials(n.tokens)}`;
    (byInitials.get(k) ?? byInitials.set(k, []).get(k)!).push(n);
  }
  for (const n of unresolved) {
    const cands = byInitials.get(`${n.type}|${n.key}`) ?? [];
    const roots = new Set(cands.map((c) => g.uf.find(c.id)));
    if (roots.size === 1 && g.sharedContext(n, cands[0]) >= 1) g.union(cands[0], n);
  }
  // "Northern Ports and Shipping Agency NPSA Ltd.": a long name that gives the acronym itself
  for (const n of g.nodes) {
    if (n.type === 'PERSON' || n.tokens.length < 3) continue;
    for (const t of n.tokens.slice(1)) {
      if (!isAcronym(t) || foldToken(t).length < 3) continue;
      const a = g.byKey[n.type].get(foldToken(t));
      if (a && a.tokens.length === 1) g.union(a, n);
    }
  }
}

/** 2. "U.S. Federal Reserve" / "Federal Reserve". */
function countryPrefixes(g: EntityGraph): void {
  for (const n of g.nodes) {
    if (n.type === 'PERSON' || n.tokens.length < 2) continue;
    for (let k = 1; k < n.tokens.length; k++) {
      const prefix = countryKey(n.tokens.slice(0, k).map(foldToken).join(' '));
      if (!COUNTRY_KEYS.has(prefix)) continue;
      const rest = g.byKey[n.type].get(countryKey(n.tokens.slice(k).map(foldToken).join(' ')));
      if (rest) g.union(rest, n);
    }
  }
}

/** 3. "Minister of Maritime Affairs Ingrid Solvang" tagged as an organisation → that person. */
function boundarySlips(g: EntityGraph, personKey: (t: string[]) => string): void {
  for (const n of g.nodes) {
    if (n.type === 'PERSON' || n.tokens.length < 3) continue;
    const p = g.byKey.PERSON.get(personKey(n.tokens.slice(-2)));
    if (p && p.mentions.length) g.union(p, n);
  }
}

/** 4. The same name under two types (NER inconsistency: "Kelvik" as LOC and once as ORG). */
function typeVariants(g: EntityGraph): void {
  const sameKey = new Map<string, Node[]>();
  for (const n of g.nodes) {
    // products, events and other MISC names share names with their makers ("Halvard" the ferry maker and
    // the Halvard ferry): never merged across types
    if (n.type === 'MISC') continue;
    const l = sameKey.get(n.key);
    if (l) l.push(n);
    else sameKey.set(n.key, [n]);
  }
  const size = g.groupSizes();
  for (const l of sameKey.values()) {
    if (l.length < 2) continue;
    const top = l.reduce((a, b) => (size(b) > size(a) ? b : a));
    const topSize = size(top);
    for (const n of l) {
      if (g.same(n, top)) continue;
      if (size(n) <= (size(n) + topSize) * TYPE_MINORITY_SHARE) g.union(top, n);
    }
  }
}

/** The tokens spelling rules compare: a person's first and last name, every token otherwise. */
const compared = (n: Node) =>
  n.type === 'PERSON' && n.tokens.length >= 2 ? [n.tokens[0], n.tokens[n.tokens.length - 1]] : n.tokens;

/** 5. Transliteration variants and typos, decided by aliases.ts. */
function spellingVariants(g: EntityGraph, tokensOf: FormTokens): void {
  // transliteration: same type, every compared token with the same key
  const translit = new Map<string, Node[]>();
  for (const n of g.nodes) {
    const toks = compared(n);
    if (toks.some((t) => foldToken(t).length < 4 || /\d/.test(t))) continue;
    if (n.type === 'PERSON' && (toks.length < 2 || isInitial(toks[0]))) continue;
    const k = `${n.type}|${toks.map(translitKey).join(' ')}`;
    (translit.get(k) ?? translit.set(k, []).get(k)!).push(n);
  }
  for (const grp of translit.values()) {
    if (grp.length < 2 || grp.length > MAX_VARIANT_CANDIDATES) continue;
    // each spelling is compared with the best attested one (the evidence rule decides, pair by pair)
    const anchor = grp.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
    for (const n of grp) if (n !== anchor) tryMerge(g, anchor, n);
  }
  typos(g, tokensOf);
}

/** `aTokens`: the form of `a` the comparison found (a name may be written several ways: "U.S.", "America"). */
function tryMerge(g: EntityGraph, a: Node, b: Node, aTokens = a.tokens): void {
  if (g.same(a, b)) return;
  const rel = spellingRelation(aTokens, b.tokens, a.type === 'PERSON');
  if (rel && variantsMerge(g.evidence(a, b, rel))) g.union(a, b);
}

/**
 * Typos: one-edit neighbours found through deletion neighbourhoods of the folded keys. Only rare forms are
 * indexed (a typo merge needs one rare side); every form then looks its variants up among them. Deletion
 * variants are hashed, not built; a hash hit is confirmed on the two keys' characters (`sameDeletion`).
 */
function typos(g: EntityGraph, tokensOf: FormTokens): void {
  const deletions = new Map<string, Map<number, number[]>>();
  const hashes: number[] = [];
  const typoKey = (type: Node['type'], toks: string[]) =>
    (type === 'PERSON' && toks.length >= 2 ? [toks[0], toks[toks.length - 1]] : toks)
      .map(foldToken)
      .join(' ');
  // (a model number may be part of the name, "Halvard H90"; a typo is never in it: aliases.ts tokenTypo)
  const usable = (key: string, toks: string[]) =>
    key.length >= 4 && !/^[\d\s-]*$/.test(key) && !(toks.length === 1 && isAcronym(toks[0]));
  const keys = g.nodes.map((n) => typoKey(n.type, n.tokens));
  for (const n of g.nodes) {
    if (!usable(keys[n.id], n.tokens) || n.mentions.length > MISSPELLING_MAX_RARE) continue;
    let byVariant = deletions.get(n.type);
    if (!byVariant) deletions.set(n.type, (byVariant = new Map()));
    deletionHashes(keys[n.id], hashes);
    for (let i = -1; i < keys[n.id].length; i++) {
      const l = byVariant.get(hashes[i + 1]);
      if (l) l.push(n.id, i);
      else byVariant.set(hashes[i + 1], [n.id, i]);
    }
  }
  for (const b of g.nodes) {
    const byVariant = deletions.get(b.type);
    if (!byVariant) continue;
    // every written form of the name looks its typo neighbours up ("Amercia" is a typo of "America", whose
    // node may be keyed "united states", from "U.S.")
    const forms = b.forms.size > 1 ? [...b.forms.keys()].map((f) => tokensOf(f, b.type)) : [b.tokens];
    const seen = new Set<string>();
    for (const toks of forms) {
      const kb = typoKey(b.type, toks);
      if (seen.has(kb) || !usable(kb, toks)) continue;
      seen.add(kb);
      const cands = new Set<Node>();
      deletionHashes(kb, hashes);
      for (let j = -1; j < kb.length; j++) {
        const l = byVariant.get(hashes[j + 1]);
        if (!l) continue;
        for (let x = 0; x < l.length; x += 2) {
          const a = g.nodes[l[x]];
          if (a !== b && sameDeletion(keys[a.id], l[x + 1], kb, j)) cands.add(a);
        }
      }
      if (cands.size > MAX_VARIANT_CANDIDATES) continue;
      for (const a of cands) tryMerge(g, b, a, toks);
    }
  }
}

/** 6. Short names of organisations, places and products; plurals of products. */
function shortNames(g: EntityGraph): void {
  const byFirst = new Map<string, Node[]>();
  const byLast = new Map<string, Node[]>();
  for (const n of g.nodes) {
    if (n.type === 'PERSON' || n.tokens.length < 2) continue;
    const f = n.tokens.map(foldToken);
    for (let k = 1; k < f.length; k++) {
      const pre = `${n.type}|${f.slice(0, k).join(' ')}`;
      (byFirst.get(pre) ?? byFirst.set(pre, []).get(pre)!).push(n);
    }
    if (n.type === 'MISC') {
      const last = `MISC|${f[f.length - 1]}`;
      (byLast.get(last) ?? byLast.set(last, []).get(last)!).push(n);
    }
  }
  const size = g.groupSizes();
  for (const n of g.nodes) {
    if (n.type === 'PERSON') continue;
    const key = n.tokens.map(foldToken).join(' ');
    if (COUNTRY_KEYS.has(countryKey(key)) || (n.tokens.length === 1 && isAcronym(n.tokens[0]))) continue;
    if (n.tokens.length === 1 && namedElsewhere(g, n)) continue;
    const longer = [
      ...(byFirst.get(`${n.type}|${key}`) ?? []),
      ...(n.tokens.length === 1 ? (byLast.get(`${n.type}|${key}`) ?? []) : []),
    ];
    const roots = new Set(longer.map((c) => g.uf.find(c.id)));
    if (roots.size !== 1 || g.same(n, longer[0])) continue;
    // the short form is not the better attested name ("Corvane" is not short for a rarer "Corvane Records")
    if (size(n) > size(longer[0])) continue;
    if (
      g.sharedContext(n, longer[0]) >= 1 ||
      longer.some((l) => [...n.articles.keys()].some((a) => l.articles.has(a)))
    )
      g.union(longer[0], n);
  }
  // plurals of product names: "H90s", "Seaspans" → the singular, when it is the better attested
  for (const n of g.byKey.MISC.values()) {
    if (!/[\p{L}\p{N}]s$/u.test(n.key) || n.key.length < 4) continue;
    const one = g.byKey.MISC.get(n.key.slice(0, -1));
    if (one && size(one) >= size(n)) g.union(one, n);
  }
}

/** Full person names (not initials) by folded surname, and by the deletion variants of their surname. */
interface Surnames {
  exact: Map<string, Node[]>;
  translit: Map<string, Node[]>;
  /** surname without one letter → full names (one-edit and swapped-letter neighbours meet here). */
  deleted: Map<string, Node[]>;
}

function surnames(g: EntityGraph): Surnames {
  const out: Surnames = { exact: new Map(), translit: new Map(), deleted: new Map() };
  const put = (m: Map<string, Node[]>, k: string, n: Node) => {
    const l = m.get(k);
    if (!l) m.set(k, [n]);
    else if (l[l.length - 1] !== n) l.push(n);
  };
  for (const n of g.nodes) {
    if (n.type !== 'PERSON' || n.tokens.length < 2 || isInitial(n.tokens[0])) continue;
    const last = foldToken(n.tokens[n.tokens.length - 1]);
    put(out.exact, last, n);
    put(out.translit, translitKey(last), n);
    for (const d of deletionVariants(last)) put(out.deleted, d, n);
  }
  return out;
}

/** The word itself and the word without each one of its letters. */
function deletionVariants(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** 7. "T. Vell" with no full name in its article → the one full name with that surname and initial. */
function initialNames(g: EntityGraph, s: Surnames): void {
  for (const n of g.nodes) {
    if (!n.initialName) continue;
    const letter = foldToken(n.tokens[0])[0];
    const cands = (s.exact.get(foldToken(n.tokens[n.tokens.length - 1])) ?? []).filter(
      (c) => foldToken(c.tokens[0])[0] === letter,
    );
    const roots = new Set(cands.map((c) => g.uf.find(c.id)));
    if (roots.size === 1 && variantsMerge(g.evidence(cands[0], n, 'initial'))) g.union(cands[0], n);
  }
}

/** 8. Surname-only names with no full name in their article. */
function loneSurnames(g: EntityGraph, s: Surnames): void {
  const salience = g.groupSizes();
  for (const n of g.nodes) {
    if (!n.loneName) continue;
    let cands = s.exact.get(n.key);
    if (!cands?.length && n.key.length >= 4) {
      // another spelling of the surname: the full names that share context with it
      const variants = new Set(s.translit.get(translitKey(n.key)) ?? []);
      for (const d of deletionVariants(n.key))
        for (const c of s.deleted.get(d) ?? [])
          if (surnameVariant(n.key, c.tokens[c.tokens.length - 1])) variants.add(c);
      cands = [...variants].filter((c) => g.sharedContext(c, n) >= 1);
    }
    if (!cands?.length) {
      // no person of that name anywhere: an organisation or place of that name better attested ("Nordbane
      // said" tagged a person beside "Nordbane" the rail operator)
      const named = (['ORG', 'LOC'] as const)
        .map((t) => g.byKey[t].get(n.key))
        .filter((o): o is Node => o !== undefined && o.mentions.length > n.mentions.length);
      if (named.length === 1) g.union(named[0], n);
      continue;
    }
    const roots = [...new Set(cands.map((c) => g.uf.find(c.id)))];
    const best = roots.length === 1 ? cands[0] : cands.reduce((a, b) => (salience(b) > salience(a) ? b : a));
    g.union(best, n);
  }
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
