/**
 * Brown clustering (Brown et al. 1992, "Class-based n-gram models of natural language") with the
 * windowed algorithm of Liang (2005, "Semi-supervised learning for natural language", MIT MEng thesis):
 * words are taken in order of frequency; each enters as a cluster of its own, and whenever there are
 * C + 1 clusters the two whose merge loses the least average mutual information between adjacent
 * clusters are merged. The C clusters left are then merged the same way down to one, and that last
 * phase's binary tree gives every cluster a bit string (its path from the root): words of one cluster
 * share it, and its prefixes name coarser clusters. The tagger uses the prefixes as features that carry
 * over to words never seen in labelled data (src/nlp/ner/clusters.ts).
 *
 * Cost: O(V C^2) for V words and C clusters, with the loss of every pair kept up to date incrementally
 * (Liang's bookkeeping). Deterministic: word order is by count then by string, ties between equal
 * losses go to the first pair in slot order, and every sum is taken in a fixed order.
 */

export interface BrownOptions {
  /** Clusters of the window (Liang's C): the number of distinct bit strings in the result. */
  clusters: number;
  /** At most this many words are clustered (the most frequent). */
  maxWords: number;
  /** Words seen fewer times are left out. */
  minCount: number;
  log?: (line: string) => void;
  /**
   * For tests: called after every step with the largest difference between a pair's kept loss and the
   * loss computed from scratch (slow: O(C^6) per step).
   */
  check?: (maxError: number) => void;
}

export interface BrownResult {
  /** The clustered words, most frequent first. */
  words: string[];
  /** Their bit strings ('0' / '1' path from the root; '' when there is one cluster). */
  paths: string[];
  counts: number[];
}

/** q(x, y) = p(x, y) log(p(x, y) / (p(x) p(y))): one term of the average mutual information. */
function q(pxy: number, px: number, py: number): number {
  return pxy > 0 ? pxy * Math.log(pxy / (px * py)) : 0;
}

/** The corpus as integer ids (-1 between sentences), with each id's string and count. */
interface Interned {
  seq: Int32Array;
  names: string[];
  counts: number[];
}

function intern(corpus: Iterable<string[]>): Interned {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const counts: number[] = [];
  let seq = new Int32Array(1 << 20);
  let len = 0;
  const push = (x: number) => {
    if (len === seq.length) {
      const grown = new Int32Array(2 * seq.length);
      grown.set(seq);
      seq = grown;
    }
    seq[len++] = x;
  };
  for (const sentence of corpus) {
    for (const w of sentence) {
      let id = ids.get(w);
      if (id === undefined) {
        id = names.length;
        ids.set(w, id);
        names.push(w);
        counts.push(0);
      }
      counts[id]++;
      push(id);
    }
    push(-1);
  }
  return { seq: seq.subarray(0, len), names, counts };
}

/** Adjacent-word counts of the clustered words, by first word (right) and by second word (left). */
interface Bigrams {
  total: number;
  rightStart: Int32Array;
  rightWord: Int32Array;
  rightCount: Float64Array;
  leftStart: Int32Array;
  leftWord: Int32Array;
  leftCount: Float64Array;
}

function bigramsOf(seq: Int32Array, rank: Int32Array, V: number): Bigrams {
  let n = 0;
  for (let k = 1; k < seq.length; k++) if (seq[k - 1] >= 0 && seq[k] >= 0) n++;
  // Keys a * V + b (exact in a float64 for any vocabulary this size), sorted, then counted by run.
  const keys = new Float64Array(n);
  n = 0;
  for (let k = 1; k < seq.length; k++) {
    const a = seq[k - 1];
    const b = seq[k];
    if (a < 0 || b < 0) continue;
    const ra = rank[a];
    const rb = rank[b];
    if (ra >= 0 && rb >= 0) keys[n++] = ra * V + rb;
  }
  const sorted = keys.subarray(0, n).sort();
  const pa: number[] = [];
  const pb: number[] = [];
  const pc: number[] = [];
  for (let k = 0; k < sorted.length;) {
    const key = sorted[k];
    let j = k;
    while (j < sorted.length && sorted[j] === key) j++;
    pa.push(Math.floor(key / V));
    pb.push(key % V);
    pc.push(j - k);
    k = j;
  }
  const csr = (first: number[], second: number[]) => {
    const start = new Int32Array(V + 1);
    for (const a of first) start[a + 1]++;
    for (let a = 0; a < V; a++) start[a + 1] += start[a];
    const fill = start.slice(0, V);
    const word = new Int32Array(first.length);
    const count = new Float64Array(first.length);
    for (let k = 0; k < first.length; k++) {
      const at = fill[first[k]]++;
      word[at] = second[k];
      count[at] = pc[k];
    }
    return { start, word, count };
  };
  const right = csr(pa, pb);
  const left = csr(pb, pa);
  return {
    total: n,
    rightStart: right.start,
    rightWord: right.word,
    rightCount: right.count,
    leftStart: left.start,
    leftWord: left.word,
    leftCount: left.count,
  };
}

/** x log x (0 for 0). */
const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/**
 * h(x, y) = x log x + y log y - (x + y) log(x + y) (given x log x and y log y): what two probabilities
 * of the same context lose when their clusters merge; 0 unless both are positive.
 */
const h = (x: number, y: number, xlx: number, yly: number): number =>
  x > 0 && y > 0 ? xlx + yly - (x + y) * Math.log(x + y) : 0;

/**
 * The clustering state over M = C + 1 slots. The loss of merging c and d (the average mutual
 * information lost) is, with m = c + d, p(x) = P1, p(x, y) = P2 and q(x, y) = p(x, y) log(p(x, y) / (p(x) p(y))):
 *
 *   L(c, d) = q(c,c) + q(d,d) + q(c,d) + q(d,c) - q(m,m)
 *             + (log p(m) - log p(c)) U(c) + (log p(m) - log p(d)) U(d) + H(c, d)
 *
 * where U(c) is the probability of c's bigrams with clusters other than c and d (both directions), and
 * H(c, d) = sum over other clusters e of h(p(c,e), p(d,e)) + h(p(e,c), p(e,d)) (h as above): merging
 * loses less when the two clusters share neighbours. The pair terms (B = the q terms + H, log p(m), and
 * X = p(c,d) + p(d,c)) are kept per pair and updated where a step changes them: a new word, or the merge
 * of a cluster with few distinct neighbours, touches few pairs' H. So a step costs O(C^2) additions for
 * finding the best pair plus logarithms in proportion to the neighbours of the clusters it changes.
 */
class Clustering {
  readonly P1: Float64Array;
  readonly LP: Float64Array;
  readonly P2: Float64Array;
  /** P2 log P2. */
  readonly PL: Float64Array;
  /** Row and column sums of P2 over the active slots; R = RP + CP - 2 P2[s, s]. */
  readonly RP: Float64Array;
  readonly CP: Float64Array;
  readonly R: Float64Array;
  /** Per pair (c < d, at c * M + d): B = q terms + H, W = the q terms alone, LM = log p(c + d), X. */
  readonly B: Float64Array;
  readonly W: Float64Array;
  readonly LM: Float64Array;
  readonly X: Float64Array;
  readonly active: Uint8Array;
  /** Active slots in ascending order (rebuilt when the set changes). */
  slots = new Int32Array(0);
  readonly members: number[][];
  readonly wordSlot: Int32Array;
  private readonly mark: Uint8Array;
  private readonly scratch: Float64Array;
  private readonly scratch2: Float64Array;
  private readonly scratch3: Float64Array;

  constructor(
    readonly M: number,
    V: number,
    private readonly bigrams: Bigrams,
    private readonly unigram: Float64Array,
  ) {
    const MM = M * M;
    this.P1 = new Float64Array(M);
    this.LP = new Float64Array(M);
    this.P2 = new Float64Array(MM);
    this.PL = new Float64Array(MM);
    this.RP = new Float64Array(M);
    this.CP = new Float64Array(M);
    this.R = new Float64Array(M);
    this.B = new Float64Array(MM);
    this.W = new Float64Array(MM);
    this.LM = new Float64Array(MM);
    this.X = new Float64Array(MM);
    this.active = new Uint8Array(M);
    this.members = Array.from({ length: M }, () => []);
    this.wordSlot = new Int32Array(V).fill(-1);
    this.mark = new Uint8Array(M);
    this.scratch = new Float64Array(M);
    this.scratch2 = new Float64Array(M);
    this.scratch3 = new Float64Array(M);
  }

  private refreshSlots(): void {
    const out: number[] = [];
    for (let s = 0; s < this.M; s++) if (this.active[s]) out.push(s);
    this.slots = Int32Array.from(out);
    for (const c of out) this.R[c] = this.RP[c] + this.CP[c] - 2 * this.P2[c * this.M + c];
  }

  freeSlot(): number {
    for (let s = 0; s < this.M; s++) if (!this.active[s]) return s;
    return -1;
  }

  /** Active slots other than `but` with P2[s, t] > 0 (row) or P2[t, s] > 0 (column). */
  private neighbours(s: number, row: boolean, but: number): number[] {
    const { M, P2, slots } = this;
    const out: number[] = [];
    for (let x = 0; x < slots.length; x++) {
      const t = slots[x];
      if (t !== s && t !== but && (row ? P2[s * M + t] : P2[t * M + s]) > 0) out.push(t);
    }
    return out;
  }

  /** The pair terms of (s, t) from the current P1, P2, with H(s, t) = hst. */
  private setPair(s: number, t: number, hst: number): void {
    const { M, P1, LP, P2, PL } = this;
    const k = s < t ? s * M + t : t * M + s;
    const lm = Math.log(P1[s] + P1[t]);
    const pss = P2[s * M + s];
    const ptt = P2[t * M + t];
    const pst = P2[s * M + t];
    const pts = P2[t * M + s];
    const w =
      PL[s * M + s] -
      2 * pss * LP[s] +
      PL[t * M + t] -
      2 * ptt * LP[t] +
      PL[s * M + t] -
      pst * (LP[s] + LP[t]) +
      PL[t * M + s] -
      pts * (LP[s] + LP[t]) -
      (xlogx(pss + ptt + pst + pts) - 2 * (pss + ptt + pst + pts) * lm);
    this.LM[k] = lm;
    this.X[k] = pst + pts;
    this.W[k] = w;
    this.B[k] = w + hst;
  }

  /** The loss of merging c and d (c < d). */
  loss(c: number, d: number): number {
    const k = c * this.M + d;
    const lm = this.LM[k];
    const x = this.X[k];
    return this.B[k] + (lm - this.LP[c]) * (this.R[c] - x) + (lm - this.LP[d]) * (this.R[d] - x);
  }

  /** Word w enters as a cluster of its own in free slot s. */
  add(w: number, s: number): void {
    const { M, P1, LP, P2, PL, RP, CP, B, bigrams: bg, wordSlot } = this;
    const N = bg.total;
    for (let t = 0; t < M; t++) {
      P2[s * M + t] = P2[t * M + s] = 0;
      PL[s * M + t] = PL[t * M + s] = 0;
    }
    P1[s] = this.unigram[w];
    LP[s] = Math.log(P1[s]);
    wordSlot[w] = s;
    for (let k = bg.rightStart[w]; k < bg.rightStart[w + 1]; k++) {
      const t = wordSlot[bg.rightWord[k]];
      if (t >= 0) P2[s * M + t] += bg.rightCount[k] / N;
    }
    for (let k = bg.leftStart[w]; k < bg.leftStart[w + 1]; k++) {
      const u = bg.leftWord[k];
      const t = wordSlot[u];
      if (t >= 0 && u !== w) P2[t * M + s] += bg.leftCount[k] / N;
    }
    this.active[s] = 1;
    this.members[s] = [w];
    this.refreshSlots();
    const nzR = this.neighbours(s, true, -1);
    const nzC = this.neighbours(s, false, -1);
    PL[s * M + s] = xlogx(P2[s * M + s]);
    RP[s] = CP[s] = P2[s * M + s];
    for (const t of nzR) {
      PL[s * M + t] = xlogx(P2[s * M + t]);
      CP[t] += P2[s * M + t];
      RP[s] += P2[s * M + t];
    }
    for (const t of nzC) {
      PL[t * M + s] = xlogx(P2[t * M + s]);
      RP[t] += P2[t * M + s];
      CP[s] += P2[t * M + s];
    }
    this.refreshSlots();
    // Existing pairs gain the terms of s as a shared neighbour.
    for (let i = 0; i < nzC.length; i++)
      for (let j = i + 1; j < nzC.length; j++) {
        const c = nzC[i];
        const d = nzC[j];
        B[c < d ? c * M + d : d * M + c] += h(P2[c * M + s], P2[d * M + s], PL[c * M + s], PL[d * M + s]);
      }
    for (let i = 0; i < nzR.length; i++)
      for (let j = i + 1; j < nzR.length; j++) {
        const c = nzR[i];
        const d = nzR[j];
        B[c < d ? c * M + d : d * M + c] += h(P2[s * M + c], P2[s * M + d], PL[s * M + c], PL[s * M + d]);
      }
    // The pairs of s: only s's neighbours can be shared.
    const slots = this.slots;
    for (let x = 0; x < slots.length; x++) {
      const t = slots[x];
      if (t === s) continue;
      let hst = 0;
      for (const e of nzR) if (e !== t) hst += h(P2[s * M + e], P2[t * M + e], PL[s * M + e], PL[t * M + e]);
      for (const e of nzC) if (e !== t) hst += h(P2[e * M + s], P2[e * M + t], PL[e * M + s], PL[e * M + t]);
      this.setPair(s, t, hst);
    }
  }

  /** The pair (a < b) with the least loss: the first in slot order on ties. */
  best(): [number, number] {
    const { M, B, LM, X, LP, R, slots } = this;
    let min = Infinity;
    let ba = -1;
    let bb = -1;
    for (let x = 0; x < slots.length; x++) {
      const c = slots[x];
      const lc = LP[c];
      const rc = R[c];
      const row = c * M;
      for (let y = x + 1; y < slots.length; y++) {
        const d = slots[y];
        const k = row + d;
        const lm = LM[k];
        const xx = X[k];
        const l = B[k] + (lm - lc) * (rc - xx) + (lm - LP[d]) * (R[d] - xx);
        if (l < min) {
          min = l;
          ba = c;
          bb = d;
        }
      }
    }
    return [ba, bb];
  }

  /** Merge b into a (a < b). */
  merge(a: number, b: number): void {
    const { M, P1, LP, P2, PL, RP, CP, B, W, mark } = this;
    const count = (s: number) => this.neighbours(s, true, -1).length + this.neighbours(s, false, -1).length;
    // The cluster with fewer neighbours is the one whose terms are walked ("sparse"); the other is the base.
    const sp = count(b) <= count(a) ? b : a;
    const bs = sp === a ? b : a;
    const others = Array.from(this.slots).filter((c) => c !== a && c !== b);
    // x log x of the merged cluster's bigrams with each other cluster, as row (a + b, c) and column (c, a + b).
    const plRow = this.scratch;
    const plCol = this.scratch2;
    for (const c of others) {
      plRow[c] = xlogx(P2[bs * M + c] + P2[sp * M + c]);
      plCol[c] = xlogx(P2[c * M + bs] + P2[c * M + sp]);
    }
    // 1. Other pairs (c, d): their shared-neighbour terms for a and for b become one term for a + b. Only
    // pairs where the sparse cluster is a neighbour of c or d change.
    const colZ = others.filter((c) => P2[c * M + sp] > 0);
    mark.fill(0);
    for (const c of colZ) mark[c] = 1;
    for (const c of colZ) {
      const y1 = P2[c * M + sp];
      const x1 = P2[c * M + bs];
      for (const d of others) {
        if (d === c || (mark[d] && d < c)) continue;
        const x2 = P2[d * M + bs];
        const y2 = P2[d * M + sp];
        if (x1 + x2 === 0) continue;
        B[c < d ? c * M + d : d * M + c] +=
          h(x1 + y1, x2 + y2, plCol[c], plCol[d]) -
          h(x1, x2, PL[c * M + bs], PL[d * M + bs]) -
          h(y1, y2, PL[c * M + sp], PL[d * M + sp]);
      }
    }
    const rowZ = others.filter((c) => P2[sp * M + c] > 0);
    mark.fill(0);
    for (const c of rowZ) mark[c] = 1;
    for (const c of rowZ) {
      const y1 = P2[sp * M + c];
      const x1 = P2[bs * M + c];
      for (const d of others) {
        if (d === c || (mark[d] && d < c)) continue;
        const x2 = P2[bs * M + d];
        const y2 = P2[sp * M + d];
        if (x1 + x2 === 0) continue;
        B[c < d ? c * M + d : d * M + c] +=
          h(x1 + y1, x2 + y2, plRow[c], plRow[d]) -
          h(x1, x2, PL[bs * M + c], PL[bs * M + d]) -
          h(y1, y2, PL[sp * M + c], PL[sp * M + d]);
      }
    }
    // 2. H of (a + b, t): the base's H(base, t) without the sparse cluster as a neighbour, corrected
    // where the sparse cluster has neighbours.
    const hm = this.scratch3;
    for (const t of others) {
      const k = bs < t ? bs * M + t : t * M + bs;
      let v =
        B[k] -
        W[k] -
        h(P2[bs * M + sp], P2[t * M + sp], PL[bs * M + sp], PL[t * M + sp]) -
        h(P2[sp * M + bs], P2[sp * M + t], PL[sp * M + bs], PL[sp * M + t]);
      for (const e of rowZ) {
        if (e === t) continue;
        const z = P2[t * M + e];
        if (z === 0) continue;
        const pz = PL[t * M + e];
        v += h(P2[bs * M + e] + P2[sp * M + e], z, plRow[e], pz) - h(P2[bs * M + e], z, PL[bs * M + e], pz);
      }
      for (const e of colZ) {
        if (e === t) continue;
        const z = P2[e * M + t];
        if (z === 0) continue;
        const pz = PL[e * M + t];
        v += h(P2[e * M + bs] + P2[e * M + sp], z, plCol[e], pz) - h(P2[e * M + bs], z, PL[e * M + bs], pz);
      }
      hm[t] = v;
    }
    // 3. The statistics of a + b into slot a.
    const pmm = P2[a * M + a] + P2[a * M + b] + P2[b * M + a] + P2[b * M + b];
    for (const c of others) {
      P2[a * M + c] += P2[b * M + c];
      P2[c * M + a] += P2[c * M + b];
      PL[a * M + c] = plRow[c];
      PL[c * M + a] = plCol[c];
    }
    P2[a * M + a] = pmm;
    PL[a * M + a] = xlogx(pmm);
    for (let t = 0; t < M; t++) {
      P2[b * M + t] = P2[t * M + b] = 0;
      PL[b * M + t] = PL[t * M + b] = 0;
    }
    P2[a * M + b] = P2[b * M + a] = PL[a * M + b] = PL[b * M + a] = 0;
    P1[a] += P1[b];
    LP[a] = Math.log(P1[a]);
    P1[b] = 0;
    RP[a] += RP[b];
    CP[a] += CP[b];
    this.active[b] = 0;
    for (const w of this.members[b]) this.wordSlot[w] = a;
    this.members[a].push(...this.members[b]);
    this.members[b] = [];
    this.refreshSlots();
    for (const t of others) this.setPair(a, t, hm[t]);
  }

  /** The largest |loss - bruteLoss| over the active pairs (for tests). */
  maxLossError(): number {
    let max = 0;
    const slots = this.slots;
    for (let x = 0; x < slots.length; x++)
      for (let y = x + 1; y < slots.length; y++)
        max = Math.max(max, Math.abs(this.loss(slots[x], slots[y]) - this.bruteLoss(slots[x], slots[y])));
    return max;
  }

  /** The loss of merging c and d computed from scratch (for tests): mutual information before - after. */
  bruteLoss(c: number, d: number): number {
    const { M, P1, P2 } = this;
    const slots = Array.from(this.slots);
    const mi = (p1: (s: number) => number, p2: (s: number, t: number) => number, set: number[]) => {
      let sum = 0;
      for (const s of set) for (const t of set) sum += q(p2(s, t), p1(s), p1(t));
      return sum;
    };
    const before = mi(
      (s) => P1[s],
      (s, t) => P2[s * M + t],
      slots,
    );
    const into = (s: number) => (s === d ? c : s);
    const merged = slots.filter((s) => s !== d);
    const after = mi(
      (s) => (s === c ? P1[c] + P1[d] : P1[s]),
      (s, t) => {
        let sum = 0;
        for (const u of slots)
          for (const v of slots) if (into(u) === s && into(v) === t) sum += P2[u * M + v];
        return sum;
      },
      merged,
    );
    return before - after;
  }
}

/** Brown clusters of the words of `corpus` (sentences of tokens; bigrams never cross sentences). */
export function brownClusters(corpus: Iterable<string[]>, opts: BrownOptions): BrownResult {
  const log = opts.log ?? (() => {});
  const { seq, names, counts } = intern(corpus);
  const order = names
    .map((_, id) => id)
    .filter((id) => counts[id] >= opts.minCount)
    .sort((x, y) => counts[y] - counts[x] || (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0))
    .slice(0, opts.maxWords);
  const V = order.length;
  const rank = new Int32Array(names.length).fill(-1);
  order.forEach((id, r) => (rank[id] = r));
  let tokens = 0;
  for (const id of order) tokens += counts[id];
  const unigram = Float64Array.from(order, (id) => counts[id] / tokens);
  const bigrams = bigramsOf(seq, rank, V);
  log(
    `brown: ${seq.length} positions, ${names.length} types, ${V} words clustered, ${bigrams.total} bigrams, ${bigrams.rightWord.length} distinct`,
  );
  const C = Math.max(1, Math.min(opts.clusters, V));
  const state = new Clustering(C + 1, V, bigrams, unigram);
  const t0 = Date.now();
  const check = opts.check ? () => opts.check!(state.maxLossError()) : () => {};
  for (let w = 0; w < V; w++) {
    state.add(w, state.freeSlot());
    check();
    if (state.slots.length === C + 1) {
      const [a, b] = state.best();
      state.merge(a, b);
      check();
    }
    if ((w + 1) % 2000 === 0) log(`brown: ${w + 1}/${V} words (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // The hierarchy over the C clusters: node ids 0..C-1 are the clusters, then one node per merge.
  const leafOf = new Int32Array(C + 1).fill(-1);
  const leafSlots = Array.from(state.slots);
  leafSlots.forEach((s, k) => (leafOf[s] = k));
  const wordLeaf = Int32Array.from(state.wordSlot, (s) => leafOf[s]);
  const nodeOf = Int32Array.from(leafOf);
  const children: Array<[number, number]> = [];
  while (state.slots.length > 1) {
    const [a, b] = state.best();
    children.push([nodeOf[a], nodeOf[b]]);
    state.merge(a, b);
    check();
    nodeOf[a] = leafSlots.length + children.length - 1;
  }
  const pathOf = new Array<string>(leafSlots.length + children.length).fill('');
  for (let node = leafSlots.length + children.length - 1; node >= leafSlots.length; node--) {
    const [left, right] = children[node - leafSlots.length];
    pathOf[left] = pathOf[node] + '0';
    pathOf[right] = pathOf[node] + '1';
  }
  log(`brown: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return {
    words: order.map((id) => names[id]),
    paths: order.map((_, w) => pathOf[wordLeaf[w]]),
    counts: order.map((id) => counts[id]),
  };
}
