/**
 * Publication dates are checked where they enter the API (a real calendar day in a sane year range, else a 400
 * naming the field), and a store that already holds an impossible day still serves every route.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { json, testApp } from './helpers.js';
import { createApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/index.js';
import { art, miniAnalyze } from '../store/helpers.js';

const postJson = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

test('an impossible publication date in JSON is a 400 naming the field', async () => {
  const { app, store } = testApp();
  const before = store.articles.size;
  for (const publishedAt of ['2024-99-99', '2023-02-29', '2024-04-31', '1066-10-14', '2024-05-01T25:61'])
    for (const [i, bad] of [
      [0, { text: 'Gulls nested on the pier.', publishedAt }],
      [1, { text: 'Gulls left the pier.', publishedAt }],
    ] as const) {
      const articles = i === 0 ? [bad] : [{ text: 'The tide was low.', publishedAt: '2025-04-02' }, bad];
      const res = await app.request('/api/articles', postJson({ articles }));
      assert.equal(res.status, 400, publishedAt);
      assert.match(
        (await json(res)).error.message,
        new RegExp(`articles\\.${i}\\.publishedAt: `),
        publishedAt,
      );
    }
  assert.equal(store.articles.size, before);
  const ok = await app.request(
    '/api/articles',
    postJson({ articles: [{ text: 'A leap-day regatta was held.', publishedAt: '2024-02-29T09:30:00Z' }] }),
  );
  assert.equal(ok.status, 201);
});

test('an impossible publication date in a text/plain query or a form field is a 400 naming it', async () => {
  const { app } = testApp();
  const text = await app.request('/api/articles?publishedAt=2024-13-01', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: 'The ferry timetable changed.',
  });
  assert.equal(text.status, 400);
  assert.match((await json(text)).error.message, /publishedAt: is not a calendar date/);
  const form = new FormData();
  form.append('text', 'The ferry timetable changed again.');
  form.append('publishedAt', '2025-02-30');
  const res = await app.request('/api/articles', { method: 'POST', body: form });
  assert.equal(res.status, 400);
  assert.match((await json(res)).error.message, /publishedAt: is not a calendar date/);
});

test('a store already holding an impossible day serves every route (the day reads as undated)', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'chronicle-api-dates-')), 'd.db');
  const s = new SqliteStore(path, { analyzer: miniAnalyze });
  await s.ingest(
    [
      'Water flooded the Brackwater quarry after heavy rain. Site manager Ilse Varga said the pumps had failed.',
      'Crews restarted the pumps at the Brackwater quarry. "The water is falling," said Ilse Varga.',
      'The Brackwater quarry reopened to workers. Ilse Varga thanked the pump crews for their work.',
    ].map((t, i) => art(t, '2024-05-0' + (i + 1), { id: `q${i}` })),
    { story: 'quarry' },
  );
  await s.close();
  const raw = new Database(path);
  raw.exec(`UPDATE articles SET published_at = '2024-99-99' WHERE id IN ('q0', 'q1');
    UPDATE stories SET last_day = '2024-99-99'; DELETE FROM timelines;`);
  raw.close();
  const store = new SqliteStore(path);
  const logs: string[] = [];
  const app = createApp({ store, log: (l) => logs.push(l) });
  for (const route of [
    '/api/stories',
    '/api/stories/quarry',
    '/api/stories/quarry/timeline',
    '/api/stories/quarry/timeline?dates=3',
    '/api/stories/quarry/export',
    '/api/stories/quarry/export?format=markdown',
    '/api/stories/quarry/export?format=timelinejs',
    '/api/stories/quarry/entities',
    '/api/stories/quarry/quotes',
    '/api/search?q=quarry',
  ]) {
    const res = await app.request(route);
    assert.equal(res.status, 200, `${route}: ${await res.clone().text()}`);
  }
  const view = await json(await app.request('/api/stories/quarry/timeline'));
  assert.equal(view.story.to, '2024-05-03');
  assert.deepEqual(logs, []);
  await store.close();
});
