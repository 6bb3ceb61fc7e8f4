import type { Command } from '../common.js';

/** STUB (owned by the entity work): replaced by the real command. */
export const command: Command = {
  summary: 'eval coref',
  help: 'Usage: chronicle eval coref\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle eval coref: not implemented yet\n');
    return 1;
  },
};
