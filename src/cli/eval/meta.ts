/**
 * `chronicle eval meta <page-text> --html <article-extraction>`: how often Chronicle gets an article's
 * title, outlet and publication day right from pasted page text, beside what its HTML path gets from the
 * same pages, on a split by site (see src/eval/meta.ts for the gold and the matching rules).
 */
import { readFileSync } from 'node:fs';
import type { Command } from '../common.js';
import { UsageError, formatOption, parse, progress } from '../common.js';
import { conditionsText } from './conditions.js';
import type { Article } from '../../model.js';
import { runPipeline, type StageName } from '../../pipeline.js';
import { readTextArticle } from '../../ingest/text.js';
import { htmlToArticle } from '../../web/article.js';
import { maybeGunzip } from '../../web/charset.js';
import {
  loadMetaDataset,
  metaGold,
  metaScores,
  scorePrediction,
  siteHalves,
  TITLE_JACCARD,
  type MetaPageResult,
  type MetaPrediction,
  type MetaScores,
} from '../../eval/meta.js';

const help = `Usage: chronicle eval meta <page-text> --html <article-extraction> [--format text|json]

Reads each page of <page-text>/pages/<id>.txt as a pasted, undated plain-text file (what a user gets by
select-all + copy on the page; the text never holds the page URL) and compares the title, outlet and
publication day Chronicle finds with the gold read from the same page's HTML in
<article-extraction>/html/<id>.html.gz:
  title   gold og:title, else the first <h1>; right when the word sets' Jaccard >= ${TITLE_JACCARD}
  outlet  gold og:site_name, the JSON-LD publisher names and the page's registrable domain; right when
          the outlet key (case, punctuation, "The", a web suffix, legal-form words ignored; known
          aliases such as AP = Associated Press) equals one of theirs
  day     gold article:published_time, else JSON-LD datePublished; scored only over pages that state one
Chronicle's HTML path (the same page read as an .html file) is scored the same way beside it.
Pages are split by site into halves A (the methods were developed on it) and B (held out).

Options:
  --format FMT   text (default) or json (adds per-page detail)
`;

/** The stages after clean do not touch title, source or publishedAt: skip them. */
const AFTER_CLEAN: StageName[] = ['sentences', 'timex', 'mentions', 'entities', 'quotes', 'dedup'];

function predictionOf(a: Article): MetaPrediction {
  runPipeline([a], { disable: AFTER_CLEAN });
  return { title: a.title, outlet: a.source, day: a.publishedAt };
}

export interface MetaEvalResult {
  all: { text: MetaScores; html: MetaScores };
  A: { text: MetaScores; html: MetaScores };
  B: { text: MetaScores; html: MetaScores };
  pages: MetaPageResult[];
}

export function runMetaEval(
  pageTextDir: string,
  htmlDir: string,
  onProgress?: (done: number, total: number) => void,
): MetaEvalResult {
  const pages = loadMetaDataset(pageTextDir, htmlDir);
  const halves = siteHalves(pages);
  const results: MetaPageResult[] = pages.map((p, i) => {
    const html = readFileSync(p.htmlFile);
    const gold = metaGold(html, p.url);
    const text = predictionOf(readTextArticle(p.textFile, readFileSync(p.textFile, 'utf8')));
    let fromHtml: MetaPrediction = { title: null, outlet: null, day: null };
    try {
      fromHtml = predictionOf(htmlToArticle(maybeGunzip(html), { path: p.htmlFile }));
    } catch {
      // A page the HTML path finds no article in scores as nothing found.
    }
    onProgress?.(i + 1, pages.length);
    return {
      id: p.id,
      site: p.site,
      half: halves.get(p.site) ?? 'A',
      gold,
      text: scorePrediction(text, gold),
      html: scorePrediction(fromHtml, gold),
    };
  });
  const both = (rs: MetaPageResult[]) => ({ text: metaScores(rs, 'text'), html: metaScores(rs, 'html') });
  return {
    all: both(results),
    A: both(results.filter((r) => r.half === 'A')),
    B: both(results.filter((r) => r.half === 'B')),
    pages: results,
  };
}

/** What the figures are (see conditions.ts). */
const CONDITIONS = [
  'each page read as a pasted, undated plain-text file (select-all + copy of the page); the text never holds ' +
    'the page URL, so no outlet comes from a URL',
  `title right: word-set Jaccard >= ${TITLE_JACCARD} with og:title (else the first h1); outlet right: the same ` +
    'outlet key as og:site_name, a JSON-LD publisher or the registrable domain; day right: equals ' +
    'article:published_time (else JSON-LD datePublished), scored only over pages that state one',
  'held out: half B (sites never looked at while developing); in-sample: half A (the headline model was trained ' +
    'and the outlet weights chosen on it)',
  "HTML path: the same page read as an .html file by Chronicle (its og:title / site name are the gold's own " +
    'sources, so its title and outlet figures are near-circular)',
];

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

function row(label: string, s: { text: MetaScores; html: MetaScores }): string {
  return `${label.padEnd(22)} ${String(s.text.pages).padStart(5)}  ${pct(s.text.title)} ${pct(s.text.outlet)} ${pct(s.text.day)}   ${pct(s.html.title)} ${pct(s.html.outlet)} ${pct(s.html.day)}   ${s.text.titled}/${s.text.dated}`;
}

export const command: Command = {
  summary: 'titles, outlets and publication days from pasted page text (page-text + its HTML)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { html: { type: 'string' }, format: { type: 'string' } });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    if (positionals.length !== 1) throw new UsageError('expected one page-text folder');
    if (!values.html) throw new UsageError('--html <article-extraction folder> is required (the gold)');
    const bar = progress(io, Boolean(values.quiet));
    const r = runMetaEval(positionals[0], String(values.html), (d, t) => bar.update('meta', d, t));
    bar.done();
    if (format === 'json') {
      io.stdout(
        JSON.stringify({ all: r.all, A: r.A, B: r.B, conditions: CONDITIONS, pages: r.pages }) + '\n',
      );
      return 0;
    }
    io.stdout(
      [
        `article metadata from pasted page text: ${r.all.text.pages} pages, split by site (A: developed on, B: held out)`,
        '',
        `                             ------ pasted text ------   ------- HTML path -------   titled/`,
        `pages                  count   title  outlet    day    title  outlet    day   dated`,
        row('B (held out)', r.B),
        row('A (developed on)', r.A),
        row('all', r.all),
        '',
      ].join('\n') + conditionsText(CONDITIONS),
    );
    return 0;
  },
};
