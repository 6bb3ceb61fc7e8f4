/**
 * Chooses the timeline method's parameters on all of Timeline17: `npx tsx scripts/tls-tune.ts <timeline17-dir>
 * [--k round|floor] [--cache DIR] [json overrides...]`.
 *
 * Without overrides it runs the search of src/eval/tls-search.ts (coordinate ascent from SEARCH_START; every
 * task scored with models trained on the other 8 topics) on all 9 topics and prints the values it chose: those
 * are DEFAULT_PARAMS (src/timeline/params.ts), so figures of the shipped method on Timeline17 are in-sample.
 * With overrides (JSON objects of parameter values), it scores each setting instead: leave-one-topic-out
 * models with those fixed values, and in-sample models. Parameters are passed, never changed in place.
 */
import { parseArgs } from 'node:util';
import { readTimeline17Layout, type KRule } from '../src/eval/timeline17.js';
import { loadTasks } from '../src/eval/tls-run.js';
import {
  TlsEvaluator,
  meanHeadline,
  searchParams,
  selectionScore,
  type HeadlineScores,
} from '../src/eval/tls-search.js';
import { DEFAULT_PARAMS, timelineParams, type TimelineParams } from '../src/timeline/params.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { k: { type: 'string', default: 'round' }, cache: { type: 'string' } },
});
const [root, ...settings] = positionals;
if (!root || !['round', 'floor'].includes(values.k!)) {
  console.error('usage: tls-tune.ts <timeline17-dir> [--k round|floor] [--cache DIR] [json overrides...]');
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

if (!settings.length) {
  console.error(`searching on ${names.length} topics, ${tasks.length} tasks (k=${values.k}) [${elapsed()}]`);
  const { params, score } = searchParams(ev, names, (line) => console.error(`${line} [${elapsed()}]`));
  const changed = (Object.keys(params) as (keyof TimelineParams)[]).filter(
    (k) => params[k] !== DEFAULT_PARAMS[k],
  );
  console.log(`chosen (selection ${f4(score)}): ${JSON.stringify(params)}`);
  console.log(
    changed.length ? `differs from DEFAULT_PARAMS in: ${changed.join(', ')}` : 'equals DEFAULT_PARAMS',
  );
  console.log(`${ev.evaluations} evaluations, ${ev.trainings} trainings, ${elapsed()}`);
} else
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
