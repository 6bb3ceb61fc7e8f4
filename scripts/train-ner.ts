/**
 * Reproduces the shipped entity model, and cross-validates its settings.
 *
 *   npx tsx scripts/train-ner.ts <conll2003-dir> [--out FILE] [settings]
 * trains on <dir>/eng.train only with the word clusters of models/ner/clusters.txt.gz (made by
 * scripts/train-clusters.ts), writes models/ner/ner.bin.gz, reloads it and prints the conlleval F1 on
 * <dir>/eng.testa (the dev set; never trained on). Deterministic for given settings.
 *
 *   npx tsx scripts/train-ner.ts <conll2003-dir> --cv 5 [--fold 1,2] [settings]
 * document-level K-fold cross-validation on eng.train (src/eval/ner-cv.ts); prints each fold's F1 and the
 * mean ± standard deviation over the folds run. `chronicle eval ner <eng.train> --cv 5` prints the same.
 * --fold runs some folds only (to spread the work); eng.testa is not read.
 *
 * Settings (global): SHIPPED_SETTINGS in src/nlp/ner/train.ts; see models/ner/README.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConll, scoreTagged, tagConll } from '../src/eval/conll.js';
import {
  crossValidateNer,
  readClusters,
  settingsMeta,
  trainEncoded,
  type NerTrainSettings,
} from '../src/eval/ner-cv.js';
import { documentsOf } from '../src/eval/conll.js';
import { tagDocument } from '../src/nlp/ner/tagger.js';
import { SHIPPED_SETTINGS } from '../src/nlp/ner/train.js';

const S = SHIPPED_SETTINGS;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join('models', 'ner', 'ner.bin.gz') },
    seed: { type: 'string', default: String(S.seed) },
    iterations: { type: 'string', default: String(S.iterations) },
    folds: { type: 'string', default: String(S.folds) },
    prune: { type: 'string', default: String(S.prune) },
    'one-pass': { type: 'boolean', default: false },
    clusters: { type: 'string', default: join('models', 'ner', 'clusters.txt.gz') },
    'cluster-own': { type: 'string', default: S.clusterFeatures.own.join(',') },
    'cluster-context': { type: 'string', default: S.clusterFeatures.context.join(',') },
    'cluster-offsets': { type: 'string', default: S.clusterFeatures.offsets.join(',') },
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

let clusters = null;
if (values.clusters !== 'none') {
  if (!existsSync(values.clusters!))
    fail(`${values.clusters}: no cluster file (run scripts/train-clusters.ts)`);
  clusters = readClusters(values.clusters!, {
    own: list(values['cluster-own']!),
    context: list(values['cluster-context']!),
    offsets: list(values['cluster-offsets']!),
  });
}
const settings: NerTrainSettings = {
  seed: Number(values.seed),
  iterations: Number(values.iterations),
  folds: Number(values.folds),
  twoPass: !values['one-pass'],
  prune: Number(values.prune),
  clusters,
  log,
};
console.error(`train-ner: settings ${JSON.stringify(settingsMeta(settings))}`);

const train = parseConll(readFileSync(trainPath, 'utf8'), trainPath);
for (const e of train.errors) console.error(e.message);
const fmt = (x: number) => (100 * x).toFixed(2);
const byType = (byT: Record<string, { f: number }>) =>
  Object.entries(byT)
    .map(([t, s]) => `${t} ${fmt(s.f)}`)
    .join(' ');

if (values.cv) {
  const K = Number(values.cv);
  const r = crossValidateNer(train, K, settings, values.fold ? list(values.fold) : undefined, (f) =>
    console.log(
      `cv fold ${f.fold}/${K}: ${f.documents} documents, F1 ${fmt(f.score.overall.f)} P ${fmt(f.score.overall.p)} ` +
        `R ${fmt(f.score.overall.r)} | ${byType(f.score.byType)} (${f.seconds.toFixed(0)} s)`,
    ),
  );
  console.log(
    `cv ${K}-fold by document on eng.train, folds ${r.folds.map((f) => f.fold).join(',')}: F1 ${fmt(r.mean)} ± ${fmt(r.sd)} ` +
      `(sd; range ${fmt(r.min)}-${fmt(r.max)}) ${JSON.stringify(settingsMeta(settings))}`,
  );
} else {
  console.error(`train-ner: ${documentsOf(train).length} training documents, ${train.tokens} tokens`);
  const { buf, model } = trainEncoded(documentsOf(train), settings, { trainedOn: 'eng.train' });
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, buf);
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  let dev = '';
  if (existsSync(devPath)) {
    const devFile = parseConll(readFileSync(devPath, 'utf8'), devPath);
    const score = scoreTagged(tagConll(devFile, (doc) => tagDocument(model, doc)));
    dev = `; eng.testa F1 ${fmt(score.overall.f)} P ${fmt(score.overall.p)} R ${fmt(score.overall.r)} | ${byType(score.byType)}`;
  }
  console.log(
    `train-ner: wrote ${values.out} (${(buf.length / 1e6).toFixed(2)} MB, ${model.index.size} features, ${model.passes.length} passes) in ${seconds} s${dev}`,
  );
}
