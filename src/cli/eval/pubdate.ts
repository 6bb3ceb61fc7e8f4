/**
 * `chronicle eval pubdate`: publication-day extraction, scored per half of a documented site split
 * (src/eval/site-split.ts) so the figure on the half the rules were not developed on is reported first.
 * Two inputs: HTML pages on the htmldate evaluation layout, and pasted page text (the day the text reader
 * finds) with the gold read from the same pages' HTML.
 */
import { readFileSync } from 'node:fs';
import type { Command } from '../common.js';
import { UsageError, formatOption, parse, progress } from '../common.js';
import {
  PUBDATE_CONDITIONS,
  dayMatches,
  loadPubdateDataset,
  loadTextDateDataset,
  scoreByHalf,
  statedPublication,
  type HalvedScores,
  type PubdateScores,
} from '../../eval/pubdate.js';
import { siteHalf, type Half } from '../../eval/site-split.js';
import { readTextArticle } from '../../ingest/text.js';
import { decodeHtml, maybeGunzip } from '../../web/charset.js';
import { parseDocument } from '../../web/extract.js';
import { findPublicationDate } from '../../web/pubdate.js';
import type { DateEvidence, IsoDay } from '../../model.js';

const help = `Usage: chronicle eval pubdate <pubdates-dir> [--half A|B] [--format text|json]
       chronicle eval pubdate --text <page-text-dir> --html <article-extraction-dir> [--half A|B] [--format text|json]

HTML mode scores publication-date extraction on a folder laid out like the htmldate evaluation set
(gold.json: url -> {file, date}; pages in html/): accuracy of the day over all pages (no date counts as
wrong; an undated page is right only when no date is given), coverage and precision, with a breakdown
by the kind of evidence used.

Text mode scores the day the plain-text reader finds in pasted pages (page-text/pages/<id>.txt, read as
an undated text file) against the publication time the same page's HTML states
(article-extraction/html/<id>.html.gz: article:published_time, else JSON-LD datePublished; pages that
state none are left out). "strict" is the day as written in that timestamp; "tz" also accepts, for a
timestamp stored in UTC, the neighbouring day it falls on in some time zone (what the page showed).

Pages are split into halves A and B by site: SHA-256 of the URL's host name (lower case, no "www.", the
archived page's host for a Wayback Machine address), first byte even -> A, odd -> B. Each half is reported
with whether the rules were developed on it or it was held out; the held-out half comes first.

Options:
  --half H         score only half A or B
  --text DIR       page-text folder (ground-truth.json, pages/); needs --html
  --html DIR       article-extraction folder (html/<id>.html.gz) giving the gold for --text
  --format FMT     text (default) or json
`;

export interface PubdatePageResult {
  url: string;
  half: Half;
  gold: IsoDay | null;
  predicted: IsoDay | null;
  evidence: DateEvidence | null;
  rule: string | null;
}

export interface PubdateEvalResult extends PubdateScores {
  seconds: number;
  halves: HalvedScores;
  byEvidence: Record<string, { pages: number; correct: number }>;
  results: PubdatePageResult[];
}

/** `now` bounds plausible dates; the default is the real clock. */
export function runPubdateEval(
  dir: string,
  now = new Date(),
  onProgress?: (d: number, t: number) => void,
  half?: Half,
): PubdateEvalResult {
  const pages = loadPubdateDataset(dir).filter((p) => !half || siteHalf(p.url) === half);
  const results: PubdatePageResult[] = [];
  let ms = 0;
  pages.forEach((p, i) => {
    const bytes = maybeGunzip(readFileSync(p.file));
    const t0 = performance.now();
    const html = decodeHtml(bytes).text;
    const d = findPublicationDate(parseDocument(html), { url: p.url, now, html });
    ms += performance.now() - t0;
    results.push({
      url: p.url,
      half: siteHalf(p.url),
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
  const halves = scoreByHalf(results);
  return { ...halves.all, seconds: ms / 1000, halves, byEvidence, results };
}

export interface TextDateScores {
  /** Pages whose HTML states a publication time (the scored pages). */
  pages: number;
  strict: number;
  tz: number;
  /** Pages given a day at all. */
  coverage: number;
}

export interface TextDateEvalResult {
  halves: { A: TextDateScores; B: TextDateScores; all: TextDateScores };
  /** Pages whose HTML states no usable publication time (left out). */
  unscored: number;
  results: {
    id: string;
    url: string;
    half: Half;
    gold: string;
    predicted: IsoDay | null;
    strict: boolean;
    tz: boolean;
  }[];
}

/** The day the plain-text reader gives each pasted page, against the day its HTML states. */
export function runTextDateEval(
  pageTextDir: string,
  htmlDir: string,
  onProgress?: (d: number, t: number) => void,
  half?: Half,
): TextDateEvalResult {
  const pages = loadTextDateDataset(pageTextDir, htmlDir).filter((p) => !half || siteHalf(p.url) === half);
  const results: TextDateEvalResult['results'] = [];
  let unscored = 0;
  pages.forEach((p, i) => {
    onProgress?.(i + 1, pages.length);
    const gold = statedPublication(decodeHtml(maybeGunzip(readFileSync(p.htmlFile))).text);
    if (!gold) {
      unscored++;
      return;
    }
    const predicted = readTextArticle(p.textFile, readFileSync(p.textFile, 'utf8')).publishedAt;
    results.push({
      id: p.id,
      url: p.url,
      half: siteHalf(p.url),
      gold: gold.raw,
      predicted,
      strict: dayMatches(predicted, gold, false),
      tz: dayMatches(predicted, gold, true),
    });
  });
  const score = (rs: typeof results): TextDateScores => ({
    pages: rs.length,
    strict: rs.length ? rs.filter((r) => r.strict).length / rs.length : 0,
    tz: rs.length ? rs.filter((r) => r.tz).length / rs.length : 0,
    coverage: rs.length ? rs.filter((r) => r.predicted).length / rs.length : 0,
  });
  return {
    halves: {
      A: score(results.filter((r) => r.half === 'A')),
      B: score(results.filter((r) => r.half === 'B')),
      all: score(results),
    },
    unscored,
    results,
  };
}

/** The halves in report order (held out first) with their labels. */
function halfOrder(heldOut: Half | null): [Half, string][] {
  if (!heldOut)
    return [
      ['A', 'half A'],
      ['B', 'half B'],
    ];
  const dev: Half = heldOut === 'A' ? 'B' : 'A';
  return [
    [heldOut, `half ${heldOut} (held out)`],
    [dev, `half ${dev} (developed on)`],
  ];
}

const f4 = (x: number) => x.toFixed(4);

export const command: Command = {
  summary: 'publication-date extraction from HTML and from pasted page text',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      half: { type: 'string' },
      text: { type: 'string' },
      html: { type: 'string' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const half = values.half === undefined ? undefined : String(values.half).toUpperCase();
    if (half !== undefined && half !== 'A' && half !== 'B')
      throw new UsageError(`--half must be A or B, got "${values.half}"`);
    const bar = progress(io, Boolean(values.quiet));
    if (values.text !== undefined || values.html !== undefined) {
      if (values.text === undefined || values.html === undefined || positionals.length)
        throw new UsageError(
          'text mode needs --text <page-text-dir> and --html <article-extraction-dir> only',
        );
      const r = runTextDateEval(
        String(values.text),
        String(values.html),
        (d, t) => bar.update('pubdate', d, t),
        half as Half | undefined,
      );
      bar.done();
      if (format === 'json') {
        io.stdout(
          JSON.stringify({ ...r.halves, unscored: r.unscored, conditions: PUBDATE_CONDITIONS.text }) + '\n',
        );
        return 0;
      }
      const line = (label: string, s: TextDateScores) =>
        `${label.padEnd(26)} ${String(s.pages).padStart(5)}  ${f4(s.strict)}  ${f4(s.tz)}  ${f4(s.coverage)}`;
      const lines = [
        `publication day from pasted text: ${r.results.length} pages whose HTML states one (${r.unscored} left out)`,
        `${''.padEnd(26)} pages  strict  tz      coverage`,
        ...halfOrder(PUBDATE_CONDITIONS.text.heldOut)
          .filter(([h]) => !half || h === half)
          .map(([h, label]) => line(label, r.halves[h])),
        ...(half ? [] : [line('all', r.halves.all)]),
        `conditions: ${PUBDATE_CONDITIONS.text.note}`,
        '',
      ];
      io.stdout(lines.join('\n'));
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('expected one dataset folder');
    const r = runPubdateEval(
      positionals[0],
      new Date(),
      (d, t) => bar.update('pubdate', d, t),
      half as Half | undefined,
    );
    bar.done();
    if (format === 'json') {
      const { A, B, all } = r.halves;
      io.stdout(
        JSON.stringify({ ...all, seconds: r.seconds, A, B, conditions: PUBDATE_CONDITIONS.html }) + '\n',
      );
      return 0;
    }
    const line = (label: string, s: PubdateScores) =>
      `${label.padEnd(26)} ${String(s.pages).padStart(5)}  ${f4(s.accuracy)}  ${f4(s.coverage)}  ${f4(s.precision)}`;
    const lines = [
      `publication dates: ${r.pages} pages, ${r.seconds.toFixed(2)} s`,
      `${''.padEnd(26)} pages  accuracy coverage precision`,
      ...halfOrder(PUBDATE_CONDITIONS.html.heldOut)
        .filter(([h]) => !half || h === half)
        .map(([h, label]) => line(label, r.halves[h])),
      ...(half ? [] : [line('all', r.halves.all)]),
      `conditions: ${PUBDATE_CONDITIONS.html.note}`,
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
