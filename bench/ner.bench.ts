/**
 * NER benchmark: `npm run bench -- ner` (or `node --import tsx bench/ner.bench.ts <datasets-dir>`).
 * Loads the shipped model, tags conll2003/eng.testa and prints one line: model load time, tokens/s and
 * sentences/s of tagging per CPU-second (after one warm-up run), and the conlleval F1 on that dev set;
 * then, if Timeline17 is there, sentences/s on 300 of its articles (spread over all topics) tagged once
 * each by a freshly loaded model: word caches start cold, as in the pipeline. On Timeline17 it times both
 * entitiesOfDocument (what the pipeline runs: segments only, then the refiners) and tagDocumentBilou
 * (every token decoded), each with its own fresh model.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentsOf, parseConll, scoreTagged, tagConll } from '../src/eval/conll.js';
import { defaultModelPath, loadModelFile } from '../src/nlp/ner/load.js';
import { entitiesOfDocument, tagDocument, tagDocumentBilou } from '../src/nlp/ner/tagger.js';

const root = process.argv[2] ?? '../shared/datasets';
const devPath = join(root, 'conll2003', 'eng.testa');
if (!existsSync(devPath)) {
  console.log(`ner: SKIPPED, ${devPath} not found (pass the datasets directory as the first argument)`);
  process.exit(0);
}
const t0 = performance.now();
const c0 = process.cpuUsage();
const model = loadModelFile(defaultModelPath());
const loadMs = performance.now() - t0;
const loadCpu = process.cpuUsage(c0);
const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
const dev = parseConll(readFileSync(devPath, 'utf8'), devPath);
const docs = documentsOf(dev).map((d) => d.map((s) => s.map((t) => t.word)));
const sentences = docs.reduce((n, d) => n + d.length, 0);
for (const d of docs) tagDocument(model, d); // warm-up (JIT)
const runs = 3;
// CPU time of this process, not wall time: the figure is per core even on a busy machine.
const c1 = process.cpuUsage();
for (let r = 0; r < runs; r++) for (const d of docs) tagDocument(model, d);
const used = process.cpuUsage(c1);
const secs = (used.user + used.system) / 1e6 / runs;
const score = scoreTagged(tagConll(dev, (doc) => tagDocument(model, doc)));

/** Timeline17 articles (one tokenised sentence per line), every k-th file in sorted order. */
function timeline17Sample(dir: string, count: number): string[][][] {
  const files: string[] = [];
  for (const topic of readdirSync(dir).sort()) {
    const inputs = join(dir, topic, 'InputDocs');
    if (!existsSync(inputs)) continue;
    for (const day of readdirSync(inputs).sort())
      for (const f of readdirSync(join(inputs, day)).sort()) files.push(join(inputs, day, f));
  }
  const step = Math.max(1, Math.floor(files.length / count));
  return files
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => l.split(/\s+/)),
    );
}
let t17 = '; Timeline17 not found';
const t17Dir = join(root, 'timeline17');
if (existsSync(t17Dir)) {
  const articles = timeline17Sample(t17Dir, 300);
  const n = articles.reduce((k, a) => k + a.length, 0);
  const rate = (tag: (m: ReturnType<typeof loadModelFile>, doc: string[][]) => unknown): number => {
    const fresh = loadModelFile(defaultModelPath());
    const c2 = process.cpuUsage();
    for (const a of articles) tag(fresh, a);
    const u = process.cpuUsage(c2);
    return Math.round(n / ((u.user + u.system) / 1e6));
  };
  const segmented = rate(entitiesOfDocument);
  const full = rate(tagDocumentBilou);
  t17 = `; Timeline17 cold caches (${articles.length} articles, ${n} sentences): ${segmented} sentences/s entities (segments), ${full} sentences/s tags of every token`;
}
console.log(
  `ner: load ${loadMs.toFixed(0)} ms (${loadCpuMs.toFixed(0)} ms CPU); ${Math.round(dev.tokens / secs)} tokens/s, ${Math.round(sentences / secs)} sentences/s ` +
    `(eng.testa, ${sentences} sentences, per CPU-second); dev F1 ${(100 * score.overall.f).toFixed(2)} ` +
    `(P ${(100 * score.overall.p).toFixed(2)} R ${(100 * score.overall.r).toFixed(2)})${t17}`,
);
