/** `chronicle quotes`: stored quotes, by speaker and story, in publication order. */
import { DB_HELP, openCliStore } from '../store/cli.js';
import { formatOption, intOption, parse, type Command } from './common.js';

const help = `Usage: chronicle quotes [options]

Options:
${DB_HELP}
  --speaker NAME         only quotes by this speaker (part of the name, or an alias)
  --story ID             only quotes of this story
  --limit N              (default 100)
  --format text|json     (default text)
`;

export const command: Command = {
  summary: 'list stored quotes (filter by speaker or story)',
  help,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        db: { type: 'string' },
        speaker: { type: 'string' },
        story: { type: 'string' },
        limit: { type: 'string' },
        format: { type: 'string' },
      },
      false,
    );
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const store = await openCliStore(values.db, { readonly: true });
    try {
      const list = await store.quotes({
        speaker: values.speaker as string | undefined,
        story: values.story as string | undefined,
        limit: intOption(values.limit, 'limit', 1),
      });
      if (format === 'json') io.stdout(JSON.stringify(list) + '\n');
      else if (!list.length) io.stdout('no quotes\n');
      else
        io.stdout(
          list
            .map(
              (q) =>
                `${q.date ?? 'undated'}  ${q.speaker ?? 'unknown'}${q.cue ? ` (${q.cue})` : ''}: “${q.text}”  [${q.articleId}${q.storyId ? `, ${q.storyId}` : ''}]`,
            )
            .join('\n') + '\n',
        );
    } finally {
      await store.close();
    }
    return 0;
  },
};
