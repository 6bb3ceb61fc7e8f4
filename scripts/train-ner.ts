/**
 * Reproduces the shipped entity model, and cross-validates its settings.
 *
 *   npx tsx scripts/train-ner.ts <conll2003-dir> [--out FILE] [settings]
 * trains on <dir>/eng.train only with the word clusters of models/ner/clusters.txt.gz (made by
 * scripts/train-clusters.ts), writes models/ner/ner.bin.gz, reloads it and prints the conlleval F1 on
 * <dir>/eng.testa, which no setting was chosen on (held out). Deterministic for given settings.
 *
 *   npx tsx scripts/train-ner.ts <conll2003-dir> --cv 5 [--fold 1,2] [settings]
 * document-level K-fold cross-validation on eng.train: the documents (-DOCSTART-) are cut into K runs
 * of consecutive documents; each fold trains on the other runs (gazetteer included) and is scored on
 * its own run with the full tagger (encoded, pruned and quantised as shipped, then the refiners). Prints
 * each fold's F1 and the mean ± standard deviation (and range) over the folds run; --fold runs some
 * folds only (to spread the work), --iterations fewer epochs while exploring. eng.testa is not read.
 *
 * Hyper-parameters (global, chosen by 5-fold CV on eng.train; see models/ner/README.md): DEFAULTS.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { documentsOf, parseConll, scoreTagged, tagConll, type ConllDocument } from '../src/eval/conll.js';
import { WordClusters, type ClusterFeatureSpec } from '../src/nlp/ner/clusters.js';
import { decodeModel, encodeModel } from '../src/nlp/ner/model-file.js';
import { tagDocument } from '../src/nlp/ner/tagger.js';
import { trainNer, type TrainOptions, type TrainingDocument } from '../src/nlp/ner/train.js';

const DEFAULTS = {
  seed: 1,
  iterations: 10,
  folds: 4,
  prune: 0.05,
  clusters: join('models', 'ner', 'clusters.txt.gz'),
  clusterOwn: '4,6,10,20',
  clusterContext: '',
  clusterOffsets: '',
  gazDropout: 0,
  jackknife: 'interleaved',
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join('models', 'ner', 'ner.bin.gz') },
    seed: { type: 'string', default: String(DEFAULTS.seed) },
    iterations: { type: 'string', default: String(DEFAULTS.iterations) },
    folds: { type: 'string', default: String(DEFAULTS.folds) },
    prune: { type: 'string', default: String(DEFAULTS.prune) },
    'one-pass': { type: 'boolean', default: false },
    clusters: { type: 'string', default: DEFAULTS.clusters },
    'cluster-own': { type: 'string', default: DEFAULTS.clusterOwn },
    'cluster-context': { type: 'string', default: DEFAULTS.clusterContext },
    'cluster-offsets': { type: 'string', default: DEFAULTS.clusterOffsets },
    'gaz-dropout': { type: 'string', default: String(DEFAULTS.gazDropout) },
    jackknife: { type: 'string', default: DEFAULTS.jackknife },
    cv: { type: 'string' },
    fold: { type: 'string' },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error(
    'usage: npx tsx scripts/train-ner.ts <conll2003-dir> [--out FILE] [--cv K [--fold k,...]] [--iterations N] [--clusters FILE|none] ...',
  );
  process.exit(2);
}
const fail = (msg: string): never => {
  console.error(`train-ner: ${msg}`);
  process.exit(2);
};
const trainPath = join(dir, 'eng.train');
const devPath = join(dir, 'eng.testa');
if (!existsSync(trainPath)) fail(`${trainPath} not found`);

const t0 = Date.now();
const log = (s: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}`);
const list = (s: string) => (s ? s.split(',').map(Number) : []);

const spec: ClusterFeatureSpec = {
  own: list(values['cluster-own']!),
  context: list(values['cluster-context']!),
  offsets: list(values['cluster-offsets']!),
};
let clusters: WordClusters | null = null;
if (values.clusters !== 'none') {
  if (!existsSync(values.clusters!))
    fail(`${values.clusters}: no cluster file (run scripts/train-clusters.ts)`);
  clusters = WordClusters.fromText(
    gunzipSync(readFileSync(values.clusters!)).toString('utf8'),
    spec,
    values.clusters,
  );
}
if (!['interleaved', 'blocks'].includes(values.jackknife!)) fail(`--jackknife: interleaved or blocks`);
const opts: TrainOptions = {
  seed: Number(values.seed),
  iterations: Number(values.iterations),
  folds: Number(values.folds),
  twoPass: !values['one-pass'],
  clusters,
  gazetteerDropout: Number(values['gaz-dropout']),
  jackknife: values.jackknife as 'interleaved' | 'blocks',
  log,
};
const prune = Number(values.prune);
const settings = {
  seed: opts.seed,
  iterations: opts.iterations,
  folds: opts.folds,
  twoPass: opts.twoPass,
  prune,
  clusters: clusters ? { words: clusters.paths.size, ...spec } : null,
  gazetteerDropout: opts.gazetteerDropout,
  jackknife: opts.jackknife,
};
console.error(`train-ner: settings ${JSON.stringify(settings)}`);

const train = parseConll(readFileSync(trainPath, 'utf8'), trainPath);
for (const e of train.errors) console.error(e.message);
const trainDocs = documentsOf(train);
const asTraining = (d: ConllDocument): TrainingDocument => ({
  words: d.map((s) => s.map((t) => t.word)),
  tags: d.map((s) => s.map((t) => t.gold)),
});

/** Train, then encode and decode as shipped (pruning and quantisation included). */
function trainEncoded(docs: ConllDocument[]) {
  const model = trainNer(docs.map(asTraining), opts);
  const buf = encodeModel(model, prune, { trainedOn: 'eng.train', ...settings });
  return { buf, model: decodeModel(buf) };
}

const fmt = (x: number) => (100 * x).toFixed(2);

if (values.cv) {
  const K = Number(values.cv);
  if (!(K >= 2)) fail('--cv needs K >= 2');
  const folds = values.fold ? list(values.fold) : Array.from({ length: K }, (_, k) => k + 1);
  const D = trainDocs.length;
  const foldOf = (d: number) => Math.floor((d * K) / D) + 1;
  const scores: number[] = [];
  for (const k of folds) {
    if (!(k >= 1 && k <= K)) fail(`--fold ${k}: folds are 1..${K}`);
    const tk = Date.now();
    const held = trainDocs.filter((_, d) => foldOf(d) === k);
    const { model } = trainEncoded(trainDocs.filter((_, d) => foldOf(d) !== k));
    const heldFile = { ...train, documents: held, hasDocStarts: true };
    const score = scoreTagged(tagConll(heldFile, (doc) => tagDocument(model, doc)));
    scores.push(score.overall.f);
    console.log(
      `cv fold ${k}/${K}: ${held.length} documents, F1 ${fmt(score.overall.f)} P ${fmt(score.overall.p)} R ${fmt(score.overall.r)} | ` +
        Object.entries(score.byType)
          .map(([t, s]) => `${t} ${fmt(s.f)}`)
          .join(' ') +
        ` (${((Date.now() - tk) / 1000).toFixed(0)} s)`,
    );
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, scores.length - 1));
  console.log(
    `cv ${K}-fold by document on eng.train, folds ${folds.join(',')}: F1 ${fmt(mean)} ± ${fmt(sd)} (sd; range ${fmt(Math.min(...scores))}-${fmt(Math.max(...scores))}) ${JSON.stringify(settings)}`,
  );
} else {
  console.error(`train-ner: ${trainDocs.length} training documents, ${train.tokens} tokens`);
  const { buf, model } = trainEncoded(trainDocs);
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, buf);
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  let dev = '';
  if (existsSync(devPath)) {
    const devFile = parseConll(readFileSync(devPath, 'utf8'), devPath);
    const score = scoreTagged(tagConll(devFile, (doc) => tagDocument(model, doc)));
    dev =
      `; held-out eng.testa F1 ${fmt(score.overall.f)} P ${fmt(score.overall.p)} R ${fmt(score.overall.r)} | ` +
      Object.entries(score.byType)
        .map(([t, s]) => `${t} ${fmt(s.f)}`)
        .join(' ');
  }
  console.log(
    `train-ner: wrote ${values.out} (${(buf.length / 1e6).toFixed(2)} MB, ${model.index.size} features, ${model.passes.length} passes) in ${seconds} s${dev}`,
  );
}
