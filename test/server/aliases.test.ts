/**
 * Stable story ids in the API: a story merged into another answers its routes with a 308 to the same route of
 * the story it joined (saying which), so links handed out before the merge keep working.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json } from './helpers.js';
import { createApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/index.js';
import { art, miniAnalyze, SPILL } from '../store/helpers.js';

async function mergedApp() {
  const store = new SqliteStore(':memory:', { analyzer: miniAnalyze });
  await store.ingest([art(SPILL[0][0], SPILL[0][1])], { story: 's1' });
  await store.ingest([art(SPILL[1][0], SPILL[1][1])], { story: 's2' });
  const r = await store.ingest([art(SPILL[2][0], SPILL[2][1])]);
  assert.deepEqual(r.merged, [{ from: 's2', into: 's1' }]);
  return { store, app: createApp({ store, log: () => {} }) };
}

test('every route of a merged story redirects to the story it joined, and says so', async () => {
  const { app } = await mergedApp();
  for (const route of ['', '/timeline?dates=2', '/entities', '/quotes', '/export?format=markdown']) {
    const res = await app.request(`/api/stories/s2${route}`);
    assert.equal(res.status, 308, route);
    const [path, query] = route.split('?');
    const want = `/api/stories/s1${path}${query ? `?${query}` : ''}`;
    assert.equal(res.headers.get('location'), want, route);
    const body = await json(res);
    assert.equal(body.error.mergedInto, 's1');
    assert.equal(body.error.location, want);
    const followed = await app.request(want);
    assert.equal(followed.status, 200, want);
  }
  const view = await json(await app.request('/api/stories/s1/timeline'));
  assert.equal(view.story.id, 's1');
  assert.equal((await app.request('/api/stories/nonesuch')).status, 404);
});

test('writes and searches naming a merged story reach the story it joined', async () => {
  const { app } = await mergedApp();
  const res = await app.request('/api/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ articles: [{ text: SPILL[3][0], publishedAt: SPILL[3][1] }], story: 's2' }),
  });
  assert.equal(res.status, 201);
  assert.deepEqual((await json(res)).storiesTouched, ['s1']);
  const hits = await json(await app.request('/api/search?q=diesel&story=s2'));
  assert.equal(hits.hits.length, 4);
});
