/** `chronicle sources`: outlets with their article counts and first and last days (store or files). */
import { analyze } from '../index.js';
import { readInputs } from '../ingest/index.js';
import { DB_HELP, openCliStore, table } from '../store/cli.js';
import {
  articleOutletRecords,
  storeOutletRecords,
  summariseOutlets,
  type OutletSummary,
} from '../sources.js';
import { formatOption, parse, type Command } from './common.js';

const help = `Usage: chronicle sources [paths...] [options]

Lists the outlets that reported, with their number of articles and first and last publication days: of the
files and folders given, or else of every article in the store. An outlet comes from the input (JSONL
"source"), the article's text (datelines, bylines, credits, copyright lines) or its URL.

Options:
${DB_HELP}
  --format text|json     (default text; json: {"sources":[{"outlet","articles","first","last"}]})
`;

export const command: Command = {
  summary: 'outlets with article counts and first and last days (store, or files given)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { db: { type: 'string' }, format: { type: 'string' } });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    let rows: OutletSummary[];
    if (positionals.length) {
      const { articles } = await readInputs(positionals, {
        onError: (e) => {
          if (!values.quiet) io.stderr(`chronicle sources: ${e.message}\n`);
        },
      });
      const analysis = analyze(articles, {
        disable: ['sentences', 'timex', 'mentions', 'entities', 'quotes', 'dedup'],
      });
      rows = summariseOutlets(articleOutletRecords(analysis.articles));
    } else {
      const store = await openCliStore(values.db, { readonly: true });
      try {
        rows = summariseOutlets(await storeOutletRecords(store));
      } finally {
        await store.close();
      }
    }
    if (format === 'json') io.stdout(JSON.stringify({ sources: rows }) + '\n');
    else if (!rows.length) io.stdout('no articles\n');
    else
      io.stdout(
        table(
          ['outlet', 'articles', 'first', 'last'],
          rows.map((r) => [
            r.outlet ?? '(outlet not found)',
            String(r.articles),
            r.first ?? '-',
            r.last ?? '-',
          ]),
        ),
      );
    return 0;
  },
};
