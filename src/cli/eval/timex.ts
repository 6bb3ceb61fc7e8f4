import type { Command } from '../common.js';

/** STUB (owned by the timex work): replaced by the real command. */
export const command: Command = {
  summary: 'eval timex',
  help: 'Usage: chronicle eval timex\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle eval timex: not implemented yet\n');
    return 1;
  },
};
