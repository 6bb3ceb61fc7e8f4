/** `chronicle entities`: people, organisations and places in the store (or one story), most mentioned first. */
import type { EntityType } from '../model.js';
import { DB_HELP, openCliStore, table } from '../store/cli.js';
import { formatOption, intOption, parse, UsageError, type Command } from './common.js';

const TYPES = ['PERSON', 'ORG', 'LOC', 'MISC'];

const help = `Usage: chronicle entities [options]

Options:
${DB_HELP}
  --story ID             only entities of this story
  --type PERSON|ORG|LOC|MISC
  --limit N              (default 50)
  --format text|json     (default text)
`;

export const command: Command = {
  summary: 'list stored entities with their aliases and mention counts',
  help,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        db: { type: 'string' },
        story: { type: 'string' },
        type: { type: 'string' },
        limit: { type: 'string' },
        format: { type: 'string' },
      },
      false,
    );
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const type = values.type === undefined ? undefined : String(values.type).toUpperCase();
    if (type !== undefined && !TYPES.includes(type))
      throw new UsageError(`--type must be one of ${TYPES.join(', ')}, got "${values.type}"`);
    const store = await openCliStore(values.db, { readonly: true });
    try {
      const list = await store.entities({
        story: values.story as string | undefined,
        type: type as EntityType | undefined,
        limit: intOption(values.limit, 'limit', 1),
      });
      if (format === 'json') io.stdout(JSON.stringify(list) + '\n');
      else if (!list.length) io.stdout('no entities\n');
      else
        io.stdout(
          table(
            ['name', 'type', 'mentions', 'articles', 'aliases'],
            list.map((e) => [
              e.name,
              e.type,
              String(e.mentions),
              String(e.articleIds.length),
              e.aliases.join(', '),
            ]),
          ),
        );
    } finally {
      await store.close();
    }
    return 0;
  },
};
