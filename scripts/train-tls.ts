/**
 * Reproduces the shipped timeline method: `npx tsx scripts/train-tls.ts <timeline17-dir> [--out FILE]
 * [--cache DIR] [--no-search]`.
 *
 * 1. Runs the parameter search of src/eval/tls-search.ts on all 9 Timeline17 topics (the same search that
 *    `chronicle eval tls --loto` runs in each fold on 8 topics) and prints its choice.
 * 2. Trains the date and sentence models (src/timeline/learn.ts, listwise, deterministic) on all 19 tasks with
 *    the chosen values and writes models/tls/timeline-models.json (same bytes on every run; the values it was
 *    trained with are in its `meta.params`).
 * 3. Prints the in-sample figure of the written file.
 *
 * The shipped DEFAULT_PARAMS (src/timeline/params.ts) must be the search's choice: when they differ, the
 * script says which to change and exits 1 (test/timeline/models.test.ts checks that the file's meta.params
 * and DEFAULT_PARAMS agree). `--no-search` skips step 1 and trains with DEFAULT_PARAMS (a quick byte check).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readTimeline17Layout } from '../src/eval/timeline17.js';
import { loadTasks } from '../src/eval/tls-run.js';
import { trainModels } from '../src/eval/tls-train.js';
import { TlsEvaluator, meanHeadline, searchParams } from '../src/eval/tls-search.js';
import { DEFAULT_PARAMS, PARAM_NAMES, type TimelineParams } from '../src/timeline/params.js';
import { formatModels, parseModels } from '../src/timeline/models.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join('models', 'tls', 'timeline-models.json') },
    cache: { type: 'string' },
    'no-search': { type: 'boolean' },
  },
});
const root = positionals[0];
if (!root) {
  console.error(
    'usage: npx tsx scripts/train-tls.ts <timeline17-dir> [--out FILE] [--cache DIR] [--no-search]',
  );
  process.exit(2);
}
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const { topics, errors } = readTimeline17Layout(root);
for (const e of errors) console.error(`warning: ${e.message}`);
const tasks = loadTasks(root, topics, {
  cacheDir: values.cache,
  onTopic: (topic, n, cached) =>
    console.error(`${topic}: ${n} articles${cached ? ' (cached analysis)' : ''}`),
});
const names = [...new Set(tasks.map((t) => t.topic))];
const ev = new TlsEvaluator(tasks, 'round');

let params = DEFAULT_PARAMS;
let differs: (keyof TimelineParams)[] = [];
if (!values['no-search']) {
  console.error(`searching on ${names.length} topics, ${tasks.length} tasks (k=round) [${elapsed()}]`);
  const found = searchParams(ev, names, (line) => console.error(`${line} [${elapsed()}]`));
  params = found.params;
  differs = PARAM_NAMES.filter((k) => params[k] !== DEFAULT_PARAMS[k]);
  console.log(
    `search on all ${names.length} topics chose (selection ${found.score.toFixed(4)}): ${JSON.stringify(params)}`,
  );
}

const models = trainModels(tasks, params, {
  trainedOn: `Timeline17: all ${names.length} topics, ${tasks.length} reference timelines`,
  labels:
    'date: in the reference timeline; sentence: ROUGE-1 F1 + ROUGE-2 F1 against the reference summary of its day',
  params,
  script: 'scripts/train-tls.ts',
});
const text = formatModels(models);
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, text);
// Score what was written (read back), in-sample.
const reread = parseModels(text, values.out);
const m = meanHeadline(
  tasks.map((t) => {
    const s = ev.fullScore(t, params, reread);
    return { ar1: s.alignM1.rouge1, ar2: s.alignM1.rouge2, date: s.date };
  }),
);
console.log(
  `wrote ${values.out} (${text.length} bytes) in ${elapsed()}; IN-SAMPLE (k=round): ` +
    `AR-1 ${m.ar1.f.toFixed(4)} AR-2 ${m.ar2.f.toFixed(4)} Date-F1 ${m.date.f.toFixed(4)}`,
);
if (differs.length) {
  console.error(
    `DEFAULT_PARAMS (src/timeline/params.ts) differ from the search's choice in ${differs.join(', ')}: ` +
      `set them to ${JSON.stringify(Object.fromEntries(differs.map((k) => [k, params[k]])))}`,
  );
  process.exit(1);
}
