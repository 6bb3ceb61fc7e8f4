/** `chronicle import <file.json>`: load a story exported with `chronicle export --format json`. */
import { readFileSync } from 'node:fs';
import { InputError } from '../model.js';
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
    const store = openCliStore(values.db, { create: true });
    try {
      for (const file of positionals) {
        let json: string;
        try {
          json = readFileSync(file, 'utf8');
        } catch (e) {
          throw new InputError(file, `cannot read: ${(e as Error).message}`);
        }
        const r = store.importStory(json, file);
        io.stdout(`${file}: story ${r.storyId}, ${r.articles} articles added\n`);
      }
    } finally {
      store.close();
    }
    return 0;
  },
};
