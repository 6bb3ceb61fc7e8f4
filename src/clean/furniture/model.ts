/**
 * The furniture model: two boosted-tree passes over a page's lines (the second sees the first's answers
 * for the neighbouring lines), and the probability below which a line is furniture. Also finding,
 * loading and checking the shipped file `models/clean/furniture.json.gz`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CleanLine } from '../types.js';
import { CONTEXT_FEATURES, LINE_FEATURES, contextFeatures, pageFeatures } from './features.js';
import { predictMargin, sigmoid, type BoostedTrees } from './gbdt.js';

export interface FurnitureModel {
  format: 'chronicle-furniture-1';
  /** Feature names of the two passes, checked against the code's on load. */
  features: string[];
  pass1: BoostedTrees;
  pass2: BoostedTrees;
  /** How probabilities become decisions (see `keepLines`). */
  decode: Decoding;
  /** How it was trained (data, options, seed): documentation only. */
  meta: Record<string, unknown>;
}

export const FEATURE_NAMES: string[] = [...LINE_FEATURES, ...CONTEXT_FEATURES];

/**
 * Decoding: the article is one stretch of the page. The stretch is the run of lines that maximises the sum
 * of (p - region) weighted by 1 + the line's words; inside it a line stays when p >= inside, outside it
 * only when p >= outside (a confident paragraph cut off from the rest by a large block of furniture).
 */
export interface Decoding {
  region: number;
  inside: number;
  outside: number;
}

/** Which of the scored lines stay. */
export function keepLines(p: number[], words: number[], d: Decoding): boolean[] {
  let best = 0;
  let from = 0;
  let to = -1;
  let sum = 0;
  let start = 0;
  for (let k = 0; k < p.length; k++) {
    if (sum <= 0) {
      sum = 0;
      start = k;
    }
    sum += (p[k] - d.region) * (1 + words[k]);
    if (sum > best) {
      best = sum;
      from = start;
      to = k;
    }
  }
  return p.map((x, k) => x >= (k >= from && k <= to ? d.inside : d.outside));
}

/**
 * Probability that each live line is article text, and whether it stays. Returns the indices (into
 * `lines`) of the lines scored, their probabilities and the decisions.
 */
export function scoreLines(
  model: FurnitureModel,
  lines: readonly CleanLine[],
): { indices: number[]; p: number[]; keep: boolean[] } {
  const page = pageFeatures(lines);
  const p1 = page.features.map((f) => sigmoid(predictMargin(model.pass1, f)));
  const p2 = contextFeatures(page, p1).map((f) => sigmoid(predictMargin(model.pass2, f)));
  return { indices: page.indices, p: p2, keep: keepLines(p2, page.words, model.decode) };
}

export const MODEL_FILE = join('models', 'clean', 'furniture.json.gz');

/** The shipped model's path: searched upwards from this module (works from src/ and from dist/src/). */
export function defaultModelPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    const p = join(dir, MODEL_FILE);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`furniture model ${MODEL_FILE} not found above ${dirname(fileURLToPath(import.meta.url))}`);
}

function checkTrees(t: BoostedTrees, width: number, path: string, pass: string): void {
  const inner = (1 << t.depth) - 1;
  const ok =
    Number.isInteger(t.depth) &&
    t.depth > 0 &&
    t.depth <= 12 &&
    typeof t.base === 'number' &&
    t.features.length === t.thresholds.length &&
    t.features.length === t.leaves.length &&
    t.features.every((f) => f.length === inner && f.every((x) => Number.isInteger(x) && x < width)) &&
    t.thresholds.every((f) => f.length === inner) &&
    t.leaves.every((l) => l.length === inner + 1);
  if (!ok) throw new Error(`${path}: malformed ${pass} trees`);
}

/** Parse and check a model file's bytes (gzipped or plain JSON). */
export function decodeFurnitureModel(bytes: Uint8Array, path: string): FurnitureModel {
  let m: FurnitureModel;
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    m = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch (e) {
    throw new Error(`${path}: not a furniture model (${(e as Error).message})`);
  }
  if (m?.format !== 'chronicle-furniture-1') throw new Error(`${path}: not a chronicle-furniture-1 model`);
  if (m.features.join(',') !== FEATURE_NAMES.join(','))
    throw new Error(`${path}: trained with other features than this code computes; retrain it`);
  checkTrees(m.pass1, LINE_FEATURES.length, path, 'first-pass');
  checkTrees(m.pass2, FEATURE_NAMES.length, path, 'second-pass');
  const d = m.decode;
  if (![d?.region, d?.inside, d?.outside].every((x) => typeof x === 'number' && x >= 0 && x <= 1.01))
    throw new Error(`${path}: malformed decoding thresholds`);
  return m;
}

let cached: FurnitureModel | null = null;

/** The shipped model, loaded on first use. */
export function shippedFurnitureModel(): FurnitureModel {
  if (!cached) {
    const path = defaultModelPath();
    cached = decodeFurnitureModel(readFileSync(path), path);
  }
  return cached;
}

/** The model file's bytes: gzipped JSON (deterministic: the same model gives the same bytes). */
export function encodeFurnitureModel(model: FurnitureModel): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(model) + '\n', 'utf8'), { level: 9 });
}
