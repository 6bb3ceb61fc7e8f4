/** `chronicle search "<terms>"`: ranked full-text search over stored articles, with snippets. */
import { DB_HELP, openCliStore } from '../store/cli.js';
import { dayOption, formatOption, intOption, parse, UsageError, type Command } from './common.js';

const help = `Usage: chronicle search "<terms>" [options]

Full-text search (SQLite FTS5, bm25 ranking, title weighted 4x) over stored articles. Words are ANDed;
"quoted phrases" match as phrases. Matches are shown with a snippet, [matched words] in brackets.
When more than 5,000 articles match (common words in a large store), the 5,000 most recently stored
matches are ranked (with filters: the most recent ones that pass them), which keeps every query fast.

Options:
${DB_HELP}
  --entity NAME          only articles mentioning this entity (name or alias)
  --source NAME          only articles from this outlet
  --from YYYY-MM-DD      published on or after
  --to YYYY-MM-DD        published on or before
  --story ID             only articles of this story
  --limit N              number of hits (default 20)
  --format text|json     (default text)
`;

export const command: Command = {
  summary: 'full-text search over stored articles (ranked, with snippets)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      db: { type: 'string' },
      entity: { type: 'string' },
      source: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      story: { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
    });
    const terms = positionals.join(' ').trim();
    if (!terms) throw new UsageError('give search terms');
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const store = await openCliStore(values.db, { readonly: true });
    try {
      const hits = await store.search(terms, {
        entity: values.entity as string | undefined,
        source: values.source as string | undefined,
        from: dayOption(values.from, 'from'),
        to: dayOption(values.to, 'to'),
        story: values.story as string | undefined,
        limit: intOption(values.limit, 'limit', 1),
      });
      if (format === 'json') io.stdout(JSON.stringify(hits) + '\n');
      else if (!hits.length) io.stdout('no matches\n');
      else
        io.stdout(
          hits
            .map(
              (h, i) =>
                `${i + 1}. ${h.title ?? h.articleId}  (${[h.source, h.publishedAt].filter(Boolean).join(', ') || 'undated'}; ${h.articleId}; score ${h.score})\n   ${h.snippet}`,
            )
            .join('\n') + '\n',
        );
    } finally {
      await store.close();
    }
    return 0;
  },
};
