/**
 * Child process for the fault tests: ingests generated articles into a store in batches and prints
 * "committed <total>" after each committed batch. Usage: ingest-child.ts <db file or URL> <prefix> <batches> <batchSize>
 */
import { openStore } from '../../src/store/index.js';
import { art, miniAnalyze } from './helpers.js';

const [db, prefix, batches, size] = process.argv.slice(2);
const store = await openStore(db, { analyzer: miniAnalyze });
let total = 0;
for (let b = 0; b < Number(batches); b++) {
  const batch = [];
  for (let i = 0; i < Number(size); i++) {
    const n = b * Number(size) + i;
    batch.push(
      art(
        `Report ${prefix} number ${n} about the harbour inspection at Kessel Bay. Inspector Lena Moss counted ${n} barrels on the pier.`,
        '2024-05-01',
        {
          id: `${prefix}-${n}`,
        },
      ),
    );
  }
  const r = await store.ingest(batch);
  total += r.added.length;
  process.stdout.write(`committed ${total}\n`);
}
await store.close();
