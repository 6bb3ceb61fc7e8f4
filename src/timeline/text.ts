/**
 * Word-level helpers for the timeline method: content terms of a sentence (for centrality, redundancy
 * and query matching), TF-IDF vectors and cosine similarity. Independent of the eval code.
 */
import { porterStem } from '../text/porter.js';
import { SMART_STOPWORDS } from '../text/stopwords.js';
import { isSpaceCode } from '../util/chars.js';

const stemCache = new Map<string, string>();

function stem(w: string): string {
  let s = stemCache.get(w);
  if (s === undefined) {
    s = w.length > 3 ? porterStem(w) : w;
    if (stemCache.size < 300_000) stemCache.set(w, s);
  }
  return s;
}

// Letter-or-digit (\p{L}\p{N}) by UTF-16 code unit for ASCII; other code points are tested once and remembered.
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = ASCII_WORD[c + 32] = 1;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wideWord = new Map<number, boolean>();

/** Whether the code point starting at `i` is a letter or digit; its length in code units is returned in `len`. */
function wordCharAt(text: string, i: number, len: { n: number }): boolean {
  const c = text.charCodeAt(i);
  len.n = 1;
  if (c < 128) return ASCII_WORD[c] === 1;
  const cp = text.codePointAt(i)!;
  if (cp > 0xffff) len.n = 2;
  let w = wideWord.get(cp);
  if (w === undefined) {
    w = WORD_CHAR.test(String.fromCodePoint(cp));
    if (wideWord.size < 100_000) wideWord.set(cp, w);
  }
  return w;
}

const step = { n: 1 };

/**
 * Lower-cased, stemmed content words: letters/digits only, no stopwords, no PTB brackets (-lrb-). The words are
 * the maximal runs of letters and digits (what splitting on /[^\p{L}\p{N}]+/u leaves), found by one scan.
 */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  let lower = text.toLowerCase();
  if (lower.includes('b-')) lower = lower.replace(/-[lr][rsc]b-/g, ' ');
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c0 = lower.charCodeAt(i);
    if (c0 < 128 ? ASCII_WORD[c0] === 0 : !wordCharAt(lower, i, step)) {
      i += c0 < 128 ? 1 : step.n;
      continue;
    }
    const start = i;
    let digits = true;
    for (;;) {
      const c = lower.charCodeAt(i);
      if (c < 128) {
        if (ASCII_WORD[c] === 0) break;
        if (c > 57) digits = false;
        i++;
      } else {
        if (!wordCharAt(lower, i, step)) break;
        digits = false;
        i += step.n;
      }
      if (i >= n) break;
    }
    // Two code units at least (as `w.length < 2` counted them), not a stopword, not all ASCII digits.
    if (i - start < 2 || digits) continue;
    const w = lower.slice(start, i);
    if (!SMART_STOPWORDS.has(w)) out.push(stem(w));
  }
  return out;
}

/** Number of words (whitespace tokens with a letter or digit), by one scan. */
export function wordCount(text: string): number {
  let n = 0;
  let inToken = false;
  let counted = false;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : isSpaceCode(c)) {
      inToken = false;
      i++;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
    }
    if (!counted && (c < 128 ? ASCII_WORD[c] === 1 : wordCharAt(text, i, step))) {
      counted = true;
      n++;
    }
    i += c >= 0xd800 && c <= 0xdbff && text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return n;
}

/** Term ids: every distinct stemmed term gets a small integer (shared by all timelines in the process). */
const termIds = new Map<string, number>();

export function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(term, id);
  }
  return id;
}

export function vocabularySize(): number {
  return termIds.size;
}

/** A sparse vector: sorted term ids and their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

/** Term ids (sorted, unique) and counts of a term list. */
export function termBag(terms: readonly string[]): { ids: Int32Array; counts: Float64Array } {
  // Sorted term ids, then runs of equal ids counted (no per-sentence Map).
  const all = new Int32Array(terms.length);
  for (let i = 0; i < terms.length; i++) all[i] = termId(terms[i]!);
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const counts = new Float64Array(distinct);
  let j = -1;
  for (let i = 0; i < all.length; i++) {
    if (i === 0 || all[i] !== all[i - 1]) ids[++j] = all[i]!;
    counts[j]!++;
  }
  return { ids, counts };
}

export function sparse(ids: Int32Array, weights: Float64Array): SparseVector {
  let s = 0;
  for (const w of weights) s += w * w;
  return { ids, weights, norm: Math.sqrt(s) };
}

/** Cosine of two sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  if (!a.norm || !b.norm) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      dot += a.weights[i]! * b.weights[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

let dotScratch = new Float64Array(0);

/**
 * `cosine(vs[k], p)` for every k, into `out[k]`: `p` is scattered once into a dense scratch array, then each
 * vector's dot product is one lookup per term. The products are the same and are added in the same order as
 * `cosine` adds them (ascending term id; a term `p` lacks adds +0, which changes no sum), so the values are
 * identical; the cost per vector is its own length instead of a merge of both.
 */
export function cosinesWith(p: SparseVector, vs: readonly SparseVector[], out: Float64Array): void {
  const n = p.ids.length;
  if (!p.norm || !n) {
    out.fill(0, 0, vs.length);
    return;
  }
  const max = p.ids[n - 1]!;
  if (dotScratch.length <= max) dotScratch = new Float64Array(Math.max(max + 1, dotScratch.length * 2));
  const d = dotScratch;
  for (let i = 0; i < n; i++) d[p.ids[i]!] = p.weights[i]!;
  for (let k = 0; k < vs.length; k++) {
    const a = vs[k]!;
    if (!a.norm) {
      out[k] = 0;
      continue;
    }
    let dot = 0;
    const ids = a.ids;
    const w = a.weights;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id > max) break;
      dot += w[i]! * d[id]!;
    }
    out[k] = dot / (a.norm * p.norm);
  }
  for (let i = 0; i < n; i++) d[p.ids[i]!] = 0;
}

/** A dense vector over the vocabulary (centroids). */
export interface DenseVector {
  values: Float64Array;
  norm: number;
}

/** Sum of the unit-normalised vectors, each times its weight. */
export function centroidOf(
  items: Iterable<{ vector: SparseVector; weight: number }>,
  size = vocabularySize(),
): DenseVector {
  const values = new Float64Array(size);
  for (const { vector, weight } of items) {
    if (!vector.norm) continue;
    const f = weight / vector.norm;
    for (let i = 0; i < vector.ids.length; i++) values[vector.ids[i]!]! += vector.weights[i]! * f;
  }
  let s = 0;
  for (const x of values) s += x * x;
  return { values, norm: Math.sqrt(s) };
}

/** Like centroidOf, but sparse (for small sets: a day's candidates). */
let scratch = new Float64Array(0);
let seen = new Uint8Array(0);

export function sparseCentroidOf(items: Iterable<{ vector: SparseVector; weight: number }>): SparseVector {
  // Sums in a dense scratch array (same additions, in the same order, as a map per term id).
  const size = vocabularySize();
  if (scratch.length < size) {
    scratch = new Float64Array(Math.max(size, scratch.length * 2));
    seen = new Uint8Array(scratch.length);
  }
  const touched: number[] = [];
  for (const { vector, weight } of items) {
    if (!vector.norm) continue;
    const f = weight / vector.norm;
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i]!;
      if (!seen[id]) {
        seen[id] = 1;
        touched.push(id);
      }
      scratch[id]! += vector.weights[i]! * f;
    }
  }
  const ids = Int32Array.from(touched).sort();
  const weights = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    weights[i] = scratch[id]!;
    scratch[id] = 0;
    seen[id] = 0;
  }
  return sparse(ids, weights);
}

/** Cosine of a sparse vector and a dense one. */
export function cosineDense(a: SparseVector, c: DenseVector): number {
  if (!a.norm || !c.norm) return 0;
  let dot = 0;
  for (let i = 0; i < a.ids.length; i++) {
    const id = a.ids[i]!;
    if (id < c.values.length) dot += a.weights[i]! * c.values[id]!;
  }
  return dot / (a.norm * c.norm);
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
