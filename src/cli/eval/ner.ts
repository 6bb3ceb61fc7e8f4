/**
 * `chronicle eval ner <conll-file>`: conlleval-exact entity scores of the shipped tagger on a CoNLL file,
 * with the compromise rule-based baseline side by side in the same run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from '../common.js';
import { formatOption, parse, UsageError } from '../common.js';
import {
  documentsOf,
  parseConll,
  scoreTagged,
  tagConll,
  type ConllScore,
  type PRF,
  type DocumentTagger,
} from '../../eval/conll.js';
import { crossValidateNer, readClusters, settingsMeta, type CvResult } from '../../eval/ner-cv.js';
import { compromiseTagDocument } from '../../nlp/ner/baseline.js';
import { defaultModelPath, loadModelFile } from '../../nlp/ner/load.js';
import { tagDocument } from '../../nlp/ner/tagger.js';
import { SHIPPED_SETTINGS } from '../../nlp/ner/train.js';
import { conditionsText } from './conditions.js';

const help = `Usage: chronicle eval ner <conll-file> [--out FILE] [--format text|json] [--model FILE] [--no-baseline]
       chronicle eval ner <training-file> --cv K [--fold k,...] [--iterations N] [--clusters FILE|none] [--format text|json]

Tags the words of a CoNLL-2003 file (word ... gold-tag per line, blank lines between sentences,
-DOCSTART- lines between documents) with Chronicle's entity model and scores entity-level precision,
recall and F1 per type and overall exactly as conlleval does (exact span and type). The rule-based
compromise baseline (people/organizations/places -> PER/ORG/LOC) is scored side by side.

Options:
  --out FILE       write the input with the model's predicted tag appended to each token line
  --format F       text (default) or json
  --model FILE     a model file other than the shipped models/ner/ner.bin.gz
  --no-baseline    skip the compromise baseline
  --cv K           instead: K-fold cross-validation by document on <training-file> (eng.train): K runs of
                   consecutive documents, each held out in turn from a model trained with the shipped
                   settings on the others; prints each fold's F1 and the mean (slow: minutes per fold)
  --fold k,...     with --cv: run these folds only
  --iterations N   with --cv: epochs per pass (default: the shipped setting)
  --clusters FILE  with --cv: the word-cluster table (default models/ner/clusters.txt.gz; none: no clusters)
Malformed lines are reported on stderr with file and line, and the rest is scored.
`;

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

interface Report {
  overall: { p: number; r: number; f: number };
  byType: Record<string, { p: number; r: number; f: number }>;
  tokens: number;
  seconds: number;
}

function report(score: ConllScore, seconds: number): Report {
  const r3 = (x: number) => Math.round(x * 1e4) / 1e4;
  const byType: Report['byType'] = {};
  for (const t of TYPES) {
    const s = score.byType[t];
    byType[t] = s ? { p: r3(s.p), r: r3(s.r), f: r3(s.f) } : { p: 0, r: 0, f: 0 };
  }
  return {
    overall: { p: r3(score.overall.p), r: r3(score.overall.r), f: r3(score.overall.f) },
    byType,
    tokens: score.tokens,
    seconds: Math.round(seconds * 1000) / 1000,
  };
}

/** What the figures are (see conditions.ts). */
const CONDITIONS = [
  'conlleval entity P/R/F1; the tagger sees only the words (no gold part-of-speech or chunk columns)',
  'the model was trained on eng.train only; its word clusters were learned from unlabelled text (Timeline17, ' +
    'PolNeAR, MEANTIME and the words of eng.train; eng.testa was never read for them)',
  'on eng.testa the figure is not fully held out: epochs, jackknife folds and pruning were chosen on it, and ' +
    'the feature templates and refiners were developed looking at it; the cluster features were adopted on ' +
    '5-fold document cross-validation on eng.train (`chronicle eval ner eng.train --cv 5`), not on testa; ' +
    'eng.testb is not in the datasets and was never used',
];

/** What a cross-validated figure is. */
const CV_CONDITIONS = (K: number) => [
  'conlleval entity P/R/F1 of the full tagger as shipped (pruned, quantised, refiners); words only',
  `held out: ${K} runs of consecutive documents of the training file, each scored by a model trained on ` +
    'the others (its gazetteer and jackknife built from those only); no shuffling, so the folds are fixed',
  'the word clusters were learned from unlabelled text that includes the words (not the labels) of the ' +
    'whole training file, held-out runs included',
  'the feature templates and the refiners were developed while looking at eng.testa, not at these folds',
];

function cvLines(r: CvResult, file: string, settings: Record<string, unknown>): string {
  const pct = (x: number) => (100 * x).toFixed(2);
  const lines = r.folds.map(
    (f) =>
      `fold ${f.fold}/${r.K}: ${f.documents} documents, F1 ${pct(f.score.overall.f)} (P ${pct(f.score.overall.p)}, R ${pct(f.score.overall.r)}; ` +
      TYPES.map((t) => `${t} ${pct(f.score.byType[t]?.f ?? 0)}`).join(' ') +
      `) ${f.seconds.toFixed(0)} s`,
  );
  lines.push(
    `${file}: ${r.K}-fold cross-validation by document, folds ${r.folds.map((f) => f.fold).join(',')}: ` +
      `F1 ${pct(r.mean)} ± ${pct(r.sd)} (sd over folds; range ${pct(r.min)}-${pct(r.max)})`,
    `settings: ${JSON.stringify(settings)}`,
  );
  return lines.join('\n') + '\n' + conditionsText(CV_CONDITIONS(r.K));
}

async function runCv(
  file: string,
  conll: ReturnType<typeof parseConll>,
  values: Record<string, string | boolean | undefined>,
  format: string,
  io: Parameters<Command['run']>[1],
): Promise<number> {
  const num = (v: unknown, name: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} needs an integer >= ${min}`);
    return n;
  };
  const K = num(values.cv, 'cv', 2);
  const folds =
    typeof values.fold === 'string' ? values.fold.split(',').map((k) => num(k, 'fold', 1)) : undefined;
  const clustersPath =
    typeof values.clusters === 'string'
      ? values.clusters
      : join(dirname(defaultModelPath()), 'clusters.txt.gz');
  if (clustersPath !== 'none' && !existsSync(clustersPath)) {
    io.stderr(`chronicle eval ner: ${clustersPath}: no such cluster table (or --clusters none)\n`);
    return 1;
  }
  const S = SHIPPED_SETTINGS;
  const settings = {
    ...S,
    iterations: values.iterations === undefined ? S.iterations : num(values.iterations, 'iterations', 1),
    clusters: clustersPath === 'none' ? null : readClusters(clustersPath, S.clusterFeatures),
  };
  const r = crossValidateNer(conll, K, settings, folds, (f) =>
    io.stderr(
      `fold ${f.fold}/${K}: F1 ${(100 * f.score.overall.f).toFixed(2)} (${f.seconds.toFixed(0)} s)\n`,
    ),
  );
  const meta = settingsMeta(settings);
  if (format === 'json') {
    const prf = (x: PRF) => ({ p: x.p, r: x.r, f: x.f });
    io.stdout(
      JSON.stringify(
        {
          file,
          K,
          mean: r.mean,
          sd: r.sd,
          min: r.min,
          max: r.max,
          folds: r.folds.map((f) => ({
            fold: f.fold,
            documents: f.documents,
            seconds: f.seconds,
            ...prf(f.score.overall),
          })),
          settings: meta,
          conditions: CV_CONDITIONS(K),
        },
        null,
        2,
      ) + '\n',
    );
  } else io.stdout(cvLines(r, file, meta));
  return 0;
}

export const command: Command = {
  summary: 'CoNLL-2003 named entities (conlleval)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      out: { type: 'string' },
      format: { type: 'string' },
      model: { type: 'string' },
      'no-baseline': { type: 'boolean' },
      cv: { type: 'string' },
      fold: { type: 'string' },
      iterations: { type: 'string' },
      clusters: { type: 'string' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const file = positionals[0];
    if (!file) throw new UsageError('missing <conll-file>');
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    if (!existsSync(file)) {
      io.stderr(
        `chronicle eval ner: ${file}: no such file (expected a CoNLL-2003 file such as ../shared/datasets/conll2003/eng.testa)\n`,
      );
      return 1;
    }
    const conll = parseConll(readFileSync(file, 'utf8'), file);
    for (const e of conll.errors) io.stderr(`chronicle eval ner: ${e.message} (line skipped)\n`);
    if (!conll.tokens) {
      io.stderr(`chronicle eval ner: ${file}: no token lines to score\n`);
      return 1;
    }
    if (values.cv !== undefined) return runCv(file, conll, values, format, io);
    for (const o of ['fold', 'iterations', 'clusters'] as const)
      if (values[o] !== undefined) throw new UsageError(`--${o} goes with --cv`);

    const run = (tagger: DocumentTagger, before = 0) => {
      const t0 = performance.now();
      const tagged = tagConll(conll, tagger);
      const seconds = (performance.now() - t0) / 1000 + before;
      return { tagged, seconds, score: scoreTagged(tagged) };
    };
    const tLoad = performance.now();
    const modelPath = typeof values.model === 'string' ? values.model : defaultModelPath();
    const model = loadModelFile(modelPath);
    const loadSeconds = (performance.now() - tLoad) / 1000;
    const main = run((doc) => tagDocument(model, doc), loadSeconds);
    const base = values['no-baseline'] ? null : run(compromiseTagDocument);

    if (typeof values.out === 'string') {
      const predicted = new Map<number, string>();
      for (const t of main.tagged) t.sentence.forEach((tok, i) => predicted.set(tok.lineNo, t.guessed[i]));
      const skipped = new Set(conll.errors.map((e) => e.line));
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines.length && lines[lines.length - 1] === '') lines.pop();
      const out: string[] = [];
      lines.forEach((raw, k) => {
        const line = raw.replace(/\r$/, '');
        const tag = predicted.get(k + 1);
        if (tag !== undefined) out.push(`${line} ${tag}`);
        else if (/^\s*$/.test(line)) out.push('');
        else if (!skipped.has(k + 1)) out.push(`${line} O`); // -DOCSTART- lines
      });
      writeFileSync(values.out, out.join('\n') + '\n');
    }

    const modelReport = report(main.score, main.seconds);
    const baseReport = base ? report(base.score, base.seconds) : null;
    if (format === 'json') {
      io.stdout(
        JSON.stringify(
          {
            ...modelReport,
            ...(baseReport ? { baseline: { method: 'compromise', ...baseReport } } : {}),
            model: modelPath,
            conditions: CONDITIONS,
            documents: documentsOf(conll).length,
            errors: conll.errors.map((e) => e.message),
          },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
    const cols = (m: (PRF & { gold: number; guessed: number }) | undefined) =>
      m
        ? `${pct(m.p)} ${pct(m.r)} ${pct(m.f)} ${String(m.gold).padStart(5)} ${String(m.guessed).padStart(5)}`
        : ''.padEnd(32);
    const head = `${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(5)} ${'guess'.padStart(5)}`;
    const lines = [
      `${file}: ${conll.tokens} tokens, ${documentsOf(conll).length} documents${conll.errors.length ? `, ${conll.errors.length} malformed lines skipped` : ''}`,
      '',
      `${''.padEnd(8)}  ${'model (perceptron)'.padEnd(32)}${base ? `  baseline (compromise)` : ''}`,
      `${'type'.padEnd(8)}  ${head}${base ? `  ${head}` : ''}`,
    ];
    for (const t of [...TYPES, 'overall']) {
      const pick = (s: ConllScore) => (t === 'overall' ? s.overall : s.byType[t]);
      lines.push(`${t.padEnd(8)}  ${cols(pick(main.score))}${base ? `  ${cols(pick(base.score))}` : ''}`);
    }
    lines.push('');
    lines.push(
      `model: ${main.seconds.toFixed(2)} s (load ${(loadSeconds * 1000).toFixed(0)} ms, ${Math.round(conll.tokens / (main.seconds - loadSeconds))} tokens/s)` +
        (base ? `; compromise: ${base.seconds.toFixed(2)} s` : ''),
    );
    io.stdout(lines.join('\n') + '\n' + conditionsText(CONDITIONS));
    return 0;
  },
};
