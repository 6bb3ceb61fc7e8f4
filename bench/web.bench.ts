/**
 * Web bench: HTML → article speed (pages/s on the article-extraction pages, decode + extract + date),
 * plus the `eval extract` and `eval pubdate` summaries, on one line.
 * Usage: node --import tsx bench/web.bench.ts <datasets-root>
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExtractionDataset } from '../src/eval/extract.js';
import { maybeGunzip } from '../src/extract/charset.js';
import { htmlToArticle } from '../src/extract/article.js';
import { runExtractEval } from '../src/cli/eval/extract.js';
import { runPubdateEval } from '../src/cli/eval/pubdate.js';

const root = process.argv[2] ?? '../shared/datasets';
const ex = join(root, 'article-extraction');
const pd = join(root, 'pubdates');
if (!existsSync(join(ex, 'ground-truth.json')) || !existsSync(join(pd, 'gold.json'))) {
  console.log(`web: datasets missing (${ex}, ${pd}); skipped`);
  process.exit(0);
}
const pages = loadExtractionDataset(ex).map((p) => ({ ...p, bytes: maybeGunzip(readFileSync(p.file)) }));
// Warm up once, then time a full pass over the pages.
for (const p of pages.slice(0, 5)) htmlToArticle(p.bytes, { url: p.url });
// Pages per CPU-second of this process (= per core; fair on a shared machine) and per wall second.
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const p of pages) {
  try {
    htmlToArticle(p.bytes, { url: p.url });
  } catch {
    // a page without an article still counts as processed
  }
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const e = runExtractEval(ex);
const d = runPubdateEval(pd);
const f = (x: number) => x.toFixed(4);
console.log(
  `web: html->article ${(pages.length / cpuSeconds).toFixed(1)} pages/s per core (${(pages.length / seconds).toFixed(1)} wall, ${pages.length} pages) | extract P ${f(e.p)} R ${f(e.r)} F1 ${f(e.f)} (readability F1 ${f(e.baseline.f)}) | pubdate accuracy ${f(d.accuracy)} coverage ${f(d.coverage)} precision ${f(d.precision)} (${d.pages} pages)`,
);
