/**
 * Leave-one-topic-out (LOTO) estimate for the timeline method's global hyper-parameters on Timeline17.
 *
 * PARAMS (src/timeline/params.ts) were chosen by a grid search on all 19 tasks at once
 * (scripts/tls-tune.ts), so `chronicle eval tls` figures are in-sample. This script:
 *  1. analyses each of the 9 topics once (same pipeline options as tls-tune.ts);
 *  2. scores every point of GRID (below) on every task once, caching the per-task scores;
 *  3. for each topic T, selects the grid point with the best SELECTION SCORE on the tasks of the
 *     other 8 topics, and evaluates it on T's tasks;
 *  4. prints the LOTO mean over all 19 held-out task results (P and R averaged over tasks, F1 of the
 *     averages — the same as `eval tls`), the in-sample figures of the shipped defaults and of the best
 *     in-sample grid point, and which setting each fold picked; then one summary line.
 *
 * Selection score = AR-1 F1 + AR-2 F1 + Date F1, each taken as `summarise()` computes them over the
 * training tasks (mean P, mean R, F1 of those). Ties go to the earlier grid point; the grid is ordered so
 * that the shipped default comes first among equals (GRID lists each parameter's shipped value first).
 *
 *   npx tsx scripts/tls-loto.ts /work/shared/datasets/timeline17 [--grid default|full]
 *
 * Nothing here changes PARAMS permanently: each setting is applied as an override and the shipped values
 * are restored before each run (as tls-tune.ts does) and at the end.
 */
import { runPipeline } from '../src/pipeline.js';
import { buildTimelineFromAnalysis, PARAMS } from '../src/timeline/index.js';
import {
  readTimeline17Layout,
  readTopicArticles,
  scoreTask,
  summarise,
  taskOptions,
  type TaskResult,
} from '../src/eval/timeline17.js';
import type { Analysis } from '../src/model.js';

/**
 * The grids: the parameters that were actually tuned, with the alternatives their comments in params.ts
 * (and the tuning notes) name; each axis lists the shipped value first. Parameters whose alternatives were
 * clearly worse in the original search (leadDecay, mmrLambda: "lowered AR") are held at their defaults.
 * One grid point costs ~15 s over the 19 tasks on this loaded 2-core machine, so the default grid is the
 * date-ranking pair plus the two summariser parameters with the largest effect in tuning
 * (3·3·2·2 = 36 points, ~9 min); `--grid full` adds leadWeight {1,0.5}, redundancy 0.6 and
 * sourcesBoost {0.5,0} (3·3·2·2·3·2 = 216 points, ~1 h). Axes not listed stay at PARAMS.
 */
const GRIDS: Record<string, Record<string, readonly number[]>> = {
  default: {
    distantMentionWeight: [2, 0.5, 1],
    publicationWeight: [0.5, 0.25, 1],
    topicWeight: [0.6, 0.3],
    redundancy: [0.5, 0.4],
  },
  full: {
    distantMentionWeight: [2, 0.5, 1],
    publicationWeight: [0.5, 0.25, 1],
    leadWeight: [1, 0.5],
    topicWeight: [0.6, 0.3],
    redundancy: [0.5, 0.4, 0.6],
    sourcesBoost: [0.5, 0],
  },
};

type Setting = Record<string, number>;

function cartesian(axes: Record<string, readonly number[]>): Setting[] {
  let out: Setting[] = [{}];
  for (const [k, vals] of Object.entries(axes)) out = out.flatMap((s) => vals.map((v) => ({ ...s, [k]: v })));
  return out;
}

/** Compact label: only the values that differ from the shipped PARAMS ("defaults" if none). */
function label(s: Setting, base: Record<string, unknown>): string {
  const diff = Object.entries(s).filter(([k, v]) => base[k] !== v);
  return diff.length ? diff.map(([k, v]) => `${k}=${v}`).join(' ') : 'defaults';
}

const argv = process.argv.slice(2);
const gi = argv.indexOf('--grid');
const gridName = gi >= 0 ? argv[gi + 1] : 'default';
const root = argv.filter((_a, i) => gi < 0 || (i !== gi && i !== gi + 1))[0];
if (!root || !gridName || !GRIDS[gridName]) {
  console.error('usage: tls-loto.ts <timeline17-dir> [--grid default|full]');
  process.exit(2);
}
const GRID_AXES = GRIDS[gridName]!;
const t0 = Date.now();
const { topics: allTopics, errors } = readTimeline17Layout(root);
for (const e of errors) console.error(`warning: ${e.message}`);
const topics = allTopics.filter((t) => t.tasks.length);

const base: Record<string, unknown> = { ...PARAMS };
const grid = cartesian(GRID_AXES);
// Make sure the shipped defaults are a grid point (they are when each axis lists its shipped value).
const defaultIndex = grid.findIndex((s) => Object.entries(s).every(([k, v]) => base[k] === v));
if (defaultIndex < 0) throw new Error('the grid must contain the shipped PARAMS values');

/**
 * One topic at a time (so only one topic's analysis is in memory): analyse it, then score every grid point
 * on its tasks. cache[g][i] = scores of grid point g on task i (predicted timelines dropped).
 */
const tasks: { topic: string }[] = [];
const cache: TaskResult[][] = grid.map(() => []);
for (const topic of topics) {
  const analysis = runPipeline(
    readTopicArticles(root, topic, (e) => console.error(`warning: ${e.message}`)),
    { disable: ['mentions', 'entities', 'quotes'] },
  );
  const prepared = topic.tasks.map((task) => {
    const opts = taskOptions(task, topic.keywords);
    const inRange: Analysis = {
      ...analysis,
      articles: analysis.articles.filter(
        (a) => a.publishedAt !== null && a.publishedAt >= opts.from! && a.publishedAt <= opts.to!,
      ),
    };
    return { task, opts, inRange };
  });
  for (const [g, s] of grid.entries()) {
    Object.assign(PARAMS as Record<string, unknown>, base, s);
    for (const t of prepared) {
      const tl = buildTimelineFromAnalysis(t.inRange, t.opts);
      cache[g]!.push({ ...scoreTask(t.task, tl, t.inRange, t.opts), predicted: new Map() });
    }
  }
  Object.assign(PARAMS as Record<string, unknown>, base);
  for (const _t of prepared) tasks.push({ topic: topic.name });
  console.error(
    `${topic.name}: ${prepared.length} task(s) x ${grid.length} grid points scored (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
}

type Mean = ReturnType<typeof summarise>['mean'];
const selectionScore = (m: Mean) => m.ar1.f + m.ar2.f + m.date.f;
const meanOf = (g: number, keep: (i: number) => boolean) =>
  summarise(cache[g]!.filter((_r, i) => keep(i))).mean;

/** Best grid point on the tasks `keep` accepts (first among equals). */
function best(keep: (i: number) => boolean): { g: number; score: number } {
  let bestG = 0;
  let bestScore = -Infinity;
  for (let g = 0; g < grid.length; g++) {
    const sc = selectionScore(meanOf(g, keep));
    if (sc > bestScore) {
      bestScore = sc;
      bestG = g;
    }
  }
  return { g: bestG, score: bestScore };
}

const heldOut: TaskResult[] = [];
const folds: { topic: string; n: number; g: number; train: number; test: Mean }[] = [];
for (const topic of topics) {
  const { g, score } = best((i) => tasks[i]!.topic !== topic.name);
  const test = cache[g]!.filter((_r, i) => tasks[i]!.topic === topic.name);
  heldOut.push(...test);
  folds.push({ topic: topic.name, n: test.length, g, train: score, test: summarise(test).mean });
}
const loto = summarise(heldOut).mean;
const shipped = meanOf(defaultIndex, () => true);
const inSampleBest = best(() => true);
const inBest = meanOf(inSampleBest.g, () => true);
// The shipped defaults on each held-out topic, for a per-fold comparison.
const defaultOn = (topic: string) =>
  summarise(cache[defaultIndex]!.filter((_r, i) => tasks[i]!.topic === topic)).mean;

const f4 = (x: number) => x.toFixed(4);
const row = (name: string, m: Mean) => `${name.padEnd(34)} ${f4(m.ar1.f)}  ${f4(m.ar2.f)}  ${f4(m.date.f)}`;
console.log(
  `Timeline17 leave-one-topic-out: ${topics.length} topics, ${tasks.length} tasks, ${grid.length} grid points ` +
    `(${Object.entries(GRID_AXES)
      .map(([k, v]) => `${k} {${v.join(',')}}`)
      .join('; ')})`,
);
console.log("selection: max AR-1 F1 + AR-2 F1 + Date F1 over the other topics' tasks");
console.log('');
console.log(
  `${'fold (held-out topic, tasks)'.padEnd(34)} AR-1    AR-2    Date    | defaults: AR-1 AR-2 Date | picked`,
);
for (const f of folds) {
  const d = defaultOn(f.topic);
  console.log(
    `${row(`${f.topic} (${f.n})`, f.test)}  | ${f4(d.ar1.f)} ${f4(d.ar2.f)} ${f4(d.date.f)} | ${label(grid[f.g]!, base)}`,
  );
}
console.log('');
console.log(`${'mean over 19 tasks'.padEnd(34)} AR-1    AR-2    Date`);
console.log(row('LOTO (held-out picks)', loto));
console.log(row('shipped defaults (in-sample)', shipped));
console.log(row('best grid point (in-sample)', inBest) + `  | ${label(grid[inSampleBest.g]!, base)}`);
const all = grid.map((_s, g) => meanOf(g, () => true));
const range = (f: (m: Mean) => number) => `${f4(Math.min(...all.map(f)))}..${f4(Math.max(...all.map(f)))}`;
console.log(
  `${'range over the grid (in-sample)'.padEnd(34)} ${range((m) => m.ar1.f)} ${range((m) => m.ar2.f)} ${range((m) => m.date.f)}`,
);
console.log('');
console.log(
  `SUMMARY tls-loto: LOTO AR-1 ${f4(loto.ar1.f)} AR-2 ${f4(loto.ar2.f)} Date ${f4(loto.date.f)} | ` +
    `shipped in-sample AR-1 ${f4(shipped.ar1.f)} AR-2 ${f4(shipped.ar2.f)} Date ${f4(shipped.date.f)} | ` +
    `${grid.length} grid points, ${tasks.length} tasks, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
