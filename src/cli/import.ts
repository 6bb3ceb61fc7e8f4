/** `chronicle import <file.json>`: load a story exported with `chronicle export --format json`. */
import { readFileSync } from 'node:fs';
import { InputError } from '../model.js';
import { importStory } from '../render/story-export.js';
import { DB_HELP, openCliStore } from '../store/cli.js';
import { parse, UsageError, type Command } from './common.js';

const help = `Usage: chronicle import <file.json...> [--db FILE]

Imports stories exported with \`chronicle export --format json\` (no re-analysis). Articles already in
the store are skipped.

Options:
${DB_HELP}
`;

export const command: Command = {
  summary: 'import a story exported as JSON',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { db: { type: 'string' } });
    if (!positionals.length) throw new UsageError('give a story JSON file to import');
    const store = await openCliStore(values.db, { create: true });
    try {
      for (const file of positionals) {
        let json: string;
        try {
          json = readFileSync(file, 'utf8');
        } catch (e) {
          throw new InputError(file, `cannot read: ${(e as Error).message}`);
        }
        const r = await importStory(store, json, file);
        io.stdout(
          r.storyId
            ? `${file}: story ${r.storyId}, ${r.articles} articles added\n`
            : `${file}: every article was stored already; nothing added\n`,
        );
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};
