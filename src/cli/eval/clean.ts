/** `chronicle eval clean <page-text>`: furniture removal from copied page text, against the article body. */
import { writeFileSync } from 'node:fs';
import type { Command } from '../common.js';
import { UsageError, formatOption, intOption, parse, progress } from '../common.js';
import { evaluateClean } from '../../eval/clean.js';
import type { PRF } from '../../eval/extract.js';

const help = `Usage: chronicle eval clean <dir> [--cv] [--folds K] [--seed N] [--out FILE] [--format text|json]

Scores the clean stage on a folder laid out like page-text (pages/<id>.txt, the text a reader gets by
select-all + copy on a news page, and ground-truth.json with each page's articleBody and url). Each page
is read as an undated plain-text file and cleaned as \`chronicle analyze\` does; its cleaned text
(articles[].text) is scored against the body with the metric of \`chronicle eval extract\` (word 4-gram
shingle precision, recall and F1, averaged over pages). Printed beside it: the raw page text (nothing
removed) and the named rules alone.

The shipped furniture model (models/clean/) was trained on the shared page-text pages, so on those pages
its figure is in-sample. --cv also trains models with the shipped settings on K-1 folds of sites and
scores each page with the model that never saw its site (folds grouped by registrable domain of the
page URL): the held-out figure, the one to quote.

Options:
  --cv             add the cross-validated (held-out by site) figure
  --folds K        number of site folds for --cv (default 5)
  --seed N         seed of the fold assignment and of training (default 1)
  --out FILE       write {id: cleanedText} (shipped model) as JSON
  --format FMT     text (default) or json: {"pages","raw","rules","shipped","cv"} each {"p","r","f"}
`;

export const command: Command = {
  summary: 'page-text benchmark (furniture removal from copied page text)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      cv: { type: 'boolean' },
      folds: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    if (positionals.length !== 1) throw new UsageError('expected one dataset folder');
    const folds = intOption(values.folds, 'folds', 2) ?? 5;
    const seed = intOption(values.seed, 'seed', 0) ?? 1;
    const bar = progress(io, Boolean(values.quiet));
    const t0 = performance.now();
    const r = evaluateClean(positionals[0], {
      cvFolds: values.cv ? folds : undefined,
      seed,
      onProgress: (what, d, t) => bar.update(what, d, t),
    });
    bar.done();
    const seconds = (performance.now() - t0) / 1000;
    if (values.out) writeFileSync(String(values.out), JSON.stringify(r.outputs, null, 1));
    if (format === 'json') {
      const prf = ({ p, r: rec, f }: PRF) => ({ p, r: rec, f });
      io.stdout(
        JSON.stringify({
          pages: r.pages,
          seconds,
          raw: prf(r.raw),
          rules: prf(r.rules),
          shipped: prf(r.shipped),
          ...(r.cv ? { cv: { ...prf(r.cv), folds: r.cv.folds, seed: r.cv.seed } } : {}),
        }) + '\n',
      );
      return 0;
    }
    const fmt = (x: number) => x.toFixed(4);
    const row = (label: string, s: PRF) => `${label.padEnd(58)}${fmt(s.p)}  ${fmt(s.r)}  ${fmt(s.f)}`;
    const lines = [
      `clean: ${r.pages} pages, ${seconds.toFixed(1)} s`,
      `${'condition'.padEnd(58)}P       R       F1`,
    ];
    if (r.cv) lines.push(row(`rules + model, ${r.cv.folds}-fold by site: held out`, r.cv));
    lines.push(
      row('rules + shipped model (trained on page-text): in-sample', r.shipped),
      row('rules only (no model)', r.rules),
      row('raw page text (nothing removed): floor', r.raw),
      '',
    );
    io.stdout(lines.join('\n'));
    return 0;
  },
};
