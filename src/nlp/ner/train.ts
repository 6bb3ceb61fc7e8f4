/**
 * Training of the entity tagger (used by scripts/train-ner.ts). Deterministic: the only randomness is
 * the sentence order of each epoch, drawn from a seeded generator.
 *
 * Features that depend on other annotations are built the way they will look at tagging time on unseen
 * text: gazetteer hits for a training document come from a gazetteer built from the other folds, and the
 * second pass's "label elsewhere in the document" features come from first-pass models that never saw
 * that document (jackknifing). Otherwise the model would learn to trust them blindly.
 */
import type { WordClusters } from './clusters.js';
import { documentEvidence, prepareDocument } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { Trainer } from './perceptron.js';
import { combinePasses, featuresOfDocument, labelsElsewhere, type NerModel } from './tagger.js';
import { TAGS, TAG_INDEX, iobToBilou, spansFromIob } from './tags.js';
import { seededRandom, shuffleInPlace } from '../../util/random.js';
export { seededRandom };

export interface TrainingDocument {
  /** Sentences of words. */
  words: string[][];
  /** IOB1/IOB2 tags, same shape. */
  tags: string[][];
}

export interface TrainOptions {
  seed: number;
  /** Epochs over the training sentences, for each pass. */
  iterations: number;
  /** Folds for jackknifed gazetteer and second-pass features. */
  folds: number;
  /** Train the second (document-consistency) pass. */
  twoPass: boolean;
  /** Word clusters for the cluster features (none if absent). */
  clusters?: WordClusters | null;
  log?: (line: string) => void;
}

/**
 * The shipped model's settings (global; epochs, jackknife folds and pruning were chosen on eng.testa
 * before clusters existed; the cluster features by 5-fold document cross-validation on eng.train, see
 * models/ner/README.md). `clusterFeatures` says which features the word-cluster table gives.
 */
export const SHIPPED_SETTINGS = {
  seed: 1,
  iterations: 10,
  folds: 4,
  twoPass: true,
  prune: 0.05,
  clusterFeatures: { own: [4, 6, 10, 20], context: [] as number[], offsets: [] as number[] },
};

class Interner {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  intern(feats: string[]): Int32Array {
    const out = new Int32Array(feats.length);
    for (let k = 0; k < feats.length; k++) {
      let id = this.ids.get(feats[k]);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(feats[k], id);
        this.names.push(feats[k]);
      }
      out[k] = id;
    }
    return out;
  }
}

interface Instance {
  doc: number;
  sent: number;
  feats: Int32Array[];
  gold: Uint8Array;
}

function trainOn(instances: Instance[], iterations: number, seed: number): Trainer {
  const trainer = new Trainer();
  const rand = seededRandom(seed);
  const order = instances.map((_, i) => i);
  for (let it = 0; it < iterations; it++) {
    shuffleInPlace(order, rand);
    for (const idx of order) {
      const inst = instances[idx];
      const pred = trainer.predict(inst.feats);
      let same = true;
      for (let k = 0; k < pred.length; k++) if (pred[k] !== inst.gold[k]) same = false;
      if (!same) trainer.update(inst.feats, inst.gold, pred);
      trainer.step++;
    }
  }
  return trainer;
}

function gazetteerOf(docs: TrainingDocument[]): Gazetteer {
  const occ: Array<{ tokens: string[]; type: string }> = [];
  for (const d of docs)
    d.words.forEach((ws, s) => {
      for (const sp of spansFromIob(d.tags[s]))
        occ.push({ tokens: ws.slice(sp.start, sp.end), type: sp.type });
    });
  return Gazetteer.build(occ);
}

export function trainNer(rawDocs: TrainingDocument[], opts: TrainOptions): NerModel {
  const log = opts.log ?? (() => {});
  const docs = rawDocs.map((d) => ({ words: prepareDocument(d.words), tags: d.tags }));
  const K = Math.max(2, opts.folds);
  const foldOf = (d: number) => d % K;
  const clusters = opts.clusters ?? null;
  const foldGaz: Gazetteer[] = [];
  for (let k = 0; k < K; k++) foldGaz.push(gazetteerOf(docs.filter((_, d) => foldOf(d) !== k)));
  const gazetteer = gazetteerOf(docs);
  const evidence = docs.map((d) => documentEvidence(d.words));
  const gold = docs.map((d) =>
    d.tags.map((ts) => Uint8Array.from(iobToBilou(ts).map((t) => TAG_INDEX.get(t)!))),
  );

  const interner = new Interner();
  const pass1: Instance[] = [];
  docs.forEach((d, di) => {
    const feats = featuresOfDocument(d.words, foldGaz[foldOf(di)], evidence[di], null, clusters);
    feats.forEach((f, s) =>
      pass1.push({ doc: di, sent: s, feats: f.map((x) => interner.intern(x)), gold: gold[di][s] }),
    );
  });
  log(`pass 1: ${pass1.length} sentences, ${interner.names.length} features`);
  const t1 = trainOn(pass1, opts.iterations, opts.seed);
  const frozen1 = t1.freeze(interner.names);
  if (!opts.twoPass) return combinePasses([frozen1], gazetteer, clusters);

  // Jackknifed first-pass labels for the second pass.
  const predicted: string[][][] = docs.map((d) => d.words.map((ws) => ws.map(() => 'O')));
  for (let k = 0; k < K; k++) {
    const tk = trainOn(
      pass1.filter((inst) => foldOf(inst.doc) !== k),
      opts.iterations,
      opts.seed + k + 1,
    );
    for (const inst of pass1) {
      if (foldOf(inst.doc) !== k) continue;
      predicted[inst.doc][inst.sent] = tk.predict(inst.feats).map((t) => TAGS[t]);
    }
    log(`pass 1 fold ${k + 1}/${K} done`);
  }
  const pass2: Instance[] = [];
  docs.forEach((d, di) => {
    const labels = labelsElsewhere(d.words, predicted[di]);
    const feats = featuresOfDocument(
      d.words,
      foldGaz[foldOf(di)],
      evidence[di],
      { labels, firstPass: predicted[di] },
      clusters,
    );
    feats.forEach((f, s) =>
      pass2.push({ doc: di, sent: s, feats: f.map((x) => interner.intern(x)), gold: gold[di][s] }),
    );
  });
  log(`pass 2: ${interner.names.length} features`);
  const t2 = trainOn(pass2, opts.iterations, opts.seed + 1000);
  return combinePasses([frozen1, t2.freeze(interner.names)], gazetteer, clusters);
}
