/**
 * Tuning helper for the timeline method's global hyper-parameters on Timeline17 (all 19 tasks at once;
 * nothing is fitted per topic). Analyses every topic once, then scores each setting given on the
 * command line as JSON overrides of PARAMS, e.g.
 *   npx tsx scripts/tls-tune.ts ../shared/datasets/timeline17 '{}' '{"leadWeight":0.3}'
 * Prints one line per setting: mean AR-1 / AR-2 / Date F1.
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

const [root, ...settings] = process.argv.slice(2);
if (!root) throw new Error('usage: tls-tune.ts <timeline17-dir> [json overrides...]');
const { topics } = readTimeline17Layout(root);
const prepared = topics
  .filter((t) => t.tasks.length)
  .map((topic) => ({
    topic,
    analysis: runPipeline(
      readTopicArticles(root, topic, () => {}),
      { disable: ['mentions', 'entities', 'quotes'] },
    ),
  }));
const base = { ...PARAMS };
for (const s of settings.length ? settings : ['{}']) {
  Object.assign(PARAMS as Record<string, unknown>, base, JSON.parse(s));
  const t0 = Date.now();
  const results: TaskResult[] = [];
  let build = 0;
  let score = 0;
  for (const { topic, analysis } of prepared)
    for (const task of topic.tasks) {
      const opts = taskOptions(task, topic.keywords);
      const inRange: Analysis = {
        ...analysis,
        articles: analysis.articles.filter(
          (a) => a.publishedAt !== null && a.publishedAt >= opts.from! && a.publishedAt <= opts.to!,
        ),
      };
      const a = Date.now();
      const tl = buildTimelineFromAnalysis(inRange, opts);
      const b = Date.now();
      results.push(scoreTask(task, tl, inRange, opts));
      build += b - a;
      score += Date.now() - b;
    }
  const m = summarise(results).mean;
  console.log(
    `${s.padEnd(50)} AR-1 ${m.ar1.f.toFixed(4)} AR-2 ${m.ar2.f.toFixed(4)} Date ${m.date.f.toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(1)} s: build ${(build / 1000).toFixed(1)}, score ${(score / 1000).toFixed(1)})`,
  );
}
