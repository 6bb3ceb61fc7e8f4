/** `chronicle eval <benchmark>`: dispatches to one file per benchmark in ./eval/. */
import type { Command } from './common.js';
import { UsageError } from './common.js';

const benchmarks: Record<string, () => Promise<{ command: Command }>> = {
  timex: () => import('./eval/timex.js'),
  score: () => import('./eval/score.js'),
  tls: () => import('./eval/tls.js'),
  ner: () => import('./eval/ner.js'),
  coref: () => import('./eval/coref.js'),
  quotes: () => import('./eval/quotes.js'),
  extract: () => import('./eval/extract.js'),
  clean: () => import('./eval/clean.js'),
  pubdate: () => import('./eval/pubdate.js'),
  stories: () => import('./eval/stories.js'),
  meta: () => import('./eval/meta.js'),
};

const help = `Usage: chronicle eval <benchmark> [options]

Benchmarks (each takes a dataset path and --format text|json; see \`chronicle eval <benchmark> --help\`):
  timex    TempEval-3 time-expression extents, types and values on TimeML files
  score    tilse metrics of one predicted timeline against one reference
  tls      Timeline17 timeline summarisation (AR-1, AR-2, Date-F1)
  ner      CoNLL-2003 named entities (conlleval)
  coref    MEANTIME cross-document entity coreference (B-cubed, CoNLL F1)
  quotes   PolNeAR quote and attribution extraction
  extract  article-extraction benchmark (main text from HTML)
  clean    page-text benchmark (furniture removal from copied page text)
  pubdate  publication-date extraction from HTML
  stories  story clustering on Timeline17 (purity, inverse purity, B-cubed)
  meta     titles, outlets and publication days from pasted page text (page-text with its HTML)
`;

export const command: Command = {
  summary:
    'measure a stage on a public benchmark (timex, score, tls, ner, coref, quotes, extract, clean, pubdate, stories, meta)',
  help,
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h') {
      io.stdout(help);
      return name ? 0 : 2;
    }
    const load = benchmarks[name];
    if (!load) throw new UsageError(`unknown benchmark "${name}"`);
    const { command: sub } = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(sub.help.trimEnd() + '\n');
      return 0;
    }
    return sub.run(rest, io);
  },
};
