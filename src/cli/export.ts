import type { Command } from './common.js';

/** STUB (owned by the store work): replaced by the real command. */
export const command: Command = {
  summary: 'export a story as JSON, Markdown, HTML or TimelineJS',
  help: 'Usage: chronicle export\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle export: not implemented yet\n');
    return 1;
  },
};
