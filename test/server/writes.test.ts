/**
 * Writes do not hold the server: analysis runs on the worker pool while the server keeps answering, writes
 * queue one at a time, and a full queue answers 503 with Retry-After instead of buffering without bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, testApp, BRIDGE_ARTICLES } from './helpers.js';
import { createApp } from '../../src/server/app.js';
import { WriteQueue, type Ingest } from '../../src/server/writes.js';
import { ApiError } from '../../src/server/http.js';
import { SqliteStore } from '../../src/store/index.js';
import { AnalyzerPool } from '../../src/parallel/pool.js';
import { toArticles } from '../../src/index.js';
import type { IngestReport } from '../../src/store/index.js';

/** An ingest whose writes finish when the test says so. */
function heldIngest() {
  const calls: { n: number; done: (r: IngestReport) => void }[] = [];
  const ingest: Ingest = (articles) =>
    new Promise((resolve) => calls.push({ n: articles.length, done: resolve }));
  const report = (): IngestReport => ({ added: [], duplicates: [], storiesTouched: [] });
  return { ingest, calls, report };
}

const tick = () => new Promise((r) => setImmediate(r));

test('the write queue admits up to maxRequests and then answers 503 with Retry-After', async () => {
  const { ingest } = heldIngest();
  const q = new WriteQueue(ingest, { maxRequests: 2, maxArticles: 100 });
  const a = q.admit();
  const b = q.admit();
  assert.throws(
    () => q.admit(),
    (e: unknown) =>
      e instanceof ApiError &&
      e.status === 503 &&
      Number(e.headers['Retry-After']) >= 1 &&
      e.details.code === 'write-queue-full',
  );
  a.release();
  a.release(); // releasing twice frees one place only
  const c = q.admit();
  assert.throws(() => q.admit(), ApiError);
  b.release();
  c.release();
});

test('writes run one at a time in order, and queued articles are bounded', async () => {
  const { ingest, calls, report } = heldIngest();
  const q = new WriteQueue(ingest, { maxRequests: 10, maxArticles: 6 });
  const arts = (n: number) => toArticles(Array.from({ length: n }, (_, i) => ({ text: `Note ${n}-${i}.` })));
  const first = q.admit().write(arts(4), undefined);
  const second = q.admit().write(arts(2), undefined);
  assert.throws(
    () => q.admit().write(arts(1), undefined),
    (e: unknown) => (e as ApiError).status === 503,
  );
  await tick();
  assert.deepEqual(
    calls.map((c) => c.n),
    [4],
  );
  assert.equal(q.queuedArticles, 6);
  calls[0]!.done(report());
  await first;
  await tick();
  assert.deepEqual(
    calls.map((c) => c.n),
    [4, 2],
  );
  calls[1]!.done(report());
  await second;
  assert.equal(q.queuedArticles, 0);
});

test('a full queue answers a POST with 503 and Retry-After before reading its body', async () => {
  const { app } = testApp({ writeLimits: { maxRequests: 0 } });
  const res = await app.request('/api/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: 'A crane arrived at the pier.',
  });
  assert.equal(res.status, 503);
  assert.ok(Number(res.headers.get('retry-after')) >= 1);
  assert.equal((await json(res)).error.code, 'write-queue-full');
});

test('while posted articles are analysed on the pool, the server answers other requests', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-writes-'));
  const store = new SqliteStore(join(dir, 'w.db'));
  const pool = new AnalyzerPool(1);
  try {
    let offThread = 0;
    const parse = pool.parseJson.bind(pool);
    pool.parseJson = (text) => {
      offThread++;
      return parse(text);
    };
    const app = createApp({ store, pool, log: () => {}, writeLimits: { maxRequests: 1 } });
    const articles = Array.from({ length: 12 }, (_, i) => ({
      ...BRIDGE_ARTICLES[i % 3]!,
      text: `${BRIDGE_ARTICLES[i % 3]!.text} Update number ${i + 1} came from the county office.`,
    }));
    let posted = false;
    const post = Promise.resolve(
      app.request('/api/articles', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ articles }),
      }),
    ).then((r) => {
      posted = true;
      return r;
    });
    // A timer only fires while nothing holds the thread: before, the analysis ran here and held it.
    await new Promise((r) => setTimeout(r, 20));
    const health = await app.request('/healthz');
    assert.equal(health.status, 200);
    assert.equal(posted, false, 'the POST finished before the server could answer /healthz');
    const second = await app.request('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'A second note about the bridge.',
    });
    assert.equal(second.status, 503);
    const res = await post;
    assert.equal(res.status, 201);
    const report = await json(res);
    assert.equal(report.added.length, 12);
    const story = report.storiesTouched[0];
    assert.equal((await app.request(`/api/stories/${story}/timeline`)).status, 200);
    // A large body is parsed on the pool; bad JSON there is still a 400 that says so.
    const big = `{"articles": [{"text": "${'The pier was repainted. '.repeat(50_000)}"}`;
    const bad = await app.request('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    assert.equal(bad.status, 400);
    assert.match((await json(bad)).error.message, /malformed JSON body/);
    assert.equal(offThread, 1, 'only the large body was parsed on the pool');
    const value = await pool.parseJson(
      new TextEncoder().encode('{"a": [1, "b"]}') as Uint8Array<ArrayBuffer>,
    );
    assert.deepEqual(value, { a: [1, 'b'] });
  } finally {
    await pool.close();
    await store.close();
  }
});
