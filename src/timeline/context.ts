/**
 * What every part of a timeline strategy reads: the analysed articles restricted to the options (date
 * range, query), one unit per sentence with the days it names, and per-sentence word statistics (cached
 * on the analysis so several timelines over one analysis share them).
 */
import type { Analysis, Article, IsoDay, Sentence, TimelineOptions } from '../model.js';
import type { TimelineParams } from './params.js';
import {
  contentTerms,
  mentionsTerm,
  queryTerms,
  sparse,
  termBag,
  vocabularySize,
  wordCount,
  type DenseVector,
  type SparseVector,
} from './text.js';

export interface SentenceUnit {
  article: Article;
  sentence: Sentence;
  /** One fact: near-duplicate sentences share the key. */
  key: string;
  /** Distinct calendar days this sentence names through day-level time expressions. */
  days: IsoDay[];
  /** Query weight of its article (1, or params.offQueryWeight). */
  weight: number;
  /** Position in the context's `units`. */
  index: number;
}

export interface TimelineContext {
  analysis: Analysis;
  options: TimelineOptions;
  params: Readonly<TimelineParams>;
  /** Articles that count (not near-copies of another article), with their query weight. */
  articles: Article[];
  articleWeight: Map<string, number>;
  units: SentenceUnit[];
  /** The units of each article that counts, in sentence order. */
  articleUnits: Map<Article, SentenceUnit[]>;
  /** Units naming each day (any day, also outside the range: the collector filters). */
  byDay: Map<IsoDay, SentenceUnit[]>;
  /** Articles published each day. */
  byPublication: Map<IsoDay, Article[]>;
  /** All articles carrying each fact (near-duplicate sentences, copies of articles). */
  /**
   * The articles carrying a fact, for facts that more than one article may carry (near-duplicate sentences,
   * copies of articles). A unit's fact missing here is carried by the unit's own article alone.
   */
  carriers: Map<string, Article[]>;
  inRange(day: IsoDay): boolean;
  /** Content-term vector (TF-IDF, document frequencies over the context's sentences) of a unit. */
  vector(u: SentenceUnit): SparseVector;
  /** Normalised TF-IDF centroid of all sentences in the context (what the whole story is about). */
  topicCentroid(): DenseVector;
  /** Number of words. */
  words(u: SentenceUnit): number;
  /** Active query terms (the ones the material actually contains). */
  query: string[];
  /**
   * Memo of what later stages derive from the context (day features, candidates): keys name the parameters
   * they depend on, so a shallow copy of the context with other later parameters shares it.
   */
  cache: Map<string, unknown>;
}

const DAY = /^(\d{4}-\d{2}-\d{2})(?:T.*)?$/;

interface SentenceStats {
  ids: Int32Array;
  counts: Float64Array;
  words: number;
}

/** Per-analysis caches: sentence statistics and document frequencies. */
const statsCache = new WeakMap<Sentence, SentenceStats>();
/** Statistics seeded on a stored sentence by `primeSentenceStats` (a property: tens of thousands of WeakMap
 * entries cost more to insert than the sentences cost to read). */
const PRIMED = Symbol('primed sentence statistics');
type Primed = Sentence & { [PRIMED]?: SentenceStats };

function stats(s: Sentence): SentenceStats {
  let st = (s as Primed)[PRIMED] ?? statsCache.get(s);
  if (!st) {
    st = { ...termBag(contentTerms(s.text)), words: wordCount(s.text) };
    statsCache.set(s, st);
  }
  return st;
}

/** Version of stored sentence statistics: bump when content terms or word counts change (old ones are ignored). */
export const SENTENCE_TERMS_VERSION = 1;

/** What the builder computes from a sentence's text: its content terms (stemmed, in order) and word count. */
export function sentenceTerms(text: string): { terms: string[]; words: number } {
  return { terms: contentTerms(text), words: wordCount(text) };
}

/**
 * Seed the builder's statistics of a sentence read back from storage (kept if already known): `ids` are term ids
 * (`termId`) sorted ascending and unique, `counts` their counts in the sentence — what `termBag` gives for its
 * content terms.
 */
export function primeSentenceStats(s: Sentence, ids: Int32Array, counts: Float64Array, words: number): void {
  const p = s as Primed;
  if (!p[PRIMED] && !statsCache.has(s)) p[PRIMED] = { ids, counts, words };
}

/** Days named by a sentence's resolved day-level time expressions. */
export function namedDays(s: Sentence): IsoDay[] {
  if (!s.timexes.length) return NO_DAYS;
  let days = daysCache.get(s.timexes);
  if (!days) daysCache.set(s.timexes, (days = computeNamedDays(s)));
  return days;
}

/** Shared by every sentence without time expressions (read only). */
const NO_DAYS: IsoDay[] = Object.freeze([]) as unknown as IsoDay[];
/** Named days per time-expression list (a sentence given new time expressions gets a new entry). */
const daysCache = new WeakMap<readonly unknown[], IsoDay[]>();

function computeNamedDays(s: Sentence): IsoDay[] {
  const out = new Set<IsoDay>();
  for (const t of s.timexes) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const m = DAY.exec(t.value);
    if (m) out.add(m[1]!);
  }
  return [...out];
}

export function buildContext(
  analysis: Analysis,
  options: TimelineOptions,
  params: Readonly<TimelineParams>,
): TimelineContext {
  const from = options.from ?? '0000-00-00';
  const to = options.to ?? '9999-99-99';
  const inRange = (d: IsoDay) => d >= from && d <= to;

  const articles = analysis.articles.filter((a) => !a.duplicateOf);
  const byId = new Map(analysis.articles.map((a) => [a.id, a]));

  // Query: terms no article contains are ignored (a label such as a dataset's topic name would otherwise
  // make every article off-query).
  const lowerText = new Map<string, string>();
  const lower = (a: Article) => {
    let t = lowerText.get(a.id);
    if (t === undefined) {
      t = `${a.title ?? ''}\n${a.text}`.toLowerCase();
      lowerText.set(a.id, t);
    }
    return t;
  };
  const query = queryTerms(options.query).filter((term) =>
    articles.some((a) => mentionsTerm(lower(a), term)),
  );
  const articleWeight = new Map<string, number>();
  for (const a of articles)
    articleWeight.set(
      a.id,
      !query.length || query.some((t) => mentionsTerm(lower(a), t)) ? 1 : params.offQueryWeight,
    );

  const units: SentenceUnit[] = [];
  const articleUnits = new Map<Article, SentenceUnit[]>();
  const byDay = new Map<IsoDay, SentenceUnit[]>();
  const byPublication = new Map<IsoDay, Article[]>();
  const carriers = new Map<string, Article[]>();
  // Articles are visited one after another, so an article already in a key's list is its last element.
  const addCarrier = (key: string, a: Article) => {
    const list = carriers.get(key);
    if (!list) carriers.set(key, [a]);
    else if (list[list.length - 1] !== a) list.push(a);
  };
  // Fact keys per sentence, computed once (an article that is not a copy uses the same keys for its units).
  // A sentence's own key (article id and sentence index) is shared only by copies of its article, or by an
  // article of the same id: the keys of other articles have one carrier each and stay out of `carriers`.
  const shared = new Set<string>();
  const ids = new Set<string>();
  for (const a of analysis.articles) {
    if (ids.has(a.id)) shared.add(a.id);
    ids.add(a.id);
    const copyOf = a.duplicateOf ? byId.get(a.duplicateOf) : undefined;
    if (copyOf) shared.add(copyOf.id);
  }
  const keysOf: string[][] = [];
  for (const a of analysis.articles) {
    const copyOf = a.duplicateOf ? byId.get(a.duplicateOf) : undefined;
    const owner = copyOf ? copyOf.id : a.id;
    const ownerShared = shared.has(owner);
    const keys: string[] = [];
    for (const s of a.sentences) {
      if (s.dupGroup !== undefined) {
        const key = `g${s.dupGroup}`;
        keys.push(key);
        addCarrier(key, a);
      } else {
        const key = `${owner}#${s.index}`;
        keys.push(key);
        if (ownerShared) addCarrier(key, a);
      }
    }
    keysOf.push(keys);
  }
  for (let ai = 0; ai < analysis.articles.length; ai++) {
    const a = analysis.articles[ai]!;
    if (a.duplicateOf) continue;
    const keys = keysOf[ai]!;
    if (a.publishedAt) {
      const list = byPublication.get(a.publishedAt);
      if (list) list.push(a);
      else byPublication.set(a.publishedAt, [a]);
    }
    const weight = articleWeight.get(a.id)!;
    const own: SentenceUnit[] = new Array(a.sentences.length);
    articleUnits.set(a, own);
    for (let si = 0; si < a.sentences.length; si++) {
      const s = a.sentences[si]!;
      const u: SentenceUnit = {
        article: a,
        sentence: s,
        key: keys[si]!,
        days: namedDays(s),
        weight,
        index: units.length,
      };
      units.push(u);
      own[si] = u;
      for (const d of u.days) {
        const list = byDay.get(d);
        if (list) list.push(u);
        else byDay.set(d, [u]);
      }
    }
  }

  // Document frequencies over the sentences in the context (one pass over cached term ids).
  const allStats = units.map((u) => stats(u.sentence));
  const df = new Float64Array(vocabularySize());
  const nDocs = units.length;
  for (const st of allStats) for (const id of st.ids) df[id]!++;
  const idfValues = Float64Array.from(df, (d) => Math.log((nDocs + 1) / (d + 1)) + 1);
  const idf = (id: number) => (id < idfValues.length ? idfValues[id]! : Math.log(nDocs + 1) + 1);
  const vectors: (SparseVector | undefined)[] = new Array(units.length);
  // The vectors' weights are views into one array (creating a typed array per vector costs far more).
  let weightsArena = new Float64Array(0);
  let arenaUsed = 0;
  const vector = (u: SentenceUnit): SparseVector => {
    let v = vectors[u.index];
    if (!v) {
      const st = allStats[u.index]!;
      const n = st.ids.length;
      if (arenaUsed + n > weightsArena.length) {
        weightsArena = new Float64Array(Math.max(n, 4096, weightsArena.length * 2));
        arenaUsed = 0;
      }
      const weights = weightsArena.subarray(arenaUsed, arenaUsed + n);
      arenaUsed += n;
      for (let i = 0; i < n; i++) weights[i] = st.counts[i]! * idf(st.ids[i]!);
      v = sparse(st.ids, weights);
      vectors[u.index] = v;
    }
    return v;
  };
  let centroid: DenseVector | undefined;
  // The story centroid straight from the cached term counts (no per-sentence vectors allocated).
  const topicCentroid = (): DenseVector => {
    if (centroid) return centroid;
    const values = new Float64Array(df.length);
    for (let k = 0; k < units.length; k++) {
      const st = allStats[k]!;
      let n = 0;
      for (let i = 0; i < st.ids.length; i++) n += (st.counts[i]! * idf(st.ids[i]!)) ** 2;
      if (!n) continue;
      const f = units[k]!.weight / Math.sqrt(n);
      for (let i = 0; i < st.ids.length; i++) values[st.ids[i]!]! += st.counts[i]! * idf(st.ids[i]!) * f;
    }
    let n = 0;
    for (const x of values) n += x * x;
    return (centroid = { values, norm: Math.sqrt(n) });
  };

  return {
    analysis,
    options,
    params,
    topicCentroid,
    articles,
    articleWeight,
    units,
    articleUnits,
    byDay,
    byPublication,
    carriers,
    inRange,
    vector,
    words: (u) => allStats[u.index]!.words,
    query,
    cache: new Map(),
  };
}
