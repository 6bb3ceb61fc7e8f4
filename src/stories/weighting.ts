/**
 * Weighting and similarity primitives of story clustering: document frequencies and idf, the article's
 * idf-weighted vector, cosine of count vectors, time gaps between a day and a story's span, and pruning of
 * story vectors.
 */
import { DAY_MS, dayToMs } from '../util/day.js';
import type { ArticleFeatures } from './features.js';
import type { StoryParams } from './params.js';

/** Document frequencies over the whole store, for idf. */
export interface DocFreq {
  docs: number;
  df: Map<string, number>;
}

export function idf(df: DocFreq, term: string): number {
  return Math.log((df.docs + 1) / ((df.df.get(term) ?? 0) + 1)) + 1;
}

/** The article's idf-weighted vector, cut to its strongest terms and normalised. */
export function weightArticle(
  f: ArticleFeatures,
  df: DocFreq,
  params: StoryParams,
  termWeight: (t: string) => number = (t) => idf(df, t) ** params.idfPower,
): Map<string, number> {
  const v = [...f.terms].map(([t, w]) => [t, w * termWeight(t)] as [string, number]);
  v.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const kept = v.slice(0, params.articleTerms);
  const norm = Math.hypot(...kept.map(([, w]) => w)) || 1;
  return new Map(kept.map(([t, w]) => [t, w / norm]));
}

/** Date.parse of a day at midnight UTC, memoised: clustering compares the same few thousand days over and over
 * (a pure function of the string, so the memo cannot go stale; cleared past a bound). */
const dayMs = new Map<string, number>();
function parseDay(day: string): number {
  let t = dayMs.get(day);
  if (t === undefined) {
    if (dayMs.size >= 100_000) dayMs.clear();
    dayMs.set(day, (t = dayToMs(day)));
  }
  return t;
}

/** Whole days from `a` to `b` (util/day.ts daysBetween over the memoised parse). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDay(b) - parseDay(a)) / DAY_MS);
}

/** Days from `day` to the span [first, last]; 0 inside it or when a date is missing. */
export function gapDays(day: string | null, first: string | null, last: string | null): number {
  if (!day || !first || !last) return 0;
  if (day < first) return daysBetween(day, first);
  if (day > last) return daysBetween(last, day);
  return 0;
}

/** Days between two spans (0 when they overlap or a date is missing). */
export function spanGap(
  a: { first: string | null; last: string | null },
  b: { first: string | null; last: string | null },
): number {
  if (!a.first || !a.last || !b.first || !b.last) return 0;
  if (a.last < b.first) return daysBetween(a.last, b.first);
  if (b.last < a.first) return daysBetween(b.last, a.first);
  return 0;
}

/** Cosine of two count vectors (0 when either is empty). */
export function cosineCounts(a: Map<string, number>, b: Map<string, number>): number {
  if (!a.size || !b.size) return 0;
  let dot = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, v] of small) {
    const w = big.get(k);
    if (w) dot += v * w;
  }
  if (!dot) return 0;
  let na = 0;
  for (const v of a.values()) na += v * v;
  let nb = 0;
  for (const v of b.values()) nb += v * v;
  return dot / Math.sqrt(na * nb);
}

/** Keep the `keep` heaviest entries once a map grows past twice that. */
export function prune(m: Map<string, number>, keep: number) {
  if (m.size <= keep * 2) return;
  const sorted = [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  m.clear();
  for (const [k, v] of sorted.slice(0, keep)) m.set(k, v);
}

/** Update document frequencies with one article's features. */
export function addDocFreq(df: DocFreq, f: ArticleFeatures) {
  df.docs++;
  for (const t of f.terms.keys()) df.df.set(t, (df.df.get(t) ?? 0) + 1);
}
