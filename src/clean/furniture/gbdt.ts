/**
 * A small gradient-boosted tree classifier (logistic loss, Newton leaf values, histogram splits) for the
 * furniture model: trees catch the thresholds and interactions line features need ("short AND title case
 * AND inside a run of short lines") that a linear model would have to be given by hand. Training is
 * deterministic (no sampling; ties broken by feature and bin order), so the same data gives the same
 * bytes. Trees are stored in heap order with a fixed depth: node i has children 2i+1 and 2i+2; a node
 * that did not split has feature -1 and sends every line left.
 */

import { seededRandom } from '../../util/random.js';

export interface BoostedTrees {
  /** Log-odds every prediction starts from. */
  base: number;
  depth: number;
  /** Per tree: split feature of each internal node (2^depth - 1 of them; -1 = no split, go left). */
  features: number[][];
  /** Per tree: split threshold of each internal node (go left when value <= threshold). */
  thresholds: number[][];
  /** Per tree: value of each of the 2^depth leaves (already scaled by the learning rate). */
  leaves: number[][];
}

export interface BoostOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values (in units of the Hessian). */
  lambda: number;
  /** Smallest Hessian sum (weighted) a child may have. */
  minChildWeight: number;
  /** Largest number of candidate thresholds per feature. */
  bins: number;
  /** Share of the row groups (pages) each tree is fitted on, drawn afresh per tree (1: all). */
  subsample: number;
  /** Seed of the subsampling. */
  seed: number;
}

export const DEFAULT_BOOST: BoostOptions = {
  trees: 200,
  depth: 3,
  learningRate: 0.05,
  lambda: 5,
  minChildWeight: 2,
  bins: 48,
  subsample: 1,
  seed: 1,
};

/** Log-odds of one feature vector. */
export function predictMargin(model: BoostedTrees, x: ArrayLike<number>): number {
  let s = model.base;
  const inner = (1 << model.depth) - 1;
  for (let t = 0; t < model.features.length; t++) {
    const feats = model.features[t];
    const thr = model.thresholds[t];
    let node = 0;
    while (node < inner) {
      const f = feats[node];
      node = f < 0 || x[f] <= thr[node] ? 2 * node + 1 : 2 * node + 2;
    }
    s += model.leaves[t][node - inner];
  }
  return s;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Candidate thresholds of one feature: up to `bins` quantiles of its distinct values. */
function candidateThresholds(values: number[], bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  if (distinct.length <= 1) return [];
  if (distinct.length - 1 <= bins) return distinct.slice(0, -1);
  const out: number[] = [];
  for (let b = 1; b <= bins; b++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((b * sorted.length) / (bins + 1)))];
    if (v < distinct[distinct.length - 1] && (!out.length || v > out[out.length - 1])) out.push(v);
  }
  return out;
}

/**
 * Fit boosted trees to labels y (0/1) with example weights w. `groups` (one id per row, 0..G-1: the page
 * of each line) is what subsampling draws from, so a tree sees whole pages.
 */
export function trainBoostedTrees(
  X: ArrayLike<number>[],
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  opts: BoostOptions = DEFAULT_BOOST,
  groups?: ArrayLike<number>,
): BoostedTrees {
  const n = X.length;
  const nf = n ? X[0].length : 0;
  if (opts.bins > 255) throw new Error('trainBoostedTrees: at most 255 bins');
  const thresholds: number[][] = [];
  // bins[i * nf + f]: index of the first candidate threshold >= X[i][f] ("x <= thresholds[f][b]" for b >= it).
  const bins = new Uint8Array(n * nf);
  for (let f = 0; f < nf; f++) {
    const col: number[] = new Array(n);
    for (let i = 0; i < n; i++) col[i] = X[i][f];
    const th = candidateThresholds(col, opts.bins);
    thresholds.push(th);
    for (let i = 0; i < n; i++) {
      let lo = 0;
      let hi = th.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (col[i] <= th[mid]) hi = mid;
        else lo = mid + 1;
      }
      bins[i * nf + f] = lo;
    }
  }
  let wy = 0;
  let ws = 0;
  for (let i = 0; i < n; i++) {
    wy += w[i] * y[i];
    ws += w[i];
  }
  const prior = Math.min(0.999, Math.max(0.001, ws ? wy / ws : 0.5));
  const base = Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const inner = (1 << opts.depth) - 1;
  const model: BoostedTrees = { base, depth: opts.depth, features: [], thresholds: [], leaves: [] };
  const nodeOf = new Int32Array(n);
  const slots = opts.bins + 1;
  const ctx: SplitContext = { nf, slots, thresholds, opts };
  const random = seededRandom(opts.seed);
  let nGroups = 0;
  if (groups) for (let i = 0; i < n; i++) nGroups = Math.max(nGroups, groups[i] + 1);
  const inSample = new Uint8Array(Math.max(1, nGroups)).fill(1);
  for (let t = 0; t < opts.trees; t++) {
    if (groups && opts.subsample < 1)
      for (let k = 0; k < nGroups; k++) inSample[k] = random() < opts.subsample ? 1 : 0;
    for (let i = 0; i < n; i++) {
      const on = groups ? inSample[groups[i]] : 1;
      const p = sigmoid(margin[i]);
      g[i] = on * (p - y[i]) * w[i];
      h[i] = on * Math.max(1e-9, p * (1 - p)) * w[i];
    }
    const feats = new Array<number>(inner).fill(-1);
    const thr = new Array<number>(inner).fill(0);
    const splitBin = new Int32Array(inner);
    nodeOf.fill(0);
    // Histograms of the current level's nodes; a child's is its parent's minus its sibling's.
    let hists: (Float64Array | null)[] = [histogram(allRows(n), bins, g, h, nf, slots)];
    for (let level = 0; level < opts.depth; level++) {
      const first = (1 << level) - 1;
      hists.forEach((hist, k) => {
        const split = hist && bestSplit(hist, ctx);
        if (split) {
          feats[first + k] = split.feature;
          thr[first + k] = thresholds[split.feature][split.bin];
          splitBin[first + k] = split.bin;
        }
      });
      const rowsOf: number[][] = Array.from({ length: 2 << level }, () => []);
      const childFirst = 2 * first + 1;
      for (let i = 0; i < n; i++) {
        const node = nodeOf[i];
        const f = feats[node];
        nodeOf[i] = f < 0 || bins[i * nf + f] <= splitBin[node] ? 2 * node + 1 : 2 * node + 2;
        rowsOf[nodeOf[i] - childFirst].push(i);
      }
      if (level + 1 === opts.depth) break;
      const next: (Float64Array | null)[] = [];
      for (let k = 0; k < hists.length; k++) {
        const parent = hists[k];
        const left = rowsOf[2 * k];
        const right = rowsOf[2 * k + 1];
        if (!parent || feats[first + k] < 0) {
          // No split: every row went left; the right child is empty.
          next.push(parent, null);
          continue;
        }
        const small = left.length <= right.length ? left : right;
        const hs = histogram(small, bins, g, h, nf, slots);
        const hb = parent.map((v, i) => v - hs[i]);
        if (small === left) next.push(hs, hb);
        else next.push(hb, hs);
      }
      hists = next;
    }
    const G = new Float64Array(inner + 1);
    const H = new Float64Array(inner + 1);
    for (let i = 0; i < n; i++) {
      G[nodeOf[i] - inner] += g[i];
      H[nodeOf[i] - inner] += h[i];
    }
    const leaves = Array.from(G, (gs, k) => round6((-gs / (H[k] + opts.lambda)) * opts.learningRate));
    for (let i = 0; i < n; i++) margin[i] += leaves[nodeOf[i] - inner];
    model.features.push(feats);
    model.thresholds.push(thr);
    model.leaves.push(leaves);
  }
  return model;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function allRows(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Gradient and Hessian sums per (feature, bin) over the rows: [g, h] pairs at (f * slots + bin) * 2. */
function histogram(
  rows: number[],
  bins: Uint8Array,
  g: Float64Array,
  h: Float64Array,
  nf: number,
  slots: number,
): Float64Array {
  const out = new Float64Array(nf * slots * 2);
  for (const i of rows) {
    const gi = g[i];
    const hi = h[i];
    const base = i * nf;
    for (let f = 0; f < nf; f++) {
      const s = (f * slots + bins[base + f]) * 2;
      out[s] += gi;
      out[s + 1] += hi;
    }
  }
  return out;
}

interface SplitContext {
  nf: number;
  slots: number;
  thresholds: number[][];
  opts: BoostOptions;
}

/** The split with the largest gain (ties: the first feature, then the first bin), or null. */
function bestSplit(hist: Float64Array, { nf, slots, thresholds, opts }: SplitContext) {
  let G = 0;
  let H = 0;
  for (let b = 0; b < slots; b++) {
    G += hist[b * 2];
    H += hist[b * 2 + 1];
  }
  if (H < 2 * opts.minChildWeight) return null;
  const parent = (G * G) / (H + opts.lambda);
  let best = 1e-9;
  let out: { feature: number; bin: number } | null = null;
  for (let f = 0; f < nf; f++) {
    const nb = thresholds[f].length;
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < nb; b++) {
      const s = (f * slots + b) * 2;
      gl += hist[s];
      hl += hist[s + 1];
      const hr = H - hl;
      if (hl < opts.minChildWeight || hr < opts.minChildWeight) continue;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + opts.lambda) + (gr * gr) / (hr + opts.lambda) - parent;
      if (gain > best) {
        best = gain;
        out = { feature: f, bin: b };
      }
    }
  }
  return out;
}
