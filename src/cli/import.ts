import type { Command } from './common.js';

/** STUB (owned by the store work): replaced by the real command. */
export const command: Command = {
  summary: 'import a story exported as JSON',
  help: 'Usage: chronicle import\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle import: not implemented yet\n');
    return 1;
  },
};
