/**
 * Document-level K-fold cross-validation of the entity tagger on a CoNLL training file (eng.train): the
 * documents (-DOCSTART-) are cut into K runs of consecutive documents (no shuffling, so the folds are fixed;
 * neighbouring Reuters stories share names and stay together, which makes the held-out run harder than a
 * random split would); each fold trains on the other runs (gazetteer and jackknife included) and is scored
 * on its own run with the full tagger as shipped (encoded, pruned and quantised, then the refiners).
 * Evaluation only: training is src/nlp/ner/train.ts; scripts/train-ner.ts and `chronicle eval ner --cv`
 * call this.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { WordClusters, type ClusterFeatureSpec } from '../nlp/ner/clusters.js';
import { decodeModel, encodeModel } from '../nlp/ner/model-file.js';
import { tagDocument, type NerModel } from '../nlp/ner/tagger.js';
import { trainNer, type TrainOptions, type TrainingDocument } from '../nlp/ner/train.js';
import {
  documentsOf,
  scoreTagged,
  tagConll,
  type ConllDocument,
  type ConllFile,
  type ConllScore,
} from './conll.js';

/** Training settings plus the pruning threshold of the encoded model. */
export type NerTrainSettings = TrainOptions & { prune: number };

/** What the model file's header records about how it was trained. */
export function settingsMeta(s: NerTrainSettings): Record<string, unknown> {
  return {
    seed: s.seed,
    iterations: s.iterations,
    folds: s.folds,
    twoPass: s.twoPass,
    prune: s.prune,
    clusters: s.clusters ? { words: s.clusters.paths.size, ...s.clusters.spec } : null,
  };
}

/** A cluster table file (scripts/train-clusters.ts's gzip'd "bits\tword" lines) with the features to build. */
export function readClusters(path: string, spec: ClusterFeatureSpec): WordClusters {
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (e) {
    throw new Error(`${path}: not a readable gzip'd cluster table (${(e as Error).message})`);
  }
  return WordClusters.fromText(text, spec, path);
}

const asTraining = (d: ConllDocument): TrainingDocument => ({
  words: d.map((s) => s.map((t) => t.word)),
  tags: d.map((s) => s.map((t) => t.gold)),
});

/** Train on CoNLL documents, then encode and decode as shipped (pruning and quantisation included). */
export function trainEncoded(
  docs: ConllDocument[],
  settings: NerTrainSettings,
  meta: Record<string, unknown>,
): { buf: Buffer; model: NerModel } {
  const model = trainNer(docs.map(asTraining), settings);
  const buf = encodeModel(model, settings.prune, { ...meta, ...settingsMeta(settings) });
  return { buf, model: decodeModel(buf) };
}

export interface CvFold {
  fold: number;
  documents: number;
  score: ConllScore;
  seconds: number;
}

export interface CvResult {
  K: number;
  folds: CvFold[];
  /** Mean, sample standard deviation, min and max of the folds' overall F1. */
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/** Fold (1..K) of document d of D: K runs of consecutive documents. */
export const cvFoldOf = (d: number, D: number, K: number): number => Math.floor((d * K) / D) + 1;

/**
 * Cross-validate on `train` (folds 1..K, or only `only`); `onFold` hears each fold as it finishes.
 * Throws on K < 2, a fold outside 1..K, or fewer documents than folds.
 */
export function crossValidateNer(
  train: ConllFile,
  K: number,
  settings: NerTrainSettings,
  only?: number[],
  onFold?: (f: CvFold) => void,
): CvResult {
  const docs = documentsOf(train);
  if (!(Number.isInteger(K) && K >= 2)) throw new Error(`cross-validation needs K >= 2 folds (got ${K})`);
  if (docs.length < K) throw new Error(`${train.file}: ${docs.length} documents, fewer than ${K} folds`);
  const which = only ?? Array.from({ length: K }, (_, k) => k + 1);
  for (const k of which) if (!(k >= 1 && k <= K)) throw new Error(`fold ${k}: folds are 1..${K}`);
  const folds: CvFold[] = [];
  for (const k of which) {
    const t0 = performance.now();
    const held = docs.filter((_, d) => cvFoldOf(d, docs.length, K) === k);
    const { model } = trainEncoded(
      docs.filter((_, d) => cvFoldOf(d, docs.length, K) !== k),
      settings,
      {},
    );
    const heldFile: ConllFile = { ...train, documents: held, hasDocStarts: true };
    const score = scoreTagged(tagConll(heldFile, (doc) => tagDocument(model, doc)));
    const f: CvFold = { fold: k, documents: held.length, score, seconds: (performance.now() - t0) / 1000 };
    folds.push(f);
    onFold?.(f);
  }
  const fs = folds.map((f) => f.score.overall.f);
  const mean = fs.reduce((a, b) => a + b, 0) / fs.length;
  const sd = Math.sqrt(fs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, fs.length - 1));
  return { K, folds, mean, sd, min: Math.min(...fs), max: Math.max(...fs) };
}
