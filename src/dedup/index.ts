/**
 * Near-duplicate detection, at two levels:
 *
 * - Sentences: every sentence gets `dupGroup`; sentences with the same group are one fact however many
 *   outlets carry it. Exact repeats (after normalisation: case, punctuation, PTB bracket tokens, spacing)
 *   share a group; near copies are found with word-bigram shingles, MinHash (36 hashes) and LSH (12 bands of
 *   3 rows: a pair at Jaccard 0.6 becomes a candidate with probability 0.95, at 0.3 with 0.28), then confirmed
 *   with the exact Jaccard similarity of the shingle sets (>= sentenceJaccard = 0.6: one word changed in a
 *   ten-word sentence still matches, (n-3)/(n+1)).
 *   Group ids are numbered in corpus order of first occurrence.
 * - Articles: an article whose set of sentence groups overlaps an earlier article's with Jaccard >=
 *   articleJaccard (or whose normalised text hash is identical) is a syndicated / lightly edited copy;
 *   `duplicateOf` is the id of the earliest copy (earliest publication day, then input order).
 * The thresholds are global hyper-parameters (DedupParams, DEDUP_PARAMS), passed in.
 */
import type { Article } from '../model.js';
import { MinHasher, UnionFind, bandHash, fnv1a, jaccardRuns } from './minhash.js';

/** The near-duplicate detector's hyper-parameters (global, never per corpus). */
export interface DedupParams {
  /** Word-bigram Jaccard at or above which two sentences are one fact. */
  sentenceJaccard: number;
  /** Sentences shorter than this (in words) are only grouped when exactly equal. */
  minNearWords: number;
  /** Sentence-group Jaccard at or above which two articles are copies of one another. */
  articleJaccard: number;
  /** Articles need this many distinct sentence groups to be compared (a headline alone is not a copy). */
  minArticleGroups: number;
}

/**
 * Global defaults. A sentence Jaccard of 0.6 still matches a ten-word sentence with one word changed
 * ((n-3)/(n+1) = 0.64); the LSH banding (module comment) is sized for it.
 */
export const DEDUP_PARAMS: Readonly<DedupParams> = Object.freeze({
  sentenceJaccard: 0.6,
  minNearWords: 5,
  articleJaccard: 0.6,
  minArticleGroups: 3,
});

const NUM_HASHES = 36;
const BANDS = 12;
const ROWS = 3;
/** LSH buckets larger than this are boilerplate; only their first members are compared. */
const MAX_BUCKET = 64;

const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;

/** The normalised text of a sentence: lower case, words separated by single spaces, punctuation and PTB
 * bracket tokens dropped. Equal keys = exact repeats. */
export function normalizeKey(text: string): string {
  return text
    .replace(/-[LR][RCS]B-/g, ' ')
    .toLowerCase()
    .replace(NON_WORD_RE, ' ')
    .trim();
}

/** Normalised word list of a sentence. */
export function normalizeWords(text: string): string[] {
  const key = normalizeKey(text);
  return key ? key.split(' ') : [];
}

/** Sorted, unique 32-bit hashes of the word bigrams (unigrams for one-word sentences). */
export function shingleHashes(words: string[]): Uint32Array {
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = fnv1a(words[i]);
  return shinglesOfWordHashes(wordHashes, words.length);
}

/** `shingleHashes` from the words' FNV-1a hashes (the first `n` values of `wordHashes`). */
function shinglesOfWordHashes(wordHashes: Uint32Array, n: number): Uint32Array {
  const out = new Uint32Array(Math.max(1, n - 1));
  return out.subarray(0, writeShingles(wordHashes, n, out, 0));
}

/**
 * Writes the sorted, unique shingle hashes of the first `n` word hashes into `out` from `at` (room for
 * max(1, n - 1) values) and returns how many there are.
 */
function writeShingles(wordHashes: Uint32Array, n: number, out: Uint32Array, at: number): number {
  return sortUniqueRun(out, at, writeRawShingles(wordHashes, n, out, at));
}

/**
 * Writes the shingle hashes of the first `n` word hashes into `out` from `at` in sentence order, repeats
 * included (room for max(1, n - 1) values), and returns how many were written.
 */
function writeRawShingles(wordHashes: Uint32Array, n: number, out: Uint32Array, at: number): number {
  if (n === 0) return 0;
  if (n === 1) {
    out[at] = wordHashes[0];
    return 1;
  }
  let prev = wordHashes[0];
  for (let i = 1; i < n; i++) {
    const cur = wordHashes[i];
    out[at + i - 1] = (Math.imul(prev, 0x9e3779b1) ^ cur) >>> 0;
    prev = cur;
  }
  return n - 1;
}

/** Sorts `out[at .. at + len)` in place, drops repeats and returns the number of values left. */
function sortUniqueRun(out: Uint32Array, at: number, len: number): number {
  if (len <= 48) {
    // Insertion sort: sentences are short, and this sorts in place without a subarray view.
    for (let i = at + 1; i < at + len; i++) {
      const v = out[i];
      let j = i - 1;
      while (j >= at && out[j] > v) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = v;
    }
  } else out.subarray(at, at + len).sort();
  // De-duplicate in place.
  let m = at;
  for (let i = at; i < at + len; i++) if (i === at || out[i] !== out[i - 1]) out[m++] = out[i];
  return m - at;
}

/** Per ASCII code: the lower-cased letter or digit, or 0 for a separator (what `normalizeKey` does to it). */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) ASCII_FOLD[c] = c;
  else if (c >= 65 && c <= 90) ASCII_FOLD[c] = c + 32;
}

/**
 * One pass over a sentence's normalised words without building them: the FNV-1a hash of each word (into
 * `KeyScan.words`) and a 52-bit hash of the whole normalised key (`normalizeKey`), for grouping exact
 * repeats without allocating the key. Plain-ASCII text without PTB bracket tokens is read directly (upper
 * case folded, every non-alphanumeric a separator: what `normalizeKey` does to it); anything else is
 * scanned from `normalizeKey`'s output.
 */
export class KeyScan {
  words = new Uint32Array(64);
  count = 0;
  keyHash = 0;
  /** `keyHash` in two parts: its top 32 bits and its low 20 bits. */
  keyHi = 0;
  keyLo = 0;

  scan(text: string): void {
    if (text.indexOf('B-') === -1 && this.scanFrom(text, true)) return;
    this.scanFrom(normalizeKey(text), false);
  }

  /** False (and no result) when `ascii` is set and the text holds a non-ASCII character. */
  private scanFrom(s: string, ascii: boolean): boolean {
    let count = 0;
    // The key hash is taken over the word hashes, one step per word: the key is its words joined by single
    // spaces, so equal keys have equal word sequences and equal hashes (a collision between different
    // keys only costs the caller a key comparison).
    let h1 = 0x811c9dc5;
    let h2 = 0x12345679;
    let w = 0x811c9dc5; // FNV-1a of the current word
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (ascii) {
        if (c >= 128) return false;
        c = ASCII_FOLD[c];
      } else if (c === 32) c = 0;
      if (c === 0) {
        if (inWord) {
          w >>>= 0;
          this.push(count++, w);
          h1 = Math.imul(h1 ^ w, 0x01000193);
          h2 = Math.imul(h2 ^ w, 0x5bd1e995) ^ (h2 >>> 13);
          inWord = false;
        }
        continue;
      }
      if (!inWord) {
        w = 0x811c9dc5;
        inWord = true;
      }
      w = Math.imul(w ^ c, 0x01000193);
    }
    if (inWord) {
      w >>>= 0;
      this.push(count++, w);
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995) ^ (h2 >>> 13);
    }
    this.count = count;
    this.keyHi = h1 >>> 0;
    this.keyLo = h2 & 0xfffff;
    this.keyHash = this.keyHi * 2 ** 20 + this.keyLo;
    return true;
  }

  private push(i: number, h: number): void {
    if (i === this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[i] = h;
  }

  /** `shingleHashes` of the scanned words. */
  shingles(): Uint32Array {
    return shinglesOfWordHashes(this.words, this.count);
  }

  /**
   * The set `shingles()` gives, appended to `pool` (its array grown when needed) in sentence order with
   * repeats: the caller sorts it only when needed (sortUniqueRun).
   */
  appendShingles(pool: ShinglePool): void {
    const need = Math.max(1, this.count - 1);
    if (pool.length + need > pool.data.length) {
      const grown = new Uint32Array(Math.max(pool.data.length * 2, pool.length + need));
      grown.set(pool.data.subarray(0, pool.length));
      pool.data = grown;
    }
    pool.length += writeRawShingles(this.words, this.count, pool.data, pool.length);
  }
}

/**
 * A map from `KeyScan` key hashes (given as their two parts) to the first sentence ref with that hash:
 * open addressing over typed arrays, so the 52-bit keys are never boxed as heap numbers (a Map keyed on
 * them allocates one per entry).
 */
class KeyHashTable {
  private hi: Uint32Array;
  private lo: Int32Array;
  /** Sentence ref + 1 (0: empty slot). */
  private ref: Int32Array;
  private mask: number;
  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.hi = new Uint32Array(size);
    this.lo = new Int32Array(size);
    this.ref = new Int32Array(size);
    this.mask = size - 1;
  }
  /** The ref stored under (hi, lo), else stores `ref` there and returns -1. */
  getOrSet(hi: number, lo: number, ref: number): number {
    let i = (Math.imul(hi ^ lo, 0x9e3779b1) >>> 12) & this.mask;
    for (;;) {
      const r = this.ref[i];
      if (r === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.ref[i] = ref + 1;
        return -1;
      }
      if (this.hi[i] === hi && this.lo[i] === lo) return r - 1;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * `normalizeKey(a) === normalizeKey(b)`, without building the keys when both are plain ASCII without PTB
 * bracket tokens: the keys are then the lower-cased alphanumeric runs joined by single spaces, compared run
 * by run.
 */
function sameKey(a: string, b: string): boolean {
  if (a.indexOf('B-') !== -1 || b.indexOf('B-') !== -1) return normalizeKey(a) === normalizeKey(b);
  let i = 0;
  let j = 0;
  for (;;) {
    // skip to the next word in each
    let ca = 0;
    while (i < a.length) {
      ca = a.charCodeAt(i);
      if (ca >= 128) return normalizeKey(a) === normalizeKey(b);
      if (isAsciiWordChar(ca)) break;
      i++;
    }
    let cb = 0;
    while (j < b.length) {
      cb = b.charCodeAt(j);
      if (cb >= 128) return normalizeKey(a) === normalizeKey(b);
      if (isAsciiWordChar(cb)) break;
      j++;
    }
    const endA = i >= a.length;
    const endB = j >= b.length;
    if (endA || endB) {
      // both done: equal; one has a word more: different
      return endA === endB;
    }
    // compare one word
    for (;;) {
      const wa = i < a.length ? a.charCodeAt(i) : 32;
      const wb = j < b.length ? b.charCodeAt(j) : 32;
      if (wa >= 128 || wb >= 128) return normalizeKey(a) === normalizeKey(b);
      const inA = isAsciiWordChar(wa);
      const inB = isAsciiWordChar(wb);
      if (!inA || !inB) {
        if (inA !== inB) return false;
        break;
      }
      if (foldAscii(wa) !== foldAscii(wb)) return false;
      i++;
      j++;
    }
  }
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Shingle sets stored back to back in one array (no typed array per sentence). */
interface ShinglePool {
  data: Uint32Array;
  length: number;
}

/** Exact groups of the corpus's sentences, and the representatives long enough for near matching. */
interface ExactGroups {
  /** Article and sentence index of each sentence ref (corpus order). */
  refA: Int32Array;
  refS: Int32Array;
  /** Sentence ref -> its exact group's representative ref. */
  exactOf: Int32Array;
  /** Representatives with at least minNearWords words, and their shingles (see exactGroups). */
  cand: number[];
  pool: ShinglePool;
  shingleStart: number[];
}

/** Sets every sentence's `dupGroup` and every article's `duplicateOf` (module comment). */
export function markNearDuplicates(articles: Article[], params: DedupParams = DEDUP_PARAMS): void {
  const exact = exactGroups(articles, params);
  const uf = nearGroups(exact, params);
  // Number groups in order of first occurrence.
  const n = exact.exactOf.length;
  const groupOfRoot = new Int32Array(n).fill(-1);
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    let g = groupOfRoot[root];
    if (g === -1) groupOfRoot[root] = g = groups++;
    articles[exact.refA[i]].sentences[exact.refS[i]].dupGroup = g;
  }
  markDuplicateArticles(articles, params, groups);
}

function exactGroups(articles: Article[], params: DedupParams): ExactGroups {
  // 1. Exact groups over every sentence in corpus order (keyed by the normalised text). The key is not
  // built: sentences are grouped by a 52-bit hash of it, and a hash shared with a different key (checked
  // by building both keys) falls back to a map of the keys themselves.
  let total = 0;
  for (const a of articles) total += a.sentences.length;
  const refA = new Int32Array(total);
  const refS = new Int32Array(total);
  const byKeyHash = new KeyHashTable(total);
  const byKey = new Map<string, number>();
  const exactOf = new Int32Array(total); // sentence ref → representative ref
  // Representatives long enough for near matching, with their shingles (words are not kept: memory):
  // candidate c's shingles are pool.data[shingleStart[c] .. shingleStart[c + 1]), in sentence order with
  // repeats until the candidate is first compared (MinHash takes a minimum, which neither order nor
  // repeats change; the exact Jaccard needs the sorted, unique run: see `sortedEnd`).
  const cand: number[] = [];
  const pool: ShinglePool = { data: new Uint32Array(1 << 16), length: 0 };
  const shingleStart: number[] = [0];
  const scan = new KeyScan();
  let idx = -1;
  for (let ai = 0; ai < articles.length; ai++) {
    const sents = articles[ai].sentences;
    for (let si = 0; si < sents.length; si++) {
      idx++;
      refA[idx] = ai;
      refS[idx] = si;
      const text = sents[si].text;
      scan.scan(text);
      let rep: number | undefined = byKeyHash.getOrSet(scan.keyHi, scan.keyLo, idx);
      if (rep === -1) rep = undefined;
      else if (!sameKey(text, articles[refA[rep]].sentences[refS[rep]].text)) {
        const key = normalizeKey(text);
        rep = byKey.get(key);
        if (rep === undefined) byKey.set(key, idx);
      }
      if (rep !== undefined) {
        exactOf[idx] = rep;
        continue;
      }
      exactOf[idx] = idx;
      if (scan.count >= params.minNearWords) {
        cand.push(idx);
        scan.appendShingles(pool);
        shingleStart.push(pool.length);
      }
    }
  }
  return { refA, refS, exactOf, cand, pool, shingleStart };
}

/** 2. Near copies among the exact-group representatives (MinHash, LSH, exact Jaccard): the union-find of all refs. */
function nearGroups({ exactOf, cand, pool, shingleStart }: ExactGroups, params: DedupParams): UnionFind {
  const n = exactOf.length;
  const uf = new UnionFind(n);
  for (let i = 0; i < n; i++) if (exactOf[i] !== i) uf.union(i, exactOf[i]);
  const hasher = new MinHasher(NUM_HASHES);
  const shingles = pool.data;
  // End of candidate c's sorted, unique run (it starts at shingleStart[c]); 0 until it is sorted, which is
  // done for the candidates that share an LSH bucket (a minority).
  const sortedEndOf = new Int32Array(cand.length);
  const sortedEnd = (c: number): number => {
    let end = sortedEndOf[c];
    if (end === 0) {
      const start = shingleStart[c];
      end = start + sortUniqueRun(shingles, start, shingleStart[c + 1] - start);
      sortedEndOf[c] = end;
    }
    return end;
  };
  // Only the band hashes of each signature are kept (band b of candidate c at bandHashes[b * m + c]): a
  // third of the memory of the signatures, which nothing else reads.
  const sig = new Uint32Array(NUM_HASHES);
  const bandHashes = new Uint32Array(cand.length * BANDS);
  for (let c = 0; c < cand.length; c++) {
    hasher.signatureOfRange(shingles, shingleStart[c], shingleStart[c + 1], sig, 0);
    for (let b = 0; b < BANDS; b++) bandHashes[b * cand.length + c] = bandHash(sig, b * ROWS, ROWS);
  }
  // LSH without a hash map: per band, order the candidates by (band hash, candidate) and scan runs of
  // equal hashes. The order comes from a stable radix sort of the hashes over the candidates in index
  // order (three 11-bit passes), which is the order of sorting the (hash, candidate) pairs.
  const m = cand.length;
  const sortedHash = new Uint32Array(m);
  const sortedCand = new Int32Array(m);
  const tmpHash = new Uint32Array(m);
  const tmpCand = new Int32Array(m);
  const counts = new Int32Array(3 << RADIX_BITS);
  const indexOrder = Int32Array.from({ length: m }, (_, c) => c);
  // A pair that shares several bands is compared again rather than remembered: the comparison is cheap and
  // deterministic (a failed pair fails again; a matched pair is then in one group and skipped).
  for (let b = 0; b < BANDS; b++) {
    const hashes = bandHashes.subarray(b * m, (b + 1) * m);
    // bits 0-10: candidates in index order → sorted; bits 11-21: stable → tmp; bits 22-31: → sorted
    radixOffsets(hashes, counts);
    radixPass(hashes, indexOrder, sortedHash, sortedCand, 0, counts);
    radixPass(sortedHash, sortedCand, tmpHash, tmpCand, 1, counts);
    radixPass(tmpHash, tmpCand, sortedHash, sortedCand, 2, counts);
    for (let x = 0; x < m;) {
      const h = sortedHash[x];
      let y = x + 1;
      while (y < m && sortedHash[y] === h) y++;
      const end = Math.min(y, x + MAX_BUCKET);
      for (let i = x; i < end; i++)
        for (let j = i + 1; j < end; j++) {
          const p = sortedCand[i];
          const q = sortedCand[j];
          const rp = cand[p];
          const rq = cand[q];
          if (uf.find(rp) === uf.find(rq)) continue;
          const sim = jaccardRuns(shingles, shingleStart[p], sortedEnd(p), shingleStart[q], sortedEnd(q));
          if (sim >= params.sentenceJaccard) uf.union(rp, rq);
        }
      x = y;
    }
  }
  return uf;
}

/**
 * Article-level copies from shared sentence groups (and identical content hashes). Every sentence has its
 * `dupGroup` (0 .. groupCount - 1) already. Work arrays are typed and indexed by article or group: the
 * union-find below makes the result independent of the order in which pairs are visited.
 */
function markDuplicateArticles(articles: Article[], params: DedupParams, groupCount: number): void {
  const order = articles
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.publishedAt ?? '9999').localeCompare(y.a.publishedAt ?? '9999') || x.i - y.i)
    .map((x) => x.i);
  const A = articles.length;
  const rank = new Int32Array(A);
  order.forEach((ai, r) => (rank[ai] = r));
  // Each article's distinct groups: groupList[groupStart[ai] .. groupStart[ai + 1]).
  let sentences = 0;
  for (const a of articles) sentences += a.sentences.length;
  const groupStart = new Int32Array(A + 1);
  const groupList = new Int32Array(sentences);
  const seenIn = new Int32Array(groupCount).fill(-1); // the last article a group was listed for
  const articlesOfGroup = new Int32Array(groupCount + 1); // counts, then the CSR offsets below
  let len = 0;
  for (let ai = 0; ai < A; ai++) {
    for (const s of articles[ai].sentences) {
      const g = s.dupGroup!;
      if (seenIn[g] === ai) continue;
      seenIn[g] = ai;
      groupList[len++] = g;
      articlesOfGroup[g + 1]++;
    }
    groupStart[ai + 1] = len;
  }
  // The articles of each group, in input order: byGroup[articlesOfGroup[g] .. articlesOfGroup[g + 1]).
  for (let g = 0; g < groupCount; g++) articlesOfGroup[g + 1] += articlesOfGroup[g];
  const fill = articlesOfGroup.slice(0, groupCount);
  const byGroup = new Int32Array(len);
  for (let ai = 0; ai < A; ai++)
    for (let x = groupStart[ai]; x < groupStart[ai + 1]; x++) byGroup[fill[groupList[x]]++] = ai;

  const uf = new UnionFind(A);
  const byHash = new Map<string, number>();
  const overlap = new Int32Array(A); // shared groups with the article being looked at
  const touched: number[] = [];
  for (const ai of order) {
    const a = articles[ai];
    a.duplicateOf = null;
    if (a.contentHash) {
      const prev = byHash.get(a.contentHash);
      if (prev !== undefined) uf.union(rank[prev], rank[ai]);
      else byHash.set(a.contentHash, ai);
    }
    const count = groupStart[ai + 1] - groupStart[ai];
    if (count < params.minArticleGroups) continue;
    for (let x = groupStart[ai]; x < groupStart[ai + 1]; x++) {
      const g = groupList[x];
      const from = articlesOfGroup[g];
      const to = articlesOfGroup[g + 1];
      if (to - from > 200) continue; // boilerplate sentence shared by very many articles
      for (let y = from; y < to; y++) {
        const bi = byGroup[y];
        if (bi !== ai && rank[bi] < rank[ai] && overlap[bi]++ === 0) touched.push(bi);
      }
    }
    for (const bi of touched) {
      const inter = overlap[bi];
      overlap[bi] = 0;
      const countB = groupStart[bi + 1] - groupStart[bi];
      if (countB < params.minArticleGroups) continue;
      const union = count + countB - inter;
      if (inter / union >= params.articleJaccard) uf.union(rank[bi], rank[ai]);
    }
    touched.length = 0;
  }
  // The union-find works on ranks, so each root is the earliest article of its cluster.
  for (const ai of order) {
    const root = order[uf.find(rank[ai])];
    if (root !== ai) articles[ai].duplicateOf = articles[root].id;
  }
}

/** Digit size of the LSH radix sort: three passes cover 32 bits, and the counts (2^11) stay in L1 cache. */
const RADIX_BITS = 11;
const RADIX_MASK = (1 << RADIX_BITS) - 1;

/**
 * The starting offsets of every digit value for the three passes of a radix sort of `hashes`, from one
 * counting loop: `counts[(d << RADIX_BITS) + v]` for digit `d` (0..2) and value `v` (the digit counts
 * do not depend on the order the passes leave the hashes in).
 */
function radixOffsets(hashes: Uint32Array, counts: Int32Array): void {
  counts.fill(0);
  const size = 1 << RADIX_BITS;
  for (let x = 0; x < hashes.length; x++) {
    const h = hashes[x];
    counts[h & RADIX_MASK]++;
    counts[size + ((h >>> RADIX_BITS) & RADIX_MASK)]++;
    counts[2 * size + (h >>> (2 * RADIX_BITS))]++;
  }
  for (let d = 0; d < 3; d++)
    for (let v = d * size, sum = 0; v < (d + 1) * size; v++) {
      const k = counts[v];
      counts[v] = sum;
      sum += k;
    }
}

/**
 * One stable counting-sort pass of a radix sort: orders (hash, candidate) pairs by digit `digit` (the
 * RADIX_BITS bits of the hash from `digit * RADIX_BITS`), keeping the input order among equal digits.
 * `counts` holds the offsets from `radixOffsets` and is advanced.
 */
function radixPass(
  hashIn: Uint32Array,
  candIn: Int32Array,
  hashOut: Uint32Array,
  candOut: Int32Array,
  digit: 0 | 1 | 2,
  counts: Int32Array,
): void {
  const m = hashIn.length;
  const shift = digit * RADIX_BITS;
  const base = digit << RADIX_BITS;
  for (let x = 0; x < m; x++) {
    const h = hashIn[x];
    const at = counts[base + ((h >>> shift) & RADIX_MASK)]++;
    hashOut[at] = h;
    candOut[at] = candIn[x];
  }
}
