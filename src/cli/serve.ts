import type { Command } from './common.js';

/** STUB (owned by the server work): replaced by the real command. */
export const command: Command = {
  summary: 'start the HTTP API and web app',
  help: 'Usage: chronicle serve\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle serve: not implemented yet\n');
    return 1;
  },
};
