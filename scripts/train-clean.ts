/**
 * Reproduces the shipped furniture model: `npx tsx scripts/train-clean.ts <page-text-dir> [--out FILE]`.
 * Reads every page of the page-text folder as `chronicle analyze` would (an undated plain-text file), runs
 * the named clean rules, labels each remaining line from the gold articleBody (src/eval/clean.ts:
 * lineLabels), trains the two-pass boosted-tree model with the global settings of DEFAULT_TRAIN
 * (src/clean/furniture/train.ts), writes models/clean/furniture.json.gz and prints its in-sample score.
 * Deterministic: the same data and seed give the same bytes. The held-out figure is
 * `chronicle eval clean <dir> --cv`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { DEFAULT_TRAIN, trainFurnitureModel } from '../src/clean/furniture/train.js';
import { decodeFurnitureModel, encodeFurnitureModel } from '../src/clean/furniture/model.js';
import { evaluateClean, loadPageTextDataset, trainingPage } from '../src/eval/clean.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join('models', 'clean', 'furniture.json.gz') },
    seed: { type: 'string', default: String(DEFAULT_TRAIN.seed) },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: npx tsx scripts/train-clean.ts <page-text-dir> [--out FILE] [--seed N]');
  process.exit(2);
}
const t0 = Date.now();
const log = (s: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}`);
let pages;
try {
  pages = loadPageTextDataset(dir);
} catch (e) {
  console.error(`train-clean: ${(e as Error).message}`);
  process.exit(2);
}
const training = pages.map(trainingPage);
log(`${pages.length} pages from ${new Set(pages.map((p) => p.site)).size} sites`);
const model = trainFurnitureModel(training, { ...DEFAULT_TRAIN, seed: Number(values.seed) }, log);
const bytes = encodeFurnitureModel(model);
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, bytes);
const loaded = decodeFurnitureModel(readFileSync(values.out!), values.out!);
const s = evaluateClean(dir, { model: loaded });
const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
console.log(
  `train-clean: wrote ${values.out} (${(bytes.length / 1024).toFixed(1)} KB, sha256 ${sha}) in ${((Date.now() - t0) / 1000).toFixed(0)} s; ` +
    `in-sample on ${s.pages} pages P ${s.shipped.p.toFixed(4)} R ${s.shipped.r.toFixed(4)} F1 ${s.shipped.f.toFixed(4)} ` +
    `(rules only F1 ${s.rules.f.toFixed(4)}, raw ${s.raw.f.toFixed(4)})`,
);
