/**
 * The held-out figure of the timeline method on Timeline17, in detail: `npx tsx scripts/tls-loto.ts
 * <timeline17-dir> [--k round|floor] [--cache DIR]`. Runs the nested leave-one-topic-out of
 * src/eval/tls-search.ts (the same as `chronicle eval tls --loto`): for each of the 9 topics, every searched
 * parameter is chosen by the coordinate-ascent search on the other 8 topics, both models are trained on those
 * 8, and the held-out topic's tasks are scored. Prints each fold's search trace, choice and held-out scores,
 * then the mean over the 19 held-out tasks beside the shipped method's in-sample figure.
 */
import { parseArgs } from 'node:util';
import { readTimeline17Layout, type KRule } from '../src/eval/timeline17.js';
import { loadTasks, shippedMethod } from '../src/eval/tls-run.js';
import { TlsEvaluator, meanHeadline, nestedLoto, type HeadlineScores } from '../src/eval/tls-search.js';
import type { TimelineScores } from '../src/eval/tilse.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { k: { type: 'string', default: 'round' }, cache: { type: 'string' } },
});
const root = positionals[0];
if (!root || !['round', 'floor'].includes(values.k!)) {
  console.error('usage: tls-loto.ts <timeline17-dir> [--k round|floor] [--cache DIR]');
  process.exit(2);
}
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const { topics } = readTimeline17Layout(root);
const tasks = loadTasks(root, topics, { cacheDir: values.cache });
const ev = new TlsEvaluator(tasks, values.k as KRule);
const headline = (s: TimelineScores): HeadlineScores => ({
  ar1: s.alignM1.rouge1,
  ar2: s.alignM1.rouge2,
  date: s.date,
});
const f4 = (x: number) => x.toFixed(4);
const show = (m: HeadlineScores) => `AR-1 ${f4(m.ar1.f)}  AR-2 ${f4(m.ar2.f)}  Date ${f4(m.date.f)}`;

const folds = nestedLoto(ev, (line) => console.error(`${line} [${elapsed()}]`));
for (const f of folds) {
  console.log(
    `fold ${f.topic}: ${show(meanHeadline(f.tasks.map((t) => headline(t.scores))))}; chosen ${JSON.stringify(f.params)}`,
  );
}
const held = meanHeadline(folds.flatMap((f) => f.tasks.map((t) => headline(t.scores))));
const { params, models } = shippedMethod();
const inSample = meanHeadline(tasks.map((t) => headline(ev.fullScore(t, params, models))));
console.log(`\nmean over ${tasks.length} tasks, k=${values.k}`);
console.log(`HELD OUT (nested LOTO)   ${show(held)}`);
console.log(`in-sample (shipped)      ${show(inSample)}`);
console.log(
  `${ev.evaluations} evaluations, ${ev.trainings} trainings, ${elapsed()}, peak RSS ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`,
);
