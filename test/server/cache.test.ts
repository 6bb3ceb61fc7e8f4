import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LruCache } from '../../src/server/cache.js';

test('LruCache evicts the least recently used entry', async () => {
  const c = new LruCache<number>(2);
  c.set('a', 1);
  c.set('b', 2);
  assert.equal(c.get('a'), 1); // a is now the most recent
  c.set('c', 3);
  assert.equal(c.get('b'), undefined);
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('c'), 3);
  assert.equal(c.size, 2);
});

test('getOrSet computes once per key', async () => {
  const c = new LruCache<string>(10);
  let calls = 0;
  const f = () => `v${++calls}`;
  assert.equal(c.getOrSet('k', f), 'v1');
  assert.equal(c.getOrSet('k', f), 'v1');
  assert.equal(calls, 1);
  c.clear();
  assert.equal(c.getOrSet('k', f), 'v2');
});
