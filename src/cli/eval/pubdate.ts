import type { Command } from '../common.js';

/** STUB (owned by the web work): replaced by the real command. */
export const command: Command = {
  summary: 'eval pubdate',
  help: 'Usage: chronicle eval pubdate\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle eval pubdate: not implemented yet\n');
    return 1;
  },
};
