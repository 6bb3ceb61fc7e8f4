/**
 * Reproduces the shipped timeline models: `npx tsx scripts/train-tls.ts <timeline17-dir> [--out FILE]
 * [--cache DIR]`. Trains the date and sentence models (src/timeline/learn.ts, listwise, deterministic) on all
 * 19 Timeline17 tasks with the shipped parameters (DEFAULT_PARAMS), writes models/tls/timeline-models.json
 * (same bytes on every run) and prints the in-sample figure of the written file. The held-out figure is
 * `chronicle eval tls <dir> --loto`, where models are retrained in every fold without the held-out topic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readTimeline17Layout } from '../src/eval/timeline17.js';
import { loadTasks } from '../src/eval/tls-run.js';
import { trainModels } from '../src/eval/tls-train.js';
import { TlsEvaluator, meanHeadline } from '../src/eval/tls-search.js';
import { DEFAULT_PARAMS } from '../src/timeline/params.js';
import { formatModels, parseModels } from '../src/timeline/models.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join('models', 'tls', 'timeline-models.json') },
    cache: { type: 'string' },
  },
});
const root = positionals[0];
if (!root) {
  console.error('usage: npx tsx scripts/train-tls.ts <timeline17-dir> [--out FILE] [--cache DIR]');
  process.exit(2);
}
const t0 = Date.now();
const { topics, errors } = readTimeline17Layout(root);
for (const e of errors) console.error(`warning: ${e.message}`);
const tasks = loadTasks(root, topics, {
  cacheDir: values.cache,
  onTopic: (topic, n, cached) =>
    console.error(`${topic}: ${n} articles${cached ? ' (cached analysis)' : ''}`),
});
const models = trainModels(tasks, DEFAULT_PARAMS, {
  trainedOn: `Timeline17: all ${new Set(tasks.map((t) => t.topic)).size} topics, ${tasks.length} reference timelines`,
  labels:
    'date: in the reference timeline; sentence: ROUGE-1 F1 + ROUGE-2 F1 against the reference summary of its day',
  params: DEFAULT_PARAMS,
  script: 'scripts/train-tls.ts',
});
const text = formatModels(models);
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, text);
// Score what was written (read back), in-sample.
const reread = parseModels(text, values.out);
const ev = new TlsEvaluator(tasks, 'round');
const m = meanHeadline(
  tasks.map((t) => {
    const s = ev.fullScore(t, DEFAULT_PARAMS, reread);
    return { ar1: s.alignM1.rouge1, ar2: s.alignM1.rouge2, date: s.date };
  }),
);
console.log(
  `wrote ${values.out} (${text.length} bytes) in ${((Date.now() - t0) / 1000).toFixed(0)} s; in-sample (k=round): ` +
    `AR-1 ${m.ar1.f.toFixed(4)} AR-2 ${m.ar2.f.toFixed(4)} Date-F1 ${m.date.f.toFixed(4)}`,
);
