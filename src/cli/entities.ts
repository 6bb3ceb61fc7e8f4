import type { Command } from './common.js';

/** STUB (owned by the store work): replaced by the real command. */
export const command: Command = {
  summary: 'list stored entities and their aliases',
  help: 'Usage: chronicle entities\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle entities: not implemented yet\n');
    return 1;
  },
};
