/** `chronicle eval score --gold <file> --pred <file>`: tilse's metrics of one timeline against a reference. */
import { readFileSync } from 'node:fs';
import type { Command } from '../common.js';
import { formatOption, parse, UsageError } from '../common.js';
import { readTilseTimelineText, scoreTimeline, type TilseTimeline } from '../../eval/tilse.js';
import type { PRF } from '../../eval/rouge.js';
import { conditionsText } from './conditions.js';

const help = `Usage: chronicle eval score --gold <timeline.txt> [--gold <more.txt>...] --pred <timeline.txt> [--format text|json]

Scores a predicted timeline against one or more reference timelines, both in tilse's text format
(a YYYY-MM-DD line, one sentence per line, a line of 32 dashes), with tilse's metrics: concat,
agreement and align_date_content_costs_many_to_one ("alignM1") over ROUGE-1 and ROUGE-2
(ROUGE-1.5.5 with stemming and stopword removal), and date precision/recall/F1.
An empty predicted timeline scores 0. JSON:
{"concat":{"rouge1":{"p","r","f"},"rouge2":{...}},"agreement":{...},"alignM1":{...},"date":{"p","r","f"}}
`;

function load(path: string, warn: (s: string) => void): TilseTimeline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { timeline, warnings } = readTilseTimelineText(text, path);
  for (const w of warnings) warn(`warning: ${w}`);
  return timeline;
}

const round = (x: PRF) => ({ p: x.p, r: x.r, f: x.f });

export const command: Command = {
  summary: 'tilse metrics of one predicted timeline against a reference',
  help,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        gold: { type: 'string', multiple: true },
        pred: { type: 'string' },
        format: { type: 'string' },
      },
      false,
    );
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const golds = (values.gold as unknown as string[] | undefined) ?? [];
    const pred = values.pred as string | undefined;
    if (!golds.length || !pred) throw new UsageError('give --gold <file> and --pred <file>');
    const warn = (s: string) => {
      if (!values.quiet) io.stderr(s + '\n');
    };
    let refs: TilseTimeline[];
    let predicted: TilseTimeline;
    try {
      refs = golds.map((g) => load(g, warn));
      predicted = load(pred, warn);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      io.stderr(`chronicle eval score: ${(e as Error).message}\n`);
      return 1;
    }
    if (refs.some((r) => r.size === 0)) {
      io.stderr('chronicle eval score: a reference timeline is empty\n');
      return 1;
    }
    const s = scoreTimeline(predicted, refs);
    const result = {
      concat: { rouge1: round(s.concat.rouge1), rouge2: round(s.concat.rouge2) },
      agreement: { rouge1: round(s.agreement.rouge1), rouge2: round(s.agreement.rouge2) },
      alignM1: { rouge1: round(s.alignM1.rouge1), rouge2: round(s.alignM1.rouge2) },
      date: round(s.date),
    };
    if (format === 'json') {
      io.stdout(JSON.stringify(result) + '\n');
      return 0;
    }
    const f4 = (x: number) => x.toFixed(4);
    let out = `${'metric'.padEnd(18)} ${'P'.padStart(7)} ${'R'.padStart(7)} ${'F'.padStart(7)}\n`;
    const row = (name: string, v: PRF) =>
      (out += `${name.padEnd(18)} ${f4(v.p).padStart(7)} ${f4(v.r).padStart(7)} ${f4(v.f).padStart(7)}\n`);
    for (const m of ['concat', 'agreement', 'alignM1'] as const) {
      row(`${m} ROUGE-1`, result[m].rouge1);
      row(`${m} ROUGE-2`, result[m].rouge2);
    }
    row('date', result.date);
    io.stdout(out + conditionsText(['metric only: scores the given files as they are (no method is run)']));
    return 0;
  },
};
