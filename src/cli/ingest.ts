import type { Command } from './common.js';

/** STUB (owned by the store work): replaced by the real command. */
export const command: Command = {
  summary: 'store articles (files, folders, URLs) in the embedded store',
  help: 'Usage: chronicle ingest\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle ingest: not implemented yet\n');
    return 1;
  },
};
