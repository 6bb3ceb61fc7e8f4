/**
 * The learned parts of the timeline method: a date model (logistic regression: is this day a timeline
 * date?) and a sentence model (ridge regression: how much of the day's reference summary does this
 * sentence hold?), both linear over standardised features (src/timeline/features.ts). They are trained by
 * Chronicle (src/eval/tls-train.ts, `scripts/train-tls.ts`) and shipped as one small JSON file,
 * `models/tls/timeline-models.json` (see its README), loaded once per process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATE_FEATURES, SENTENCE_FEATURES } from './features.js';
import { DEFAULT_PARAMS } from './params.js';

export type { LinearModel, TimelineModels } from '../model.js';
import type { LinearModel, TimelineModels } from '../model.js';

/** The model's linear score of a feature row (monotone in its probability / prediction). */
export function linearScore(m: LinearModel, x: ArrayLike<number>): number {
  let s = m.bias;
  for (let i = 0; i < m.weights.length; i++) s += (m.weights[i]! * (x[i]! - m.mean[i]!)) / m.scale[i]!;
  return s;
}

export const MODELS_FILE = join('models', 'tls', 'timeline-models.json');

function checkLinear(m: unknown, names: readonly string[], what: string, path: string): LinearModel {
  const bad = (msg: string) => new Error(`${path}: ${what} model: ${msg}`);
  if (!m || typeof m !== 'object') throw bad('missing');
  const o = m as Record<string, unknown>;
  const nums = (k: string) => {
    const v = o[k];
    if (
      !Array.isArray(v) ||
      v.length !== names.length ||
      !v.every((x) => typeof x === 'number' && isFinite(x))
    )
      throw bad(`"${k}" must be ${names.length} finite numbers`);
    return v as number[];
  };
  if (!Array.isArray(o.features) || o.features.join(',') !== names.join(','))
    throw bad(`features differ from the method's (${names.join(', ')}): retrain with scripts/train-tls.ts`);
  const scale = nums('scale');
  if (scale.some((x) => x <= 0)) throw bad('"scale" must be positive');
  if (typeof o.bias !== 'number' || !isFinite(o.bias)) throw bad('"bias" must be a finite number');
  return { features: [...names], mean: nums('mean'), scale, weights: nums('weights'), bias: o.bias };
}

/** Parse and check a models file (feature lists must be the method's own). */
export function parseModels(text: string, path = MODELS_FILE): TimelineModels {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not JSON (${(e as Error).message})`);
  }
  const o = (data ?? {}) as Record<string, unknown>;
  if (o.format !== 1) throw new Error(`${path}: unknown format ${String(o.format)} (expected 1)`);
  return {
    format: 1,
    date: checkLinear(o.date, DATE_FEATURES, 'date', path),
    sentence: checkLinear(o.sentence, SENTENCE_FEATURES, 'sentence', path),
    meta: (o.meta as Record<string, unknown>) ?? undefined,
  };
}

/** The models file's text: one line per array, so a diff shows which weights moved. */
export function formatModels(m: TimelineModels): string {
  const model = (lm: LinearModel) =>
    `{\n    "features": ${JSON.stringify(lm.features)},\n    "mean": ${JSON.stringify(lm.mean)},\n` +
    `    "scale": ${JSON.stringify(lm.scale)},\n    "weights": ${JSON.stringify(lm.weights)},\n    "bias": ${lm.bias}\n  }`;
  return (
    `{\n  "format": 1,\n  "meta": ${JSON.stringify(m.meta ?? {})},\n  "date": ${model(m.date)},\n` +
    `  "sentence": ${model(m.sentence)}\n}\n`
  );
}

/** The shipped file's path: searched upwards from this module (works from src/ and from dist/). */
export function defaultModelsPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const p = join(dir, MODELS_FILE);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(
    `timeline models ${MODELS_FILE} not found above ${dirname(fileURLToPath(import.meta.url))}`,
  );
}

let shipped: TimelineModels | undefined;

/** The shipped models, loaded on first use. */
export function shippedModels(): TimelineModels {
  if (!shipped) {
    const path = defaultModelsPath();
    shipped = parseModels(readFileSync(path, 'utf8'), path);
  }
  return shipped;
}

let fingerprint: string | undefined;

/**
 * A short fingerprint of the shipped method (its default parameters and learned models): stored timelines
 * are keyed by it, so a store built with an earlier method rebuilds them instead of serving stale ones.
 */
export function methodFingerprint(): string {
  fingerprint ??= createHash('sha256')
    .update(JSON.stringify(DEFAULT_PARAMS))
    .update(formatModels(shippedModels()))
    .digest('hex')
    .slice(0, 12);
  return fingerprint;
}
