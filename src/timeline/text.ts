/**
 * Word-level helpers for the timeline method: content terms of a sentence (for centrality, redundancy
 * and query matching), TF-IDF vectors and cosine similarity. Independent of the eval code.
 */
import { porterStem } from '../eval/porter.js';
import { SMART_STOPWORDS } from '../eval/stopwords.js';

const stemCache = new Map<string, string>();

function stem(w: string): string {
  let s = stemCache.get(w);
  if (s === undefined) {
    s = w.length > 3 ? porterStem(w) : w;
    if (stemCache.size < 300_000) stemCache.set(w, s);
  }
  return s;
}

/** Lower-cased, stemmed content words: letters/digits only, no stopwords, no PTB brackets (-lrb-). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/-[lr][rsc]b-/g, ' ');
  for (const w of lower.split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 2 || SMART_STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Number of words (whitespace tokens with a letter or digit). */
export function wordCount(text: string): number {
  let n = 0;
  for (const t of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(t)) n++;
  return n;
}

export type Vector = Map<string, number>;

export function termCounts(terms: readonly string[]): Vector {
  const v: Vector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

export function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

export function cosine(a: Vector, b: Vector, na = norm(a), nb = norm(b)): number {
  if (!na || !nb) return 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = big.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot / (na * nb);
}

/**
 * Query terms: split on spaces/commas and CamelCase ("SyrianCrisis" → syrian, crisis), lower-cased.
 * A query term matches a word that starts with it (so "finan" matches "financial"), terms of at least
 * 3 characters only.
 */
export function queryTerms(query: string | string[] | undefined): string[] {
  if (!query) return [];
  const parts = (Array.isArray(query) ? query : [query]).flatMap((q) => q.split(/[\s,;]+/));
  const out = new Set<string>();
  for (const p of parts)
    for (const w of p
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u))
      if (w.length >= 3 && !SMART_STOPWORDS.has(w)) out.add(w);
  return [...out];
}

/** Does the (lower-cased) text contain a word starting with the term? */
export function mentionsTerm(lowerText: string, term: string): boolean {
  let i = lowerText.indexOf(term);
  while (i >= 0) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(lowerText[i - 1]!)) return true;
    i = lowerText.indexOf(term, i + 1);
  }
  return false;
}
