/**
 * How much the stories depend on the order batches are committed in: `npx tsx scripts/stories-commit-order.ts
 * <timeline17-dir> [--batch N] [--analyze]`. Concurrent queue workers (src/queue) commit batches in the order
 * they finish, and a batch that failed or whose worker died is committed after later ones; the clustering is
 * single-pass, so the order can change the stories. The Timeline17 mix of `chronicle eval stories` is cut into
 * batches in publication-day order (as `--batch N` cuts them) and committed to an in-memory store in several
 * orders: as queued; each pair of neighbours swapped (two workers each finishing the later batch of its pair
 * first, all along); the first batch last, and the middle batch last (a batch retried after all others). Prints
 * B-cubed P/R/F1 and the number of stories for each. Text only unless --analyze (then the whole mix is analysed
 * first, as `eval stories --analyze --batch N` does).
 */
import { parseArgs } from 'node:util';
import { readInputs } from '../src/ingest/index.js';
import { runPipeline } from '../src/pipeline.js';
import { cutBatches, storeBatches, topicOf } from '../src/cli/eval/stories.js';
import { clusteringScores } from '../src/eval/clustering.js';
import { DEFAULT_BATCH_SIZE } from '../src/queue/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { batch: { type: 'string' }, analyze: { type: 'boolean' } },
});
const [dir] = positionals;
const size = Number(values.batch ?? DEFAULT_BATCH_SIZE);
if (!dir || !Number.isInteger(size) || size < 1) {
  console.error('usage: stories-commit-order.ts <timeline17-dir> [--batch N] [--analyze]');
  process.exit(2);
}
const articles = (await readInputs([dir])).articles.filter((a) => a.topic);
if (!articles.length) {
  console.error(`${dir}: no Timeline17 articles found (expected <topic_source>/InputDocs/<date>/<file>)`);
  process.exit(1);
}
if (values.analyze) runPipeline(articles);
else for (const a of articles) a.mentions = [];
const batches = cutBatches(articles, size);
const n = batches.length;
const queued = batches.map((_, i) => i);
const last = (k: number) => [...queued.filter((i) => i !== k), k];
const orders: [string, number[]][] = [
  ['as queued', queued],
  ['neighbours swapped', queued.map((i) => (i % 2 ? i - 1 : Math.min(i + 1, n - 1)))],
  ['first batch last', last(0)],
  ['middle batch last', last(Math.floor(n / 2))],
];
console.log(
  `${articles.length} articles, ${n} batches of ${size}${values.analyze ? ', analysed' : ', text only'}`,
);
for (const [name, order] of orders) {
  const assigned = await storeBatches(order.map((i) => batches[i]!));
  const kept = articles.filter((a) => assigned.has(a.id));
  const s = clusteringScores(
    kept.map((a) => assigned.get(a.id)!),
    kept.map((a) => topicOf(a.topic!)),
  );
  const f = (x: number) => x.toFixed(4);
  console.log(
    `${name.padEnd(20)} stories ${String(s.clusters).padStart(3)}   B-cubed P ${f(s.bcubedPrecision)}  R ${f(s.bcubedRecall)}  F1 ${f(s.bcubedF1)}`,
  );
}
