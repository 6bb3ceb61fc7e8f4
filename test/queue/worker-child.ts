/**
 * Child process for the queue tests: a worker whose analysis takes a while and says when it starts, so the test
 * can kill it mid-batch. Usage: worker-child.ts <url>
 */
import { runWorker } from '../../src/queue/index.js';
import { miniAnalyze } from '../store/helpers.js';

const [url] = process.argv.slice(2);
await runWorker(url!, {
  untilEmpty: true,
  pollSeconds: 0.5,
  maintenanceSeconds: 1,
  analyzer: (articles, options) => {
    process.stdout.write('analysing\n');
    const until = Date.now() + 3000;
    while (Date.now() < until);
    return miniAnalyze(articles, options);
  },
});
