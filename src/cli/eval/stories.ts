import type { Command } from '../common.js';

/** STUB (owned by the store work): replaced by the real command. */
export const command: Command = {
  summary: 'eval stories',
  help: 'Usage: chronicle eval stories\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle eval stories: not implemented yet\n');
    return 1;
  },
};
