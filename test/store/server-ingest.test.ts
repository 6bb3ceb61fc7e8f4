/**
 * ingestParallel as a server uses it: a commit that finds the store locked by another connection is retried
 * (busyRetryMs) asynchronously, keeping the batch's analysis; an analysed batch is committed in small slices
 * (commitSlice) and ends up stored as one commit would store it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, StoreError } from '../../src/store/index.js';
import { storeFailure } from '../../src/store/errors.js';
import type { AnalyzerPool } from '../../src/parallel/pool.js';
import { art, miniAnalyze, SPILL } from './helpers.js';

/** A stand-in pool: the test analyser, answered on a later turn of the event loop as a worker would. */
const pool = {
  size: 1,
  analyze: async (articles: Parameters<typeof miniAnalyze>[0]) => {
    await new Promise((r) => setImmediate(r));
    return miniAnalyze(articles);
  },
} as unknown as AnalyzerPool;

function lockedStore() {
  const path = join(mkdtempSync(join(tmpdir(), 'chron-busy-')), 'b.db');
  const store = new SqliteStore(path, { analyzer: miniAnalyze });
  store.setBusyTimeout(0);
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  return { store, other };
}

test('a commit that finds the store locked is retried once the lock is gone, without blocking', async () => {
  const { store, other } = lockedStore();
  // The lock is released by a timer: it can only fire if the store waits asynchronously.
  setTimeout(() => other.exec('COMMIT'), 150);
  const r = await store.ingestParallel([SPILL.map(([t, d]) => art(t, d))], pool, { busyRetryMs: 10_000 });
  assert.equal(r.added.length, 4);
  assert.equal(r.duplicates.length, 0);
  assert.equal((await store.stats()).articles, 4);
  assert.ok((await store.storyTimeline(r.storiesTouched[0]!)).entries.length > 0);
  other.close();
  await store.close();
});

test('without a retry budget, a locked store fails at once with a busy StoreError', async () => {
  const { store, other } = lockedStore();
  await assert.rejects(
    store.ingestParallel([SPILL.map(([t, d]) => art(t, d))], pool),
    (e: Error) => e instanceof StoreError && storeFailure(e) === 'busy' && e.message.includes(store.path),
  );
  other.exec('ROLLBACK');
  other.close();
  assert.equal((await store.stats()).articles, 0);
  await store.close();
});

test('a batch committed in slices stores what one commit stores', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chron-slice-'));
  const stores = [1, 0].map((slice, i) => {
    const store = new SqliteStore(join(dir, `s${i}.db`), { analyzer: miniAnalyze });
    // Count the write transactions (one per commit).
    const transaction = store.db.transaction.bind(store.db);
    const counted = { store, slice, transactions: 0 };
    store.db.transaction = ((fn: Parameters<typeof transaction>[0]) => {
      counted.transactions++;
      return transaction(fn);
    }) as typeof store.db.transaction;
    return counted;
  });
  for (const { store, slice } of stores)
    await store.ingestParallel([SPILL.map(([t, d], i) => art(t, d, { id: `h${i}` }))], pool, {
      story: 'harbour',
      commitSlice: slice || undefined,
    });
  const [sliced, whole] = await Promise.all(
    stores.map(async ({ store }) => ({
      articles: (await store.stats()).articles,
      entities: (await store.entities({ story: 'harbour' })).map((e) => [e.name, e.mentions, e.articleIds]),
      quotes: (await store.quotes({ story: 'harbour' })).length,
      timeline: await store.storyTimeline('harbour'),
    })),
  );
  assert.deepEqual(
    stores.map((s) => s.transactions),
    [4, 1],
  );
  assert.equal(sliced.articles, 4);
  assert.deepEqual(sliced, whole);
  for (const { store } of stores) await store.close();
});
