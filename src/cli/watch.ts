import type { Command } from './common.js';

/** STUB (owned by the web work): replaced by the real command. */
export const command: Command = {
  summary: 'poll feeds and ingest new articles',
  help: 'Usage: chronicle watch\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle watch: not implemented yet\n');
    return 1;
  },
};
