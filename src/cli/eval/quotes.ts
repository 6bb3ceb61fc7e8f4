import type { Command } from '../common.js';

/** STUB (owned by the entity work): replaced by the real command. */
export const command: Command = {
  summary: 'eval quotes',
  help: 'Usage: chronicle eval quotes\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle eval quotes: not implemented yet\n');
    return 1;
  },
};
