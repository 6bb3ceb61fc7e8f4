/**
 * Store failures reach API clients as what they are: 503 for a busy (with Retry-After), read-only or full
 * store, 404 for a missing story, a 500 that says the store is damaged; never a bare "internal error".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { json } from './helpers.js';
import { createApp } from '../../src/server/app.js';
import { apiErrorOf } from '../../src/server/failures.js';
import { SqliteStore, StoreError, type StoreErrorCode } from '../../src/store/index.js';
import type { AnalyzerPool } from '../../src/parallel/pool.js';
import { StoreReader } from '../../src/server/reader.js';
import { art, miniAnalyze, SPILL } from '../store/helpers.js';
import { damagedStore, goodStore } from '../store/damage.js';

const post = (text: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'text/plain' },
  body: text,
});

async function freshPath() {
  const path = join(mkdtempSync(join(tmpdir(), 'chronicle-fail-')), 'f.db');
  const s = new SqliteStore(path, { analyzer: miniAnalyze });
  await s.ingest(
    SPILL.map(([t, d]) => art(t, d)),
    { story: 'harbour' },
  );
  await s.close();
  return path;
}

test('a read-only store answers reads and refuses writes with 503', async () => {
  const store = new SqliteStore(await freshPath(), { readonly: true });
  const app = createApp({ store, log: () => {} });
  assert.equal((await app.request('/api/stories/harbour/timeline')).status, 200);
  const res = await app.request('/api/articles', post('The harbour master retired.'));
  assert.equal(res.status, 503);
  assert.equal((await json(res)).error.code, 'store-read-only');
  await store.close();
});

test('a store locked by another process answers writes with 503 and Retry-After', async () => {
  const path = await freshPath();
  const store = new SqliteStore(path, { analyzer: miniAnalyze, busyTimeout: 0 });
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    const app = createApp({ store, log: () => {} });
    const res = await app.request('/api/articles', post('Tugs waited outside the harbour.'));
    assert.equal(res.status, 503);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    const body = await json(res);
    assert.equal(body.error.code, 'store-busy');
    assert.ok(!body.error.message.includes(path), 'the server path is not given to clients');
    // Reads are not held up by the other writer (WAL), nor is a timeline that cannot be saved.
    assert.equal((await app.request('/api/stories/harbour/timeline?dates=2')).status, 200);
  } finally {
    other.exec('ROLLBACK');
    other.close();
    await store.close();
  }
});

test('through the pool, a write waits for a locked store up to busyRetryMs, then answers 503', async () => {
  const path = await freshPath();
  const store = new SqliteStore(path, { analyzer: miniAnalyze, busyTimeout: 0 });
  const pool = { size: 1, analyze: async (a: never[]) => miniAnalyze(a) } as unknown as AnalyzerPool;
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    const app = createApp({ store, pool, busyRetryMs: 100, log: () => {} });
    const res = await app.request('/api/articles', post('Pilots boarded the tanker at dawn.'));
    assert.equal(res.status, 503);
    assert.equal((await json(res)).error.code, 'store-busy');
  } finally {
    other.exec('ROLLBACK');
    other.close();
    await store.close();
  }
});

test('a full disk answers writes with 503', async () => {
  const path = await freshPath();
  const store = new SqliteStore(path, { analyzer: miniAnalyze });
  store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true })}`);
  const app = createApp({ store, log: () => {} });
  const res = await app.request('/api/articles', post('Filler about the pier. '.repeat(3000)));
  assert.equal(res.status, 503);
  assert.equal((await json(res)).error.code, 'store-full');
  await store.close();
});

test('every store failure kind maps to its status', async () => {
  const cases: [StoreErrorCode, number][] = [
    ['busy', 503],
    ['read-only', 503],
    ['full', 503],
    ['io', 503],
    ['unavailable', 503],
    ['no-story', 404],
    ['missing', 404],
    ['corrupt', 500],
    ['schema', 500],
    ['auth', 500],
    ['permission', 500],
    ['other', 500],
  ];
  for (const [code, status] of cases) {
    const e = apiErrorOf(new StoreError('/srv/x.db', 'went wrong', code));
    assert.equal(e?.status, status, code);
    assert.ok(!e?.message.includes('/srv/x.db'), code);
  }
  assert.equal(apiErrorOf(new Error('plain')), null);
});

for (const damage of ['page', 'json', 'index'] as const)
  for (const withReader of [false, true])
    test(`a store with ${damage} damage gets a clear answer on every route${withReader ? ' (reader thread)' : ''}`, async () => {
      const path = await damagedStore(damage);
      const store = new SqliteStore(path);
      const reader = withReader ? new StoreReader(path) : undefined;
      const logs: string[] = [];
      const app = createApp({ store, reader, log: (l) => logs.push(l) });
      let failed = 0;
      try {
        for (const route of [
          '/api/stories',
          '/api/stories/harbour',
          '/api/stories/harbour/timeline',
          '/api/stories/harbour/export',
          '/api/stories/harbour/entities',
          '/api/stories/harbour/quotes',
          '/api/search?q=diesel',
          '/api/search?q=library',
        ]) {
          const res = await app.request(route);
          if (res.status === 200) continue;
          failed++;
          const body = await json(res);
          assert.equal(res.status, 500, route);
          assert.equal(body.error.code, 'store-damaged', `${route}: ${body.error.message}`);
          assert.doesNotMatch(body.error.message, /internal error|TypeError|Unexpected token/, route);
        }
        assert.ok(failed > 0, `no route noticed the ${damage} damage`);
        assert.ok(logs.length > 0, 'the damage is logged on the server');
      } finally {
        await reader?.close();
        await store.close();
      }
    });

test('a good store behind a reader thread serves the same timeline as inline', async () => {
  const path = await goodStore();
  const store = new SqliteStore(path);
  const reader = new StoreReader(path);
  try {
    const inline = createApp({ store, log: () => {} });
    const threaded = createApp({ store, reader, log: () => {} });
    for (const route of [
      '/api/stories/harbour/timeline?dates=3',
      '/api/stories/harbour/export?format=markdown',
    ]) {
      const a = await inline.request(route);
      const b = await threaded.request(route);
      assert.equal(b.status, 200, route);
      assert.equal(await b.text(), await a.text(), route);
    }
  } finally {
    await reader.close();
    await store.close();
  }
});
