/** Finding and loading the shipped model (`models/ner/ner.bin.gz` at the package root), once per process. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel } from './model-file.js';
import type { NerModel } from './tagger.js';

export const MODEL_FILE = join('models', 'ner', 'ner.bin.gz');

/** The shipped model's path: searched upwards from this module (works from src/ and from dist/src/). */
export function defaultModelPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const p = join(dir, MODEL_FILE);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`NER model ${MODEL_FILE} not found above ${dirname(fileURLToPath(import.meta.url))}`);
}

export function loadModelFile(path: string): NerModel & { meta: Record<string, unknown> } {
  return decodeModel(readFileSync(path), path);
}

let cached: (NerModel & { meta: Record<string, unknown> }) | null = null;

/** The shipped model, loaded on first use. */
export function shippedModel(): NerModel & { meta: Record<string, unknown> } {
  if (!cached) cached = loadModelFile(defaultModelPath());
  return cached;
}
