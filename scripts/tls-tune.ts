/**
 * Scores settings of the timeline method's parameters on Timeline17: `npx tsx scripts/tls-tune.ts
 * <timeline17-dir> [--k round|floor] [--cache DIR] <json overrides...>`. Each setting (a JSON object of
 * parameter values over DEFAULT_PARAMS) is scored twice: with models trained leave-one-topic-out (the values
 * stay fixed, so this is not a held-out figure for a choice made by looking at it) and in-sample. The search
 * that chose the shipped values is scripts/train-tls.ts; the held-out figure is `chronicle eval tls --loto`.
 * Parameters are passed, never changed in place.
 */
import { parseArgs } from 'node:util';
import { readTimeline17Layout, type KRule } from '../src/eval/timeline17.js';
import { loadTasks } from '../src/eval/tls-run.js';
import { TlsEvaluator, meanHeadline, selectionScore, type HeadlineScores } from '../src/eval/tls-search.js';
import { timelineParams, type TimelineParams } from '../src/timeline/params.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { k: { type: 'string', default: 'round' }, cache: { type: 'string' } },
});
const [root, ...settings] = positionals;
if (!root || !settings.length || !['round', 'floor'].includes(values.k!)) {
  console.error('usage: tls-tune.ts <timeline17-dir> [--k round|floor] [--cache DIR] <json overrides...>');
  process.exit(2);
}
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const { topics } = readTimeline17Layout(root);
const tasks = loadTasks(root, topics, { cacheDir: values.cache });
const names = [...new Set(tasks.map((t) => t.topic))];
const ev = new TlsEvaluator(tasks, values.k as KRule);
const f4 = (x: number) => x.toFixed(4);
const show = (m: HeadlineScores) =>
  `AR-1 ${f4(m.ar1.f)} AR-2 ${f4(m.ar2.f)} Date ${f4(m.date.f)} (sum ${f4(selectionScore(m))})`;

for (const s of settings) {
  const p = timelineParams(JSON.parse(s) as Partial<TimelineParams>);
  const loto = meanHeadline(
    tasks.map((t) =>
      ev.score(
        t,
        p,
        names.filter((x) => x !== t.topic),
      ),
    ),
  );
  const ins = meanHeadline(tasks.map((t) => ev.score(t, p, names)));
  console.log(`${s.padEnd(40)} fixed-value LOTO: ${show(loto)} | in-sample: ${show(ins)} [${elapsed()}]`);
}
