import type { Command } from '../common.js';

/** STUB (owned by the NER work): replaced by the real command. */
export const command: Command = {
  summary: 'eval ner',
  help: 'Usage: chronicle eval ner\n(not implemented yet)\n',
  async run(_argv, io) {
    io.stderr('chronicle eval ner: not implemented yet\n');
    return 1;
  },
};
