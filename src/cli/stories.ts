/** `chronicle stories`: the stories in the store with size, span, top entities and sources. */
import { DB_HELP, openCliStore, table } from '../store/cli.js';
import { formatOption, intOption, parse, type Command } from './common.js';

const help = `Usage: chronicle stories [options]

Lists the stories (clusters of articles about one developing event) in the store, largest first.

Options:
${DB_HELP}
  --limit N              show at most N stories
  --format text|json     (default text)
`;

export const command: Command = {
  summary: 'list the stories in the store (size, span, top entities, sources)',
  help,
  async run(argv, io) {
    const { values } = parse(
      argv,
      { db: { type: 'string' }, format: { type: 'string' }, limit: { type: 'string' } },
      false,
    );
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const limit = intOption(values.limit, 'limit', 1);
    const store = await openCliStore(values.db, { readonly: true });
    try {
      const stories = (await store.listStories()).slice(0, limit);
      if (format === 'json') io.stdout(JSON.stringify(stories) + '\n');
      else if (!stories.length) io.stdout('no stories yet (run `chronicle ingest`)\n');
      else
        io.stdout(
          table(
            ['id', 'size', 'span', 'top entities', 'sources', 'title'],
            stories.map((s) => [
              s.id,
              String(s.articles),
              s.from ? (s.to && s.to !== s.from ? `${s.from}..${s.to}` : s.from) : '-',
              s.topEntities
                .slice(0, 3)
                .map((e) => e.name)
                .join(', '),
              s.sources.slice(0, 3).join(', '),
              s.title,
            ]),
          ),
        );
    } finally {
      await store.close();
    }
    return 0;
  },
};
