/** `chronicle eval pubdate <dir>`: publication-day extraction on the htmldate evaluation layout. */
import { readFileSync } from 'node:fs';
import type { Command } from '../common.js';
import { UsageError, formatOption, parse, progress } from '../common.js';
import { loadPubdateDataset, scorePubdates, type PubdateScores } from '../../eval/pubdate.js';
import { decodeHtml, maybeGunzip } from '../../web/charset.js';
import { parseDocument } from '../../web/extract.js';
import { findPublicationDate } from '../../web/pubdate.js';
import type { DateEvidence, IsoDay } from '../../model.js';

const help = `Usage: chronicle eval pubdate <dir> [--format text|json]

Scores publication-date extraction on a folder laid out like the htmldate evaluation set (gold.json:
url -> {file, date}; pages in html/): accuracy of the day over all pages (no date counts as wrong),
coverage (pages given a date) and precision (correct / pages given a date), with a breakdown by the
kind of evidence used.

Options:
  --format FMT     text (default) or json: {"accuracy","coverage","precision","pages","seconds"}
`;

export interface PubdateEvalResult extends PubdateScores {
  seconds: number;
  byEvidence: Record<string, { pages: number; correct: number }>;
  results: {
    url: string;
    gold: IsoDay | null;
    predicted: IsoDay | null;
    evidence: DateEvidence | null;
    rule: string | null;
  }[];
}

/** `now` bounds plausible dates; the default is the real clock. */
export function runPubdateEval(
  dir: string,
  now = new Date(),
  onProgress?: (d: number, t: number) => void,
): PubdateEvalResult {
  const pages = loadPubdateDataset(dir);
  const results: PubdateEvalResult['results'] = [];
  let ms = 0;
  pages.forEach((p, i) => {
    const bytes = maybeGunzip(readFileSync(p.file));
    const t0 = performance.now();
    const html = decodeHtml(bytes).text;
    const d = findPublicationDate(parseDocument(html), { url: p.url, now, html });
    ms += performance.now() - t0;
    results.push({
      url: p.url,
      gold: p.gold,
      predicted: d?.day ?? null,
      evidence: d?.evidence ?? null,
      rule: d?.rule ?? null,
    });
    onProgress?.(i + 1, pages.length);
  });
  const byEvidence: PubdateEvalResult['byEvidence'] = {};
  for (const r of results) {
    const k = r.evidence ?? 'none';
    byEvidence[k] ??= { pages: 0, correct: 0 };
    byEvidence[k].pages++;
    if (r.predicted === r.gold) byEvidence[k].correct++;
  }
  return { ...scorePubdates(results), seconds: ms / 1000, byEvidence, results };
}

export const command: Command = {
  summary: 'publication-date extraction from HTML',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { format: { type: 'string' } });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    if (positionals.length !== 1) throw new UsageError('expected one dataset folder');
    const bar = progress(io, Boolean(values.quiet));
    const r = runPubdateEval(positionals[0], new Date(), (d, t) => bar.update('pubdate', d, t));
    bar.done();
    if (format === 'json') {
      io.stdout(
        JSON.stringify({
          accuracy: r.accuracy,
          coverage: r.coverage,
          precision: r.precision,
          pages: r.pages,
          seconds: r.seconds,
        }) + '\n',
      );
      return 0;
    }
    const lines = [
      `publication dates: ${r.pages} pages, ${r.seconds.toFixed(2)} s`,
      `accuracy   ${r.accuracy.toFixed(4)}`,
      `coverage   ${r.coverage.toFixed(4)}`,
      `precision  ${r.precision.toFixed(4)}`,
      '',
      'evidence      pages  correct',
      ...Object.entries(r.byEvidence).map(
        ([k, v]) => `${k.padEnd(13)} ${String(v.pages).padStart(5)}  ${String(v.correct).padStart(7)}`,
      ),
      '',
    ];
    io.stdout(lines.join('\n'));
    return 0;
  },
};
