/**
 * Reproduces the shipped headline model: `npx tsx scripts/train-title.ts <page-text> <article-extraction>
 * [--out FILE]`. Trains only on half A of the split by site that `chronicle eval meta` uses (half B stays
 * held out), choosing the L2 weight by 5-fold cross-validation by site on A, and writes
 * models/title/title.json (deterministic: the same bytes for the same data).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMetaDataset, metaGold, siteHalves, titleRight } from '../src/eval/meta.js';
import { findTitle, titleCandidates, type TitleModel } from '../src/clean/title.js';
import { TITLE_TRAIN_DEFAULTS, trainTitleModel, type TitleTrainingPage } from '../src/clean/title-train.js';

const L2_GRID = [0.01, 0.03, 0.1, 0.3, 1];
/** Cross-validation folds, by site. */
const FOLDS = 5;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: join('models', 'title', 'title.json') } },
});
if (positionals.length !== 2) {
  console.error('usage: npx tsx scripts/train-title.ts <page-text> <article-extraction> [--out FILE]');
  process.exit(2);
}

/** The lines as the clean stage sees them (its normalisation of line ends and odd spaces). */
const linesOf = (raw: string) =>
  raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split('\n');

interface Page extends TitleTrainingPage {
  site: string;
  lines: string[];
  gold: string;
}

const all = loadMetaDataset(positionals[0], positionals[1]);
const halves = siteHalves(all);
const pages: Page[] = [];
for (const p of all) {
  if (halves.get(p.site) !== 'A') continue;
  const gold = metaGold(readFileSync(p.htmlFile), p.url).title;
  if (!gold) continue;
  const lines = linesOf(readFileSync(p.textFile, 'utf8'));
  const candidates = titleCandidates(lines);
  const positives = candidates.flatMap((c, i) => (titleRight(c.text, gold) ? [i] : []));
  pages.push({ site: p.site, lines, gold, candidates, positives });
}

const accuracy = (model: TitleModel, test: Page[]) =>
  test.filter((p) => titleRight(findTitle(p.lines, undefined, model)?.text ?? null, p.gold)).length;

const sites = [...new Set(pages.map((p) => p.site))].sort();
let best = { l2: TITLE_TRAIN_DEFAULTS.l2, right: -1 };
for (const l2 of L2_GRID) {
  let right = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = new Set(sites.filter((_, i) => i % FOLDS === fold));
    const model = trainTitleModel(
      pages.filter((p) => !held.has(p.site)),
      { ...TITLE_TRAIN_DEFAULTS, l2 },
    );
    right += accuracy(
      model,
      pages.filter((p) => held.has(p.site)),
    );
  }
  console.error(`l2 ${l2}: ${FOLDS}-fold cross-validation by site on A ${right}/${pages.length}`);
  if (right > best.right) best = { l2, right };
}
const model = trainTitleModel(pages, { ...TITLE_TRAIN_DEFAULTS, l2: best.l2 });
model.meta = {
  ...model.meta,
  trainedOn: 'page-text half A (split by site, see src/eval/meta.ts)',
  crossValidated: `${best.right}/${pages.length} (${FOLDS}-fold by site on A)`,
};
mkdirSync(dirname(String(values.out)), { recursive: true });
writeFileSync(String(values.out), JSON.stringify(model, null, 1) + '\n');
console.error(
  `train-title: ${pages.length} pages of half A (${pages.filter((p) => p.positives.length).length} with a headline line); l2 ${best.l2}; ${FOLDS}-fold cross-validation ${best.right}/${pages.length}; in-sample ${accuracy(model, pages)}/${pages.length}; wrote ${values.out}`,
);
