import type { Command } from './common.js';

/** STUB (owned by the store work): replaced by the real command. */
export const command: Command = {
  summary: 'list the stories in the store',
  help: 'Usage: chronicle stories\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle stories: not implemented yet\n');
    return 1;
  },
};
