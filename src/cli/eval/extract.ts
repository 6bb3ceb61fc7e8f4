/** `chronicle eval extract <dir>`: main-text extraction on the article-extraction benchmark layout. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from '../common.js';
import { UsageError, formatOption, parse, progress } from '../common.js';
import { aggregate, loadExtractionDataset, shingleMatch, type PRF, type TpFpFn } from '../../eval/extract.js';
import { decodeHtml, maybeGunzip } from '../../extract/charset.js';
import { extractArticle } from '../../extract/extract.js';
import { conditionsText } from './conditions.js';

const help = `Usage: chronicle eval extract <dir> [--out FILE] [--format text|json]

Scores main-text extraction on a folder laid out like the article-extraction benchmark
(html/<id>.html.gz and ground-truth.json with articleBody): precision, recall and F1 over word
4-gram shingles, averaged over pages as scrapinghub/article-extraction-benchmark does, with plain
Mozilla Readability alongside as the baseline.

Options:
  --out FILE       write {id: extractedText} as JSON
  --format FMT     text (default) or json: {"p","r","f","pages","seconds","baseline":{"p","r","f"}}
`;

export interface ExtractEvalResult extends PRF {
  pages: number;
  seconds: number;
  baseline: PRF;
  /** Per page F1 of ours and the baseline (for error analysis). */
  perPage: { id: string; f: number; baselineF: number; method: string }[];
  outputs: Record<string, string>;
}

const pageF = ([tp, fp, fn]: TpFpFn) => (tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 1);

export function runExtractEval(
  dir: string,
  onProgress?: (done: number, total: number) => void,
): ExtractEvalResult {
  const pages = loadExtractionDataset(dir);
  const ours: TpFpFn[] = [];
  const base: TpFpFn[] = [];
  const outputs: Record<string, string> = {};
  const perPage: ExtractEvalResult['perPage'] = [];
  let ms = 0;
  pages.forEach((page, i) => {
    const bytes = maybeGunzip(readFileSync(page.file));
    const t0 = performance.now();
    const html = decodeHtml(bytes).text;
    const res = extractArticle(html, { url: page.url, noDate: true });
    ms += performance.now() - t0;
    const b = extractArticle(html, { url: page.url, baseline: true, noDate: true });
    outputs[page.id] = res.text;
    const o = shingleMatch(page.goldBody, res.text);
    const bb = shingleMatch(page.goldBody, b.text);
    ours.push(o);
    base.push(bb);
    perPage.push({ id: page.id, f: pageF(o), baselineF: pageF(bb), method: res.method });
    onProgress?.(i + 1, pages.length);
  });
  return {
    ...aggregate(ours),
    pages: pages.length,
    seconds: ms / 1000,
    baseline: aggregate(base),
    perPage,
    outputs,
  };
}

/** What the figures are (see conditions.ts). */
const CONDITIONS = [
  '4-gram shingle P/R/F1 per page, averaged over pages (the Zyte benchmark metric)',
  'in-sample: the extraction rules were developed on these same pages (the visible half of the ' +
    'benchmark); the other half is held out and not here',
];

export const command: Command = {
  summary: 'article-extraction benchmark (main text from HTML)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { out: { type: 'string' }, format: { type: 'string' } });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    if (positionals.length !== 1) throw new UsageError('expected one dataset folder');
    const bar = progress(io, Boolean(values.quiet));
    const r = runExtractEval(positionals[0], (d, t) => bar.update('extract', d, t));
    bar.done();
    if (values.out) writeFileSync(String(values.out), JSON.stringify(r.outputs, null, 1));
    const fmt = (x: number) => x.toFixed(4);
    if (format === 'json') {
      io.stdout(
        JSON.stringify({
          p: r.p,
          r: r.r,
          f: r.f,
          pages: r.pages,
          seconds: r.seconds,
          baseline: r.baseline,
          conditions: CONDITIONS,
        }) + '\n',
      );
    } else {
      io.stdout(
        [
          `article extraction: ${r.pages} pages, ${r.seconds.toFixed(2)} s (${(r.pages / r.seconds).toFixed(1)} pages/s)`,
          `system       P       R       F1`,
          `chronicle    ${fmt(r.p)}  ${fmt(r.r)}  ${fmt(r.f)}`,
          `readability  ${fmt(r.baseline.p)}  ${fmt(r.baseline.r)}  ${fmt(r.baseline.f)}`,
          '',
        ].join('\n') + conditionsText(CONDITIONS),
      );
    }
    return 0;
  },
};
