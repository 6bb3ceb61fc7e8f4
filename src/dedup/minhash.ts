/**
 * MinHash signatures over sets of 32-bit shingle hashes, and LSH banding to find candidate pairs.
 * Deterministic: the hash family comes from a fixed seed.
 */
import { seededRandom as mulberry32 } from '../util/random.js';

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class MinHasher {
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  /** The same multipliers and offsets as signed 32-bit values (same low 32 bits) for the hot loop. */
  private readonly aSigned: Int32Array;
  private readonly bSigned: Int32Array;
  /** Scratch: the mixed shingle values of the set being hashed. */
  private mixed = new Int32Array(64);
  constructor(
    readonly numHashes: number,
    seed = 20240205,
  ) {
    const rnd = mulberry32(seed);
    this.a = new Uint32Array(numHashes);
    this.b = new Uint32Array(numHashes);
    for (let i = 0; i < numHashes; i++) {
      this.a[i] = (Math.floor(rnd() * 0xffffffff) | 1) >>> 0;
      this.b[i] = Math.floor(rnd() * 0xffffffff) >>> 0;
    }
    this.aSigned = new Int32Array(this.a);
    this.bSigned = new Int32Array(this.b);
  }

  /** Signature of a set of shingle hashes (duplicates in the input are harmless). */
  signature(shingles: ArrayLike<number>): Uint32Array {
    const sig = new Uint32Array(this.numHashes);
    this.signatureInto(shingles, sig, 0);
    return sig;
  }

  /**
   * Writes the signature into `out[offset .. offset + numHashes)`. The minimum is kept in 32-bit signed
   * arithmetic on values with the top bit flipped (the same order as unsigned), so no value leaves the
   * small-integer range on the hot loop.
   */
  signatureInto(shingles: ArrayLike<number>, out: Uint32Array, offset: number): void {
    this.signatureOfRange(shingles, 0, shingles.length, out, offset);
  }

  /**
   * `signatureInto` of `shingles[from .. to)`. The shingles are mixed once into a scratch array, then each
   * hash function takes its minimum over them in a tight loop (one multiplier and offset per loop, the
   * running minimum in a register): the same values as mixing per shingle and updating all minima.
   */
  signatureOfRange(
    shingles: ArrayLike<number>,
    from: number,
    to: number,
    out: Uint32Array,
    offset: number,
  ): void {
    const k = this.numHashes;
    const a = this.aSigned;
    const b = this.bSigned;
    const n = to - from;
    if (this.mixed.length < n) this.mixed = new Int32Array(Math.max(n, this.mixed.length * 2));
    const mixed = this.mixed;
    for (let j = 0; j < n; j++) {
      // Mix the shingle first so that nearby values spread out.
      const x = shingles[from + j] | 0;
      mixed[j] = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
    }
    let i = 0;
    // Four hash functions per pass over the shingles: each mixed value is loaded once for four independent
    // running minima (the same minima as one function per pass).
    for (; i + 4 <= k; i += 4) {
      const a0 = a[i];
      const a1 = a[i + 1];
      const a2 = a[i + 2];
      const a3 = a[i + 3];
      const b0 = b[i];
      const b1 = b[i + 1];
      const b2 = b[i + 2];
      const b3 = b[i + 3];
      let m0 = 0x7fffffff; // 0xffffffff with the top bit flipped
      let m1 = 0x7fffffff;
      let m2 = 0x7fffffff;
      let m3 = 0x7fffffff;
      for (let j = 0; j < n; j++) {
        const x = mixed[j];
        const h0 = ((Math.imul(a0, x) + b0) ^ 0x80000000) | 0;
        const h1 = ((Math.imul(a1, x) + b1) ^ 0x80000000) | 0;
        const h2 = ((Math.imul(a2, x) + b2) ^ 0x80000000) | 0;
        const h3 = ((Math.imul(a3, x) + b3) ^ 0x80000000) | 0;
        if (h0 < m0) m0 = h0;
        if (h1 < m1) m1 = h1;
        if (h2 < m2) m2 = h2;
        if (h3 < m3) m3 = h3;
      }
      out[offset + i] = (m0 ^ 0x80000000) >>> 0;
      out[offset + i + 1] = (m1 ^ 0x80000000) >>> 0;
      out[offset + i + 2] = (m2 ^ 0x80000000) >>> 0;
      out[offset + i + 3] = (m3 ^ 0x80000000) >>> 0;
    }
    for (; i < k; i++) {
      const ai = a[i];
      const bi = b[i];
      let min = 0x7fffffff;
      for (let j = 0; j < n; j++) {
        const h = ((Math.imul(ai, mixed[j]) + bi) ^ 0x80000000) | 0;
        if (h < min) min = h;
      }
      out[offset + i] = (min ^ 0x80000000) >>> 0;
    }
  }
}

/** A 32-bit hash of one LSH band: `rows` signature values starting at `offset`. */
export function bandHash(sigs: Uint32Array, offset: number, rows: number): number {
  let h = 0x811c9dc5;
  for (let r = 0; r < rows; r++) {
    h ^= sigs[offset + r];
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** Exact Jaccard similarity of `pool[a0 .. a1)` and `pool[b0 .. b1)`, two sorted, de-duplicated runs. */
export function jaccardRuns(pool: Uint32Array, a0: number, a1: number, b0: number, b1: number): number {
  let i = a0;
  let j = b0;
  let inter = 0;
  while (i < a1 && j < b1) {
    const x = pool[i];
    const y = pool[j];
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a1 - a0 + (b1 - b0) - inter;
  return union ? inter / union : 0;
}

/** Exact Jaccard similarity of two sorted, de-duplicated number arrays. */
export function jaccardSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - inter;
  return union ? inter / union : 0;
}

/** Union-find with path halving; the root is always the smallest index (the first occurrence). */
export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}
