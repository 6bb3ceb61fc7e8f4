/**
 * Fitting the timeline method's linear models, deterministically (no random start, no sampling: the same
 * data gives the same bytes; nothing random, so no seed): features standardised, then a listwise ranking
 * loss minimised by Newton's method. Both models rank candidates within a group (a task's days, a day's
 * sentences), so only how a candidate compares with the others of its group is learned. Weights are rounded
 * to 6 significant digits, so a model written to JSON and read back scores exactly as the one in memory.
 */
import type { LinearModel } from './models.js';

export const round6 = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(6)));

/** Mean and scale (standard deviation, 1 for a constant feature) of each column. */
function standardisation(rows: readonly ArrayLike<number>[], p: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(p).fill(0);
  const sq = new Array<number>(p).fill(0);
  for (const r of rows) for (let j = 0; j < p; j++) mean[j]! += r[j]!;
  for (let j = 0; j < p; j++) mean[j] = round6(rows.length ? mean[j]! / rows.length : 0);
  for (const r of rows) for (let j = 0; j < p; j++) sq[j]! += (r[j]! - mean[j]!) ** 2;
  const scale = sq.map((s) => {
    const sd = rows.length ? Math.sqrt(s / rows.length) : 0;
    return sd > 1e-9 ? round6(sd) : 1;
  });
  return { mean, scale };
}

/** Solve A x = b (A symmetric positive definite, p × p, row-major) by Gaussian elimination with pivoting. */
export function solve(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(M[r * p + c]!) > Math.abs(M[piv * p + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < p; k++) {
        const t = M[c * p + k]!;
        M[c * p + k] = M[piv * p + k]!;
        M[piv * p + k] = t;
      }
      const t = x[c]!;
      x[c] = x[piv]!;
      x[piv] = t;
    }
    const d = M[c * p + c]!;
    if (Math.abs(d) < 1e-300) continue;
    for (let r = c + 1; r < p; r++) {
      const f = M[r * p + c]! / d;
      if (!f) continue;
      for (let k = c; k < p; k++) M[r * p + k]! -= f * M[c * p + k]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let c = p - 1; c >= 0; c--) {
    let s = x[c]!;
    for (let k = c + 1; k < p; k++) s -= M[c * p + k]! * x[k]!;
    const d = M[c * p + c]!;
    x[c] = Math.abs(d) < 1e-300 ? 0 : s / d;
  }
  return x;
}

/**
 * Listwise ranking (ListNet top-one, Cao et al. 2007): within each group, the softmax of the linear scores
 * is fitted to the softmax of the targets at `temperature` (cross-entropy, convex; + l2·|w|²), by Newton's
 * method. Unlike a regression it spends the model on telling the best candidates of a group from the rest.
 * Groups with constant targets carry no information and are skipped.
 */
export function fitListwise(
  features: readonly string[],
  rows: readonly ArrayLike<number>[],
  targets: readonly number[],
  groups: readonly number[],
  l2: number,
  temperature: number,
  iterations = 50,
): LinearModel {
  const p = features.length;
  const { mean, scale } = standardisation(rows, p);
  const byGroup = new Map<number, number[]>();
  groups.forEach((g, i) => {
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(i);
  });
  // informative groups, their rows standardised into one flat array, their target distributions
  const order: number[] = [];
  const bounds: number[] = [0];
  const qs: number[] = [];
  for (const g of [...byGroup.keys()].sort((a, b) => a - b)) {
    const idx = byGroup.get(g)!;
    let top = -Infinity;
    let low = Infinity;
    for (const i of idx) {
      top = Math.max(top, targets[i]!);
      low = Math.min(low, targets[i]!);
    }
    if (top - low < 1e-12) continue;
    let sum = 0;
    const e = idx.map((i) => Math.exp((targets[i]! - top) / temperature));
    for (const x of e) sum += x;
    for (const x of e) qs.push(x / sum);
    order.push(...idx);
    bounds.push(order.length);
  }
  const n = order.length;
  const Z = new Float64Array(n * p);
  order.forEach((i, r) => {
    const row = rows[i]!;
    for (let j = 0; j < p; j++) Z[r * p + j] = (row[j]! - mean[j]!) / scale[j]!;
  });
  const nLists = bounds.length - 1 || 1;
  const w = new Float64Array(p);
  const s = new Float64Array(n);
  const pr = new Float64Array(n);
  const xbar = new Float64Array(p);
  const d = new Float64Array(p);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(p);
    const H = new Float64Array(p * p);
    for (let r = 0; r < n; r++) {
      let v = 0;
      for (let j = 0; j < p; j++) v += w[j]! * Z[r * p + j]!;
      s[r] = v;
    }
    for (let b = 0; b + 1 < bounds.length; b++) {
      const lo = bounds[b]!;
      const hi = bounds[b + 1]!;
      let top = -Infinity;
      for (let r = lo; r < hi; r++) top = Math.max(top, s[r]!);
      let sum = 0;
      for (let r = lo; r < hi; r++) sum += pr[r] = Math.exp(s[r]! - top);
      xbar.fill(0);
      for (let r = lo; r < hi; r++) {
        pr[r]! /= sum;
        for (let j = 0; j < p; j++) xbar[j]! += pr[r]! * Z[r * p + j]!;
      }
      for (let r = lo; r < hi; r++) {
        const pk = pr[r]!;
        const gk = (pk - qs[r]!) / nLists;
        const off = r * p;
        for (let j = 0; j < p; j++) g[j]! += gk * Z[off + j]!;
        if (pk < 1e-10) continue;
        const f = pk / nLists;
        for (let j = 0; j < p; j++) d[j] = Z[off + j]! - xbar[j]!;
        for (let j = 0; j < p; j++) {
          const fj = f * d[j]!;
          const row = j * p;
          for (let l = 0; l <= j; l++) H[row + l]! += fj * d[l]!;
        }
      }
    }
    for (let j = 0; j < p; j++) {
      for (let l = 0; l < j; l++) H[l * p + j] = H[j * p + l]!;
      g[j]! += 2 * l2 * w[j]!;
      H[j * p + j]! += 2 * l2;
    }
    const step = solve(H, g, p);
    let change = 0;
    for (let j = 0; j < p; j++) {
      w[j]! -= step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-7) break;
  }
  return { features: [...features], mean, scale, weights: [...w].map(round6), bias: 0 };
}
