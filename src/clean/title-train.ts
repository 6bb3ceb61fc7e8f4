/**
 * Training the headline model (src/clean/title.ts): a conditional logit over each page's candidate lines
 * plus a "no headline" option of score 0, fitted by full-batch gradient descent with L2 regularisation.
 * Deterministic: no sampling, a fixed number of steps, weights rounded when saved.
 */
import { TITLE_FEATURES, type TitleCandidate, type TitleModel } from './title.js';

export interface TitleTrainingPage {
  candidates: TitleCandidate[];
  /** Indices (into `candidates`) of lines that are the headline; empty when none is (the page has none). */
  positives: number[];
}

export interface TitleTrainOptions {
  l2: number;
  steps: number;
  rate: number;
}

export const TITLE_TRAIN_DEFAULTS: TitleTrainOptions = { l2: 0.01, steps: 3000, rate: 0.5 };

/** A page's candidate features as one flat row-major array (fast to score many times). */
interface PackedPage {
  x: Float64Array;
  rows: number;
  positives: number[];
}

function pack(page: TitleTrainingPage, d: number): PackedPage {
  const x = new Float64Array(page.candidates.length * d);
  page.candidates.forEach((c, i) => x.set(c.features, i * d));
  return { x, rows: page.candidates.length, positives: page.positives };
}

/** Mean negative log-likelihood and its gradient at `w` (L2 term included). */
function lossAndGradient(pages: PackedPage[], w: Float64Array, l2: number, grad: Float64Array): number {
  const d = w.length;
  grad.fill(0);
  let loss = 0;
  for (const { x, rows, positives } of pages) {
    const scores = new Float64Array(rows);
    let max = 0;
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[i * d + k] * w[k];
      scores[i] = s;
      if (s > max) max = s;
    }
    let zAll = Math.exp(-max);
    for (let i = 0; i < rows; i++) zAll += scores[i] = Math.exp(scores[i] - max);
    let zPos = positives.length ? 0 : Math.exp(-max);
    for (const i of positives) zPos += scores[i];
    loss += Math.log(zAll) - Math.log(zPos);
    for (let i = 0; i < rows; i++) {
      const p = scores[i] / zAll;
      if (p > 1e-12) for (let k = 0; k < d; k++) grad[k] += p * x[i * d + k];
    }
    for (const i of positives) {
      const p = scores[i] / zPos;
      for (let k = 0; k < d; k++) grad[k] -= p * x[i * d + k];
    }
  }
  const n = Math.max(1, pages.length);
  let norm = 0;
  for (let k = 0; k < d; k++) {
    grad[k] = grad[k] / n + l2 * w[k];
    norm += w[k] * w[k];
  }
  return loss / n + (l2 / 2) * norm;
}

/** Fit the weights; returns the model with its training loss in `meta`. */
export function trainTitleModel(
  pages: TitleTrainingPage[],
  options: TitleTrainOptions = TITLE_TRAIN_DEFAULTS,
): TitleModel {
  const d = TITLE_FEATURES.length;
  const packed = pages.map((p) => pack(p, d));
  const w = new Float64Array(d);
  const grad = new Float64Array(d);
  let loss = Infinity;
  for (let step = 0; step < options.steps; step++) {
    loss = lossAndGradient(packed, w, options.l2, grad);
    for (let k = 0; k < d; k++) w[k] -= options.rate * grad[k];
  }
  return {
    features: [...TITLE_FEATURES],
    weights: Array.from(w, (x) => Math.round(x * 1e6) / 1e6),
    meta: { loss: Math.round(loss * 1e6) / 1e6, pages: pages.length, ...options },
  };
}
