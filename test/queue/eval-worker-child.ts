/**
 * Child process for the eval-stories queue test: a worker (src/queue) whose analysis of one chosen batch waits
 * until another batch has been committed, so that batches are certainly committed out of the order they were
 * queued in, as concurrent workers may commit them. Usage: eval-worker-child.ts <url> <signal-dir> <slow-id>
 * (the batch holding article <slow-id> waits). Prints its report as JSON.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWorker } from '../../src/queue/index.js';
import { miniAnalyze } from '../store/helpers.js';

const [url, signals, slowId] = process.argv.slice(2) as [string, string, string];
const sleep = new Int32Array(new SharedArrayBuffer(4));
const r = await runWorker(url, {
  untilEmpty: true,
  pollSeconds: 0.5,
  // Each commit ("batch N: added ...") leaves a file: the slow batch goes on once one exists (at most 60 s, then
  // the test fails).
  log: (line) => {
    if (/: added \d+/.test(line)) writeFileSync(join(signals, `${process.pid}-${Date.now()}`), line);
  },
  analyzer: (articles, options) => {
    if (articles.some((a) => a.id === slowId))
      for (let t = 0; t < 1200 && !(existsSync(signals) && readdirSync(signals).length); t++)
        Atomics.wait(sleep, 0, 0, 50);
    return miniAnalyze(articles, options);
  },
});
process.stdout.write(JSON.stringify(r) + '\n');
