/**
 * Time-expression tagging speed on Timeline17's sentences (one sentence per line under
 * <topic>/InputDocs/<YYYY-MM-DD>/*.txt; the folder date is the DCT). Prints one line: sentences/s on one core.
 * Usage: npm run bench -- timex   (datasets root as argv[2])
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagTimexes } from '../src/nlp/timex/index.js';

const root = join(process.argv[2] ?? '../shared/datasets', 'timeline17');
if (!existsSync(root)) {
  console.log(`timex bench: Timeline17 not found at ${root} (skipped)`);
  process.exit(0);
}

const docs: { dct: string; lines: string[] }[] = [];
for (const topic of readdirSync(root)) {
  const input = join(root, topic, 'InputDocs');
  if (!existsSync(input)) continue;
  for (const day of readdirSync(input)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    for (const f of readdirSync(join(input, day))) {
      if (!f.endsWith('.txt')) continue;
      const lines = readFileSync(join(input, day, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim());
      docs.push({ dct: day, lines });
    }
  }
}
const sentences = docs.reduce((n, d) => n + d.lines.length, 0);
if (!sentences) {
  console.log(`timex bench: no sentences under ${root} (skipped)`);
  process.exit(0);
}

function run(): { timexes: number; ms: number } {
  let timexes = 0;
  const t0 = performance.now();
  for (const d of docs) {
    for (const line of d.lines)
      timexes += tagTimexes(line, { dct: d.dct, sentences: [{ start: 0, end: line.length }] }).length;
  }
  return { timexes, ms: performance.now() - t0 };
}
run(); // warm-up (JIT)
const r = run();
const perSec = Math.round((sentences / r.ms) * 1000);
console.log(
  `timex: ${sentences} sentences from ${docs.length} Timeline17 articles, ${r.timexes} timexes, ${(r.ms / 1000).toFixed(2)} s, ${perSec} sentences/s (one core)`,
);
