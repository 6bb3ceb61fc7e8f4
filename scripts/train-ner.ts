/**
 * Reproduces the shipped entity model: `npx tsx scripts/train-ner.ts <conll2003-dir> [--out FILE]`.
 * Trains on <dir>/eng.train only, writes models/ner/ner.bin.gz, reloads it and prints the conlleval F1
 * on <dir>/eng.testa (the dev set; never trained on). Deterministic for a given --seed.
 *
 * Hyper-parameters (global, chosen on eng.testa): see DEFAULTS below.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { documentsOf, parseConll, scoreTagged, tagConll } from '../src/eval/conll.js';
import { encodeModel } from '../src/nlp/ner/model-file.js';
import { loadModelFile } from '../src/nlp/ner/load.js';
import { tagDocument } from '../src/nlp/ner/tagger.js';
import { trainNer } from '../src/nlp/ner/train.js';

const DEFAULTS = { seed: 1, iterations: 10, folds: 4, prune: 0.05 };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join('models', 'ner', 'ner.bin.gz') },
    seed: { type: 'string', default: String(DEFAULTS.seed) },
    iterations: { type: 'string', default: String(DEFAULTS.iterations) },
    folds: { type: 'string', default: String(DEFAULTS.folds) },
    prune: { type: 'string', default: String(DEFAULTS.prune) },
    'one-pass': { type: 'boolean', default: false },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error(
    'usage: npx tsx scripts/train-ner.ts <conll2003-dir> [--out FILE] [--seed N] [--iterations N]',
  );
  process.exit(2);
}
const trainPath = join(dir, 'eng.train');
const devPath = join(dir, 'eng.testa');
for (const p of [trainPath, devPath])
  if (!existsSync(p)) {
    console.error(`train-ner: ${p} not found`);
    process.exit(2);
  }

const t0 = Date.now();
const train = parseConll(readFileSync(trainPath, 'utf8'), trainPath);
for (const e of train.errors) console.error(e.message);
const docs = documentsOf(train).map((d) => ({
  words: d.map((s) => s.map((t) => t.word)),
  tags: d.map((s) => s.map((t) => t.gold)),
}));
const opts = {
  seed: Number(values.seed),
  iterations: Number(values.iterations),
  folds: Number(values.folds),
  twoPass: !values['one-pass'],
  log: (s: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}`),
};
console.error(`train-ner: ${docs.length} training documents, ${train.tokens} tokens`);
const model = trainNer(docs, opts);
const prune = Number(values.prune);
const buf = encodeModel(model, prune, {
  trainedOn: 'eng.train',
  seed: opts.seed,
  iterations: opts.iterations,
  folds: opts.folds,
  twoPass: opts.twoPass,
  prune,
});
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, buf);

const loaded = loadModelFile(values.out!);
const dev = parseConll(readFileSync(devPath, 'utf8'), devPath);
const score = scoreTagged(tagConll(dev, (doc) => tagDocument(loaded, doc)));
const fmt = (x: number) => (100 * x).toFixed(2);
console.log(
  `train-ner: wrote ${values.out} (${(buf.length / 1e6).toFixed(2)} MB, ${loaded.index.size} features, ${loaded.passes.length} passes) in ${((Date.now() - t0) / 1000).toFixed(0)} s; ` +
    `dev (eng.testa) F1 ${fmt(score.overall.f)} P ${fmt(score.overall.p)} R ${fmt(score.overall.r)} | ` +
    Object.entries(score.byType)
      .map(([t, s]) => `${t} ${fmt(s.f)}`)
      .join(' '),
);
