import type { Command } from './common.js';

/** STUB (owned by the store work): replaced by the real command. */
export const command: Command = {
  summary: 'full-text search over stored articles',
  help: 'Usage: chronicle search\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle search: not implemented yet\n');
    return 1;
  },
};
