/**
 * Distributed ingest through the PostgreSQL job queue (src/queue), on a real PostgreSQL (CHRONICLE_TEST_PG; no
 * mock): batches queued and taken by two workers store every article once; queuing the same articles again
 * stores nothing; a worker killed mid-batch has its batch taken again, and the store ends as a clean run's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { enqueue, queueStatus, runWorker } from '../../src/queue/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { art, COUNCIL, miniAnalyze, SPILL } from '../store/helpers.js';
import { freshPgLocation, PG_URL } from '../store/contract/backends.js';

const skip = PG_URL
  ? false
  : process.env.CI === 'true'
    ? false
    : 'CHRONICLE_TEST_PG not set (scripts/ci-postgres.sh starts a local cluster and prints the URL)';

const corpus = () => [
  ...SPILL.map(([t, d], i) => art(t, d, { id: `spill${i}`, source: 'Bay Gazette' })),
  ...COUNCIL.map(([t, d], i) => art(t, d, { id: `council${i}`, source: 'Harbour Courier' })),
];

async function counts(s: Store) {
  const st = await s.stats();
  return { articles: st.articles, entities: st.entities, quotes: (await s.quotes({ limit: 10000 })).length };
}

test(
  'two workers take queued batches; every article is stored once, and again-queued articles are duplicates',
  { skip },
  async () => {
    assert.ok(PG_URL, 'CI=true but CHRONICLE_TEST_PG is not set');
    const { url, drop } = await freshPgLocation();
    try {
      const n = corpus().length;
      assert.equal(await enqueue(url, corpus(), 2), Math.ceil(n / 2));
      const opts = { untilEmpty: true, pollSeconds: 0.5, analyzer: miniAnalyze };
      const [a, b] = await Promise.all([runWorker(url, opts), runWorker(url, opts)]);
      assert.equal(a.added + b.added, n);
      assert.equal(a.batches + b.batches, Math.ceil(n / 2));
      const status = await queueStatus(url);
      assert.equal(status.queued + status.running + status.retrying + status.failed, 0);
      assert.equal(status.completed, Math.ceil(n / 2));
      assert.ok(status.workers.length >= 2);
      await enqueue(url, corpus(), 3);
      const again = await runWorker(url, opts);
      assert.equal(again.added, 0);
      assert.equal(again.duplicates, n);
      const s = await openStore(url);
      assert.equal((await s.stats()).articles, n);
      await s.close();
    } finally {
      await drop();
    }
  },
);

test(
  'a worker killed mid-batch: the batch is taken again and the store ends as a clean run',
  { skip },
  async () => {
    assert.ok(PG_URL, 'CI=true but CHRONICLE_TEST_PG is not set');
    const clean = await freshPgLocation();
    const killed = await freshPgLocation();
    try {
      const c = await openStore(clean.url, { analyzer: miniAnalyze });
      await c.ingest(corpus());
      const want = await counts(c);
      await c.close();

      await enqueue(killed.url, corpus(), 3, { expireInSeconds: 2, retryDelaySeconds: 1 });
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'worker-child.ts'), killed.url],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('analysing') && !child.killed) child.kill('SIGKILL');
        });
        child.on('exit', () => resolve());
      });
      const r = await runWorker(killed.url, {
        untilEmpty: true,
        pollSeconds: 0.5,
        maintenanceSeconds: 1,
        analyzer: miniAnalyze,
      });
      assert.ok(r.batches >= 1);
      const s = await openStore(killed.url);
      assert.deepEqual(await counts(s), want);
      await s.close();
    } finally {
      await clean.drop();
      await killed.drop();
    }
  },
);
