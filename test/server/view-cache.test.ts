/**
 * The view cache (src/server/view-cache.ts): one build per view and version however many ask, the previous
 * version while a newer one is built off-thread, and no stale answers for a view that fails to rebuild.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedJson, ViewCache, type CachedBody } from '../../src/server/view-cache.js';

function deferred() {
  let resolve!: (v: CachedBody) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<CachedBody>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

test('concurrent requests for a view share one build', async () => {
  const cache = new ViewCache(10, true);
  let builds = 0;
  const d = deferred();
  const build = () => {
    builds++;
    return d.promise;
  };
  const a = cache.get('k', 'v1', build);
  const b = cache.get('k', 'v1', build);
  d.resolve(cachedJson({ n: 1 }));
  assert.deepEqual([(await a).stale, (await b).stale], [false, false]);
  assert.equal((await a).value, (await b).value);
  assert.equal(builds, 1);
  assert.equal((await cache.get('k', 'v1', build)).stale, false);
  assert.equal(builds, 1);
});

test('while a new version builds, the previous one is served stale; then the new one', async () => {
  const cache = new ViewCache(10, true);
  const v1 = cachedJson({ v: 1 });
  await cache.get('k', 'v1', () => v1);
  const d = deferred();
  const first = await cache.get('k', 'v2', () => d.promise);
  assert.equal(first.stale, true);
  assert.equal(first.value, v1);
  const v2 = cachedJson({ v: 2 });
  d.resolve(v2);
  await cache.ensure('k', 'v2', () => d.promise);
  const after = await cache.get('k', 'v2', () => assert.fail('built twice'));
  assert.deepEqual([after.stale, after.value], [false, v2]);
});

test('without serveStale (inline builds) a new version is waited for', async () => {
  const cache = new ViewCache(10, false);
  await cache.get('k', 'v1', () => cachedJson({ v: 1 }));
  const r = await cache.get('k', 'v2', () => cachedJson({ v: 2 }));
  assert.equal(r.stale, false);
  assert.equal(new TextDecoder().decode(r.value.body), '{"v":2}');
});

test('a view that fails to rebuild is not served stale again: the next request sees the error', async () => {
  const cache = new ViewCache(10, true);
  await cache.get('k', 'v1', () => cachedJson({ v: 1 }));
  const d = deferred();
  assert.equal((await cache.get('k', 'v2', () => d.promise)).stale, true);
  d.reject(new Error('store damaged'));
  await assert.rejects(cache.ensure('k', 'v2', () => d.promise));
  await assert.rejects(
    cache.get('k', 'v2', () => Promise.reject(new Error('store damaged'))),
    /store damaged/,
  );
});

test('an older build finishing late does not replace a newer version', async () => {
  const cache = new ViewCache(10, true);
  const slow = deferred();
  const old = cache.ensure('k', 'v1', () => slow.promise);
  const v2 = cachedJson({ v: 2 });
  await cache.ensure('k', 'v2', () => v2);
  slow.resolve(cachedJson({ v: 1 }));
  await old;
  const r = await cache.get('k', 'v2', () => assert.fail('rebuilt'));
  assert.equal(r.value, v2);
});

test('while one version builds, requests for a newer one get the stale view and start no second build', async () => {
  const cache = new ViewCache(10, true);
  await cache.get('k', 'v1', () => cachedJson({ v: 1 }));
  const d = deferred();
  let builds = 0;
  const build = () => {
    builds++;
    return d.promise;
  };
  assert.equal((await cache.get('k', 'v2', build)).stale, true);
  assert.equal((await cache.get('k', 'v3', build)).stale, true);
  assert.equal(builds, 1);
  d.resolve(cachedJson({ v: 2 }));
  await cache.ensure('k', 'v2', build);
  // The build done, the next request for v3 starts its build (and is answered with v2 meanwhile).
  const v3 = deferred();
  const r = await cache.get('k', 'v3', () => v3.promise);
  assert.equal(r.stale, true);
  assert.equal(new TextDecoder().decode(r.value.body), '{"v":2}');
  v3.resolve(cachedJson({ v: 3 }));
  await cache.ensure('k', 'v3', () => v3.promise);
  assert.equal((await cache.get('k', 'v3', () => assert.fail('rebuilt'))).stale, false);
});
