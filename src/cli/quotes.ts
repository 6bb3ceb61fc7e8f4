import type { Command } from './common.js';

/** STUB (owned by the store work): replaced by the real command. */
export const command: Command = {
  summary: 'list stored quotes, by speaker',
  help: 'Usage: chronicle quotes\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle quotes: not implemented yet\n');
    return 1;
  },
};
