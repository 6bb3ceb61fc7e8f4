/**
 * Runs the whole pipeline on a generated hostile text in a child process, for hostile-text.test.ts (a
 * quadratic stage must fail the test by its deadline, not stall the test run). Prints one JSON line.
 * Usage: node --import tsx test/e2e/analyze-child.ts <kind> <characters>
 */
import { readTextArticle } from '../../src/ingest/text.js';
import { runPipeline } from '../../src/pipeline.js';

const UNITS: Record<string, string> = {
  // short quotes and cue words in one paragraph without a full stop
  'quote-marks': '“ Ruiz said ” “ said Olander, ',
  // one-word lines without a full stop
  'short-lines': 'Kelvik\n',
  // one line of names, honorifics, roles and vessels without a full stop
  'one-line':
    'Mr Olander met Dr Ruiz near the tanker Aster Dawn as Kelvik Mayor Piet Olander said on Monday that ' +
    'Ms Ana Ruiz and spokesman Daniel Roper would meet in Brindle Bay while the ferry Morning Gull left ',
};
// a third argument 'no-clean' skips the clean stage (to reach the sentence splitter with text the
// furniture model would remove: 1 MB of one-word lines is a page of menu items to it)
const [kind, size, mode] = process.argv.slice(2);
const unit = UNITS[kind];
const text = unit.repeat(Math.ceil(Number(size) / unit.length));
const a = readTextArticle('hostile.txt', ` date 2024-03-04 ${text}`);
runPipeline([a], mode === 'no-clean' ? { disable: ['clean'] } : {});
console.log(
  JSON.stringify({ sentences: a.sentences.length, mentions: a.mentions.length, quotes: a.quotes.length }),
);
