/**
 * Metric parity: our tilse/ROUGE reimplementation against the scores tilse (with Perl ROUGE-1.5.5) gave
 * the SDF-TLS outputs in tls-metric-parity/. Prints one line: records matching to 4 decimals on every
 * field, and whether the two Crisis averages match. `--verbose` lists the mismatching fields.
 * Run: npm run bench -- metrics
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { averagePRF, parseTilseTimeline, scoreTimeline, type TimelineScores } from '../src/eval/tilse.js';
import type { PRF } from '../src/eval/rouge.js';

const root = join(process.argv[2] ?? '../shared/datasets', 'tls-metric-parity');
const verbose = process.argv.includes('--verbose');
if (!existsSync(join(root, 'tilse-scores'))) {
  console.log(`metrics: dataset missing at ${root} (skipped)`);
  process.exit(0);
}

const read = (p: string) => parseTilseTimeline(readFileSync(join(root, p), 'utf8'), p).timeline;
const close = (a: number, b: number) => Math.abs(a - b) < 5e-5;

interface TilsePRF {
  precision: number;
  recall: number;
  f_score: number;
}
interface TilseRecord {
  gold: string;
  pred: string;
  concat: Record<string, TilsePRF>;
  agreement: Record<string, TilsePRF>;
  align_m1: Record<string, TilsePRF>;
  date: TilsePRF;
}

function compare(label: string, ours: PRF, theirs: TilsePRF, bad: string[]) {
  for (const [k, a, b] of [
    ['p', ours.p, theirs.precision],
    ['r', ours.r, theirs.recall],
    ['f', ours.f, theirs.f_score],
  ] as const)
    if (!close(a, b)) bad.push(`${label}.${k} ours=${a.toFixed(5)} tilse=${b.toFixed(5)}`);
}

let records = 0;
let matching = 0;
const files = readdirSync(join(root, 'tilse-scores')).filter((f) => /^per_.*_bycount\.json$/.test(f));
for (const f of files) {
  const recs = JSON.parse(readFileSync(join(root, 'tilse-scores', f), 'utf8')) as TilseRecord[];
  for (const rec of recs) {
    records++;
    const s: TimelineScores = scoreTimeline(read(rec.pred), [read(rec.gold)]);
    const bad: string[] = [];
    for (const [ours, theirs] of [
      ['concat', 'concat'],
      ['agreement', 'agreement'],
      ['alignM1', 'align_m1'],
    ] as const) {
      compare(`${ours}.rouge1`, s[ours].rouge1, rec[theirs].rouge_1!, bad);
      compare(`${ours}.rouge2`, s[ours].rouge2, rec[theirs].rouge_2!, bad);
    }
    compare('date', s.date, rec.date, bad);
    if (!bad.length) matching++;
    else if (verbose) console.log(`${rec.pred}: ${bad.join('; ')}`);
  }
}

// Crisis averages: pairing by file name system_output/CRISIS_<run>/CRISIS_<run>_<topic>_<tl>.txt ↔
// gold-timelines/crisis-<topic>/<tl>.txt; averages are rounded to 4 decimals in the results file.
const crisis: string[] = [];
let crisisOk = 0;
for (const f of readdirSync(join(root, 'tilse-scores')).filter((x) => /^results_CRISIS_.*\.json$/.test(x))) {
  const data = JSON.parse(readFileSync(join(root, 'tilse-scores', f), 'utf8')) as Record<
    string,
    { avg: Record<string, number[]> }
  >;
  for (const [run, res] of Object.entries(data)) {
    const dir = join('system_output', run);
    const all: TimelineScores[] = [];
    for (const file of readdirSync(join(root, dir)).sort()) {
      const m = new RegExp(`^${run}_([a-z]+)_(.+)$`).exec(file);
      if (!m) continue;
      all.push(scoreTimeline(read(join(dir, file)), [read(join('gold-timelines', `crisis-${m[1]}`, m[2]!))]));
    }
    const bad: string[] = [];
    const check = (key: string, ours: PRF) => {
      const t = res.avg[key];
      if (!t) return;
      const [p, r, fs] = t as [number, number, number];
      for (const [k, a, b] of [
        ['p', ours.p, p],
        ['r', ours.r, r],
        ['f', ours.f, fs],
      ] as const)
        if (Math.abs(Math.round(a * 1e4) / 1e4 - b) > 1.01e-4)
          bad.push(`${key}.${k} ours=${a.toFixed(5)} tilse=${b}`);
    };
    for (const [k, pick] of [
      ['concat_rouge_1', (s: TimelineScores) => s.concat.rouge1],
      ['concat_rouge_2', (s: TimelineScores) => s.concat.rouge2],
      ['agreement_rouge_1', (s: TimelineScores) => s.agreement.rouge1],
      ['agreement_rouge_2', (s: TimelineScores) => s.agreement.rouge2],
      ['align_m1_rouge_1', (s: TimelineScores) => s.alignM1.rouge1],
      ['align_m1_rouge_2', (s: TimelineScores) => s.alignM1.rouge2],
      ['date', (s: TimelineScores) => s.date],
    ] as const)
      check(k, averagePRF(all.map(pick)));
    if (!bad.length) crisisOk++;
    else if (verbose) console.log(`${run} (${all.length} tasks): ${bad.join('; ')}`);
    crisis.push(`${run} ${bad.length ? 'MISMATCH' : 'match'} (${all.length} tasks)`);
  }
}

console.log(
  `metrics: ${matching}/${records} tilse records match to 4 decimals; Crisis averages ${crisisOk}/${crisis.length} match (${crisis.join(', ')})`,
);
