/**
 * Quotes bench: NER + entity resolution + quote attribution throughput (sentences/s) over the PolNeAR dev
 * split, with the dev scores. Usage: node --import tsx bench/quotes.bench.ts <datasets-root>
 * (`npm run bench -- quotes`). Prints one summary line. The NER model is loaded first (its load time is
 * printed apart) and the split is run once to warm up, so the timed run is the steady state; besides the
 * wall-clock rate of the extraction stages, their rate per CPU-second of this process is printed (per core:
 * a busy machine lowers the wall-clock rate, not this one).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runPolnear } from '../src/eval/polnear-run.js';
import { shippedModel } from '../src/nlp/ner/load.js';

const root = process.argv[2] ?? '../shared/datasets';
const dir = join(root, 'polnear', 'data', 'dev');
if (!existsSync(dir)) {
  console.log(`quotes: PolNeAR dev split not found at ${dir}; skipped`);
  process.exit(0);
}
const tLoad = performance.now();
shippedModel();
const loadMs = performance.now() - tLoad;
runPolnear(dir); // warm-up (JIT, word caches as a long-running process has them)
const r = runPolnear(dir);
const s = r.scores;
const f = (x: number) => x.toFixed(3);
const ner = r.errors.some((e) => e.input === 'ner') ? ' (NER failed: no mentions)' : '';
console.log(
  `quotes: ${r.documents} docs, ${r.sentences} sentences, NER+entities+quotes ${Math.round(r.sentences / r.extractSeconds)} sentences/s (entities+quotes alone ${Math.round(r.sentences / (r.extractSeconds - r.nerSeconds))}/s; NER+entities+quotes ${Math.round(r.sentences / r.extractCpuSeconds)} sentences per CPU-second; model load ${loadMs.toFixed(0)} ms, not timed)${ner}; ` +
    `PolNeAR dev direct content P/R/F ${f(s.direct.content.p)}/${f(s.direct.content.r)}/${f(s.direct.content.f)} exact F ${f(s.direct.content.exact.f)} source acc ${f(s.direct.source.acc)}; ` +
    `all content F ${f(s.all.content.f)} exact F ${f(s.all.content.exact.f)} source acc ${f(s.all.source.acc)}`,
);
