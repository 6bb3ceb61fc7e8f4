import type { Command } from '../common.js';

/** STUB (owned by the tls work): replaced by the real command. */
export const command: Command = {
  summary: 'eval tls',
  help: 'Usage: chronicle eval tls\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle eval tls: not implemented yet\n');
    return 1;
  },
};
