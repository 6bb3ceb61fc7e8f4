import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore, type Store } from '../../src/store/index.js';
import { createApp } from '../../src/server/app.js';
import { BRIDGE_ARTICLES, json } from './helpers.js';

// The API over the real SQLite store: one write through the API, then every read route.
let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;
let storyId: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chronicle-api-'));
  store = new SqliteStore(join(dir, 'api.db'));
  app = createApp({ store, log: () => {} });
  const res = await app.request('/api/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ articles: BRIDGE_ARTICLES }),
  });
  assert.equal(res.status, 201);
  const body = await json(res);
  assert.equal(body.added.length, 3);
  storyId = body.storiesTouched[0];
});

after(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the stored story is listed and has a dated timeline', async () => {
  const { stories } = await json(await app.request('/api/stories'));
  assert.ok(stories.some((s: any) => s.id === storyId));
  const view = await json(await app.request(`/api/stories/${storyId}/timeline`));
  assert.ok(view.timeline.entries.length >= 1);
  for (const e of view.timeline.entries) assert.match(e.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(view.coverage.length >= 1);
});

test('exports in every format download with the right type', async () => {
  const j = await app.request(`/api/stories/${storyId}/export?format=json`);
  assert.equal(j.status, 200);
  assert.match(j.headers.get('content-disposition') ?? '', /^attachment; filename="[^"/]+\.json"$/);
  const text = await j.text();
  assert.doesNotThrow(() => JSON.parse(text));
  const md = await app.request(`/api/stories/${storyId}/export?format=markdown`);
  assert.match(md.headers.get('content-type') ?? '', /markdown/);
  assert.ok((await md.text()).length > 0);
  const tjs = await app.request(`/api/stories/${storyId}/export?format=timelinejs`);
  assert.ok(Array.isArray(JSON.parse(await tjs.text()).events));
});

test('search finds the stored article by a word of its text', async () => {
  const { hits } = await json(await app.request('/api/search?q=ferry'));
  assert.ok(hits.some((h: any) => h.title === 'Ferry added while bridge is closed'));
});

test('entities and quotes of the stored story', async () => {
  const ents = await json(await app.request(`/api/stories/${storyId}/entities`));
  assert.ok(Array.isArray(ents.entities) && ents.entities.length > 0);
  const q = await json(await app.request(`/api/stories/${storyId}/quotes`));
  assert.ok(Array.isArray(q.quotes));
});
