/**
 * Runs readInputs in a child process for the tests of hostile folders: a FIFO blocks a synchronous read
 * and a link to /dev/zero grows memory, which no in-process test timeout can stop. Prints one JSON line
 * with the articles' paths and dates and the error messages.
 * Usage: node --import tsx test/ingest/read-inputs-child.ts <paths...>
 */
import { readInputs } from '../../src/ingest/index.js';

const r = await readInputs(process.argv.slice(2));
console.log(
  JSON.stringify({
    articles: r.articles.map((a) => ({ path: a.path, publishedAt: a.publishedAt })),
    errors: r.errors.map((e) => e.message),
  }),
);
