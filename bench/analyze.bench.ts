/**
 * End-to-end throughput: readInputs + runPipeline over all of Timeline17 (4,650 articles).
 * Usage: node --import tsx bench/analyze.bench.ts <datasets-root>   (or `npm run bench -- analyze`)
 * Prints one line: articles, sentences, seconds (wall and CPU), articles/s, sentences/s, peak RSS MB, per-stage seconds.
 * CHRONICLE_BENCH_DISABLE=mentions,quotes skips stages by name (to isolate a slow one).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { runPipeline, type StageName } from '../src/pipeline.js';

const root = resolve(process.argv[2] ?? '../shared/datasets');
const dir = join(root, 'timeline17');
if (!existsSync(dir)) {
  console.log(`analyze: skipped, Timeline17 not found at ${dir}`);
  process.exit(0);
}
const disable = (process.env.CHRONICLE_BENCH_DISABLE ?? '').split(',').filter(Boolean) as StageName[];

const t0 = performance.now();
const { articles, errors } = await readInputs([dir]);
const tRead = (performance.now() - t0) / 1000;
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let cpuMark = cpuNow();
// Per stage: wall seconds / CPU seconds (the CPU figure is what the stage costs on an idle machine).
const stageTimes: string[] = [`read=${tRead.toFixed(2)}/${cpuMark.toFixed(2)}cpu`];
runPipeline(articles, {
  disable,
  onStageTime: (s, sec) => {
    const c = cpuNow();
    stageTimes.push(`${s}=${sec.toFixed(2)}/${(c - cpuMark).toFixed(2)}cpu`);
    cpuMark = c;
  },
});
const seconds = (performance.now() - t0) / 1000;
const sentences = articles.reduce((n, a) => n + a.sentences.length, 0);
const usage = process.resourceUsage();
const rssMb = usage.maxRSS / 1024;
// CPU seconds too: on a shared machine wall-clock time depends on the load.
const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
console.log(
  `analyze timeline17: articles=${articles.length} errors=${errors.length} sentences=${sentences} seconds=${seconds.toFixed(1)} cpuSeconds=${cpu.toFixed(1)} ` +
    `articles/s=${(articles.length / seconds).toFixed(0)} sentences/s=${(sentences / seconds).toFixed(0)} peakRSS=${rssMb.toFixed(0)}MB ` +
    `stages: ${stageTimes.join(' ')}${disable.length ? ` (disabled: ${disable.join(',')})` : ''}`,
);
