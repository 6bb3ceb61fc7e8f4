/**
 * Entity resolution: merges NER mentions within and across articles into corpus-level entities and sets
 * `Mention.entityId`. Two layers:
 *  1. within an article (here): surname-only / first-name-only person mentions go to the most recent (else
 *     most frequent) full name in that article that ends (begins) with them, also when the surname is
 *     mistyped or spelt another way (aliases.ts); "T. Vell" goes to the full name with that initial; role
 *     mentions ("the Corvane CEO") go to the person introduced with that role (roles.ts); acronyms go to a
 *     name in the same article whose initials they are ("European Union ... (EU)"); a one-word org and the
 *     longer org name it begins in the same article are one entity ("Orra" / "Orra Motor").
 *  2. across articles (cross.ts, over the name graph of graph.ts): identical keys (case, diacritics, titles
 *     and possessives folded), acronyms, country prefixes, type slips, spelling variants decided by the
 *     alias rules (aliases.ts: transliteration, typos, initials, with their evidence thresholds), short
 *     names, and lone surnames.
 * Global hyper-parameters are named constants in aliases.ts (re-exported here).
 */
import type { Article, Entity, EntityType, Mention } from '../../model.js';
import { isInitial, surnameVariant, translitKey } from './aliases.js';
import { mergeAcrossArticles } from './cross.js';
import { EntityGraph, groupBy, type Node, type UnionFind } from './graph.js';
import { coreTokens, countryKey, foldToken, initials, isAcronym, NOT_A_NAME } from './names.js';
import { roleMentionTarget } from './roles.js';

export {
  DISTINCT_MIN_MENTIONS,
  FUZZY_MIN_SHARED_CONTEXT,
  MISSPELLING_MAX_RARE,
  MISSPELLING_MAX_SHARE,
  MISSPELLING_MIN_LEN,
  TYPE_MINORITY_SHARE,
} from './aliases.js';
export { deletionHash, deletionHashes, sameDeletion } from './cross.js';

// Regular expressions used inside functions are compiled once, here.
const MARKS_RE = /\p{M}+/gu;

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

// Mention texts repeat across a corpus (a leader's surname thousands of times): their derived forms are computed once.
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

/** A full person name of an article, for the lookups of lone and initial names. */
interface FullPerson {
  node: Node;
  pos: number;
  first: string;
  last: string;
}

export function resolveEntities(articles: Article[]): Entity[] {
  const g = new EntityGraph();
  for (const article of articles) addArticle(g, article);
  mergeAcrossArticles(g, personKey, cachedCoreTokens);
  return buildEntities(g.nodes, g.uf);
}

const skipped = (t: string[]) => !t.length || (t.length === 1 && NOT_A_NAME.has(foldToken(t[0])));

/** One article's mentions into the graph, with the within-article rules (see the header). */
function addArticle(g: EntityGraph, article: Article): void {
  const ms = [...article.mentions].sort((a, b) => a.start - b.start);
  const cores = ms.map((m) => cachedCoreTokens(m.text, m.type));
  // Full names (≥2 tokens) and multi-word org/loc names of this article, in order, for local lookups.
  const fullPersons: FullPerson[] = [];
  const multiNames: { node: Node; inits: string; first: string; last: string; type: EntityType }[] = [];
  const personCount = new Map<Node, number>();
  for (let i = 0; i < ms.length; i++) {
    const t = cores[i];
    if (skipped(t) || t.length < 2) continue;
    const n = g.nodeFor(ms[i].type, cachedKeyOf(t, ms[i].type), t);
    const first = foldToken(t[0]);
    const last = foldToken(t[t.length - 1]);
    if (ms[i].type === 'PERSON') {
      if (isInitial(t[0])) continue;
      fullPersons.push({ node: n, pos: ms[i].start, first, last });
      personCount.set(n, (personCount.get(n) ?? 0) + 1);
    } else multiNames.push({ node: n, inits: initials(t), first, last, type: ms[i].type });
  }
  // The same lists indexed by the word looked up (each keeps the article order).
  const personsByLast = groupBy(fullPersons, (p) => p.last);
  const personsByFirst = groupBy(fullPersons, (p) => p.first);
  const multiByInits = groupBy(multiNames, (x) => x.inits);
  const multiByFirst = groupBy(multiNames, (x) => `${x.type}|${x.first}`);
  const multiByLast = groupBy(multiNames, (x) => `${x.type}|${x.last}`);
  const lookups = new PersonLookups(fullPersons, personsByLast, personsByFirst);
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    const t = cores[i];
    if (skipped(t)) continue;
    let node: Node | undefined;
    if (m.type === 'PERSON' && t.length >= 2 && isInitial(t[0])) {
      // "T. Vell": the full name of this article with that surname and initial
      const letter = foldToken(t[0])[0];
      const last = foldToken(t[t.length - 1]);
      node = pickPerson(lookups.byLastAndInitial(last, letter), personCount, m.start, true);
      if (!node) {
        node = g.nodeFor('PERSON', cachedKeyOf(t, 'PERSON'), t);
        node.initialName = true;
      }
    } else if (t.length >= 2) node = g.nodeFor(m.type, cachedKeyOf(t, m.type), t);
    else if (m.type === 'PERSON') node = lonePerson(g, t, m, lookups, personCount);
    else {
      const w = foldToken(t[0]);
      const surface = t[0];
      if (isAcronym(surface) && w.length >= 2) {
        const exp = multiByInits.get(w)?.[0];
        if (exp) {
          const counts = g.acronymExpansions.get(w) ?? new Map<number, number>();
          counts.set(exp.node.id, (counts.get(exp.node.id) ?? 0) + 1);
          g.acronymExpansions.set(w, counts);
          node = exp.node;
        }
      }
      node ??= g.nodeFor(m.type, countryKey(w), t);
      if (!isAcronym(surface) && w.length >= 3) {
        // "Orra" and "Orra Motor", "Tarn" and "Orra Tarn" in one article: the short name stands for
        // the one longer name of the same type that begins (ORG, LOC) or ends (MISC: models) with it
        const longer = (m.type === 'MISC' ? multiByLast : multiByFirst).get(`${m.type}|${w}`) ?? [];
        if (longer.length && distinctNodes(longer) === 1) {
          let l = g.shortLinks.get(node);
          if (!l) g.shortLinks.set(node, (l = new Map()));
          const arts = l.get(longer[0].node);
          if (arts) arts.add(article.id);
          else l.set(longer[0].node, new Set([article.id]));
        }
      }
    }
    g.attach(node, m, displayForm(m), article.id);
  }
  // role mentions ("Corvane CEO", "the Prime Minister") → the person introduced with that role
  for (let i = 0; i < ms.length; i++) {
    if (ms[i].type !== 'PERSON') continue;
    const target = roleMentionTarget(article.text, ms, i, cores);
    if (!target) continue;
    const a = g.byKey.PERSON.get(cachedKeyOf(cores[i], 'PERSON'));
    const b = g.byKey.PERSON.get(cachedKeyOf(cores[target], 'PERSON'));
    if (a && b && a !== b) g.union(b, a);
  }
}

/** A one-word person name: the article's full name it is the surname (or first name) of, else its own node. */
function lonePerson(
  g: EntityGraph,
  t: string[],
  m: Mention,
  lookups: PersonLookups,
  personCount: Map<Node, number>,
): Node {
  const w = foldToken(t[0]);
  let node =
    pickPerson(lookups.personsByLast.get(w) ?? [], personCount, m.start) ??
    pickPerson(lookups.personsByFirst.get(w) ?? [], personCount, m.start, true);
  // a mistyped or otherwise spelt surname (else first name) of the article's one such person ("Solvnag")
  if (!node && w.length >= 4) node = lookups.onlyVariant(w, 'last') ?? lookups.onlyVariant(w, 'first');
  if (!node) {
    node = g.nodeFor('PERSON', w, t);
    node.loneName = true;
  }
  return node;
}

/** A name with more candidate spellings than this among an article's names is matched to none of them. */
const MAX_NAME_VARIANTS = 64;

/**
 * The look-ups of an article's full person names that lone and initial names need, indexed once per
 * article instead of filtering every full name for each lone name (quadratic when an article repeats
 * thousands of names). Misspelt names are found through keys that every accepted pair shares
 * (surnameVariant: the same folded word, the same translitKey, or one edit or swap, so a common
 * one-character deletion) and then checked with surnameVariant itself. A look-up with `unique` gives
 * the one person the matches name, whatever the mention's position, so its answer is cached per word.
 */
class PersonLookups {
  private byInitial: Map<string, FullPerson[]> | null = null;
  private readonly variantIndex = {
    last: null as Map<string, Set<string>> | null,
    first: null as Map<string, Set<string>> | null,
  };
  private readonly variantAnswers = {
    last: new Map<string, Node | undefined>(),
    first: new Map<string, Node | undefined>(),
  };

  constructor(
    private readonly fullPersons: FullPerson[],
    readonly personsByLast: Map<string, FullPerson[]>,
    readonly personsByFirst: Map<string, FullPerson[]>,
  ) {}

  /** The article's full names with this surname and first initial, in article order. */
  byLastAndInitial(last: string, letter: string | undefined): FullPerson[] {
    this.byInitial ??= groupBy(this.fullPersons, (p) => `${p.last}\u0000${p.first[0]}`);
    return this.byInitial.get(`${last}\u0000${letter}`) ?? [];
  }

  /**
   * pickPerson(fullPersons.filter((p) => surnameVariant(w, p.last, true)), ..., true) (or of p.first,
   * not loose): the one person whose surname (first name) is a spelling of w, or undefined.
   */
  onlyVariant(w: string, part: 'last' | 'first'): Node | undefined {
    const answers = this.variantAnswers[part];
    if (answers.has(w)) return answers.get(w);
    const index = (this.variantIndex[part] ??= this.indexNames(part));
    const byName = part === 'last' ? this.personsByLast : this.personsByFirst;
    const names = new Set<string>();
    collect: for (const key of variantKeys(foldToken(w), false))
      for (const name of index.get(key) ?? []) {
        names.add(name);
        // more candidate spellings than a real article has: no variant is looked for (hostile text only)
        if (names.size > MAX_NAME_VARIANTS) {
          names.clear();
          break collect;
        }
      }
    let answer: Node | undefined;
    for (const name of names) {
      if (!surnameVariant(w, name, part === 'last')) continue;
      const list = byName.get(name)!;
      if (distinctNodes(list) > 1 || (answer && answer !== list[0].node)) {
        answer = undefined;
        break;
      }
      answer = list[0].node;
    }
    answers.set(w, answer);
    return answer;
  }

  private indexNames(part: 'last' | 'first'): Map<string, Set<string>> {
    const index = new Map<string, Set<string>>();
    for (const name of (part === 'last' ? this.personsByLast : this.personsByFirst).keys())
      for (const key of variantKeys(foldToken(name), true)) {
        let set = index.get(key);
        if (!set) index.set(key, (set = new Set()));
        set.add(name);
      }
    return index;
  }
}

/**
 * Keys shared by two folded words that are equal, have the same translitKey (both of 4+ letters), or
 * are one edit or one swap apart (one deletion from each, or from one of them, gives the same string).
 * An indexed word gets its own keys, a looked-up word the keys that meet them.
 */
function variantKeys(f: string, indexed: boolean): string[] {
  const keys = [`w:${f}`];
  if (f.length >= 4) keys.push(`t:${translitKey(f)}`);
  if (!indexed) keys.push(`d:${f}`); // an indexed word one letter longer
  for (let i = 0; i < f.length; i++) {
    const d = f.slice(0, i) + f.slice(i + 1);
    keys.push(`d:${d}`); // a substitution or a swap (indexed: this word's deletions)
    if (!indexed) keys.push(`w:${d}`); // an indexed word one letter shorter
  }
  return keys;
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
      for (const a of n.articles.keys()) articleIds.add(a);
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
