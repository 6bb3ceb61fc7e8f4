/**
 * A first-order structured perceptron over BILOU tags: per-token feature weights (emissions) plus
 * tag-to-tag transition weights, decoded with Viterbi restricted to well-formed BILOU sequences.
 * Training averages the weights (Collins 2002) with the w - u/c trick, so no per-step copies are needed.
 */
import { ALLOWED, CAN_END, CAN_START, NUM_TAGS } from './tags.js';

const T = NUM_TAGS;

/** For each tag, the tags allowed before it (so Viterbi skips impossible transitions without testing them). */
const PREDECESSORS: Int32Array[] = [];
for (let c = 0; c < T; c++) {
  const ps: number[] = [];
  for (let p = 0; p < T; p++) if (ALLOWED[p * T + c]) ps.push(p);
  PREDECESSORS.push(Int32Array.from(ps));
}

/** Viterbi's work arrays, reused from call to call (grown as needed). */
let scoreBuf = new Float64Array(64 * T);
let backBuf = new Int32Array(64 * T);

/**
 * Best well-formed tag sequence (tag indices) given emission scores emit[i * stride + offset + tag]
 * (by default emit[i * T + tag]; the tagger keeps both passes' scores of a token side by side).
 */
export function viterbi(
  emit: Float64Array,
  n: number,
  trans: ArrayLike<number>,
  start: ArrayLike<number>,
  stride: number = T,
  offset = 0,
): number[] {
  if (!n) return [];
  if (scoreBuf.length < n * T) {
    scoreBuf = new Float64Array(2 * n * T);
    backBuf = new Int32Array(2 * n * T);
  }
  // Every cell read below is written first, so the reused buffers need no clearing.
  const score = scoreBuf;
  const back = backBuf;
  for (let c = 0; c < T; c++) score[c] = CAN_START[c] ? emit[offset + c] + start[c] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prevBase = (i - 1) * T;
    for (let c = 0; c < T; c++) {
      let best = -Infinity;
      let arg = 0;
      const preds = PREDECESSORS[c];
      for (let x = 0; x < preds.length; x++) {
        const p = preds[x];
        const s = score[prevBase + p] + trans[p * T + c];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + c] = best + emit[i * stride + offset + c];
      back[i * T + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < T; c++) {
    if (!CAN_END[c]) continue;
    const s = score[(n - 1) * T + c];
    if (s > best) {
      best = s;
      arg = c;
    }
  }
  const out = new Array<number>(n);
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
  return out;
}

/** Weights for training over interned feature ids, with averaging. */
export class Trainer {
  w = new Float64Array(1 << 16);
  u = new Float64Array(1 << 16);
  transitions = new Float64Array(T * T);
  start = new Float64Array(T);
  private transU = new Float64Array(T * T);
  private startU = new Float64Array(T);
  /** Number of training instances seen (the averaging clock). */
  step = 1;

  private ensure(id: number): void {
    const need = (id + 1) * T;
    if (need <= this.w.length) return;
    let size = this.w.length;
    while (size < need) size *= 2;
    const w = new Float64Array(size);
    w.set(this.w);
    const u = new Float64Array(size);
    u.set(this.u);
    this.w = w;
    this.u = u;
  }

  emit(feats: Int32Array[]): Float64Array {
    const n = feats.length;
    const out = new Float64Array(n * T);
    const W = this.w;
    const lim = W.length;
    for (let i = 0; i < n; i++) {
      const o = i * T;
      for (const id of feats[i]) {
        const base = id * T;
        if (base >= lim) continue;
        for (let k = 0; k < T; k++) out[o + k] += W[base + k];
      }
    }
    return out;
  }

  predict(feats: Int32Array[]): number[] {
    return viterbi(this.emit(feats), feats.length, this.transitions, this.start);
  }

  /** One perceptron update for a sentence: reward gold, penalise the prediction where they differ. */
  update(feats: Int32Array[], gold: ArrayLike<number>, pred: number[]): void {
    const n = gold.length;
    const c = this.step;
    for (let i = 0; i < n; i++) {
      const g = gold[i];
      const p = pred[i];
      if (g !== p) {
        for (const id of feats[i]) {
          this.ensure(id);
          const base = id * T;
          this.w[base + g] += 1;
          this.u[base + g] += c;
          this.w[base + p] -= 1;
          this.u[base + p] -= c;
        }
      }
      const gPrev = i ? gold[i - 1] : -1;
      const pPrev = i ? pred[i - 1] : -1;
      if (gPrev !== pPrev || g !== p) {
        if (i === 0) {
          this.start[g] += 1;
          this.startU[g] += c;
          this.start[p] -= 1;
          this.startU[p] -= c;
        } else {
          this.transitions[gPrev * T + g] += 1;
          this.transU[gPrev * T + g] += c;
          this.transitions[pPrev * T + p] -= 1;
          this.transU[pPrev * T + p] -= c;
        }
      }
    }
  }

  /** The averaged weights as a frozen model over feature names (`names[id]`). */
  freeze(names: string[]): FrozenWeights {
    const c = this.step;
    const rows = Math.min(names.length, this.w.length / T);
    const index = new Map<string, number>();
    const kept: number[] = [];
    for (let id = 0; id < rows; id++) {
      let any = false;
      for (let k = 0; k < T; k++) if (this.w[id * T + k] !== 0 || this.u[id * T + k] !== 0) any = true;
      if (any) kept.push(id);
    }
    const weights = new Float32Array(kept.length * T);
    kept.forEach((id, r) => {
      index.set(names[id], r);
      for (let k = 0; k < T; k++) weights[r * T + k] = this.w[id * T + k] - this.u[id * T + k] / c;
    });
    const transitions = new Float32Array(T * T);
    for (let k = 0; k < T * T; k++) transitions[k] = this.transitions[k] - this.transU[k] / c;
    const start = new Float32Array(T);
    for (let k = 0; k < T; k++) start[k] = this.start[k] - this.startU[k] / c;
    return new FrozenWeights(index, weights, transitions, start);
  }
}

/** Read-only weights for tagging: one flat array, features mapped to row offsets. */
export class FrozenWeights {
  constructor(
    readonly index: Map<string, number>,
    readonly weights: Float32Array,
    readonly transitions: Float32Array,
    readonly start: Float32Array,
  ) {}

  emit(feats: string[][]): Float64Array {
    const n = feats.length;
    const out = new Float64Array(n * T);
    const W = this.weights;
    for (let i = 0; i < n; i++) {
      const o = i * T;
      for (const f of feats[i]) {
        const row = this.index.get(f);
        if (row === undefined) continue;
        const base = row * T;
        for (let k = 0; k < T; k++) out[o + k] += W[base + k];
      }
    }
    return out;
  }

  predict(feats: string[][]): number[] {
    return viterbi(this.emit(feats), feats.length, this.transitions, this.start);
  }
}
