import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticles } from '../../src/index.js';
import { json, testApp } from './helpers.js';

test('GET /api/stories lists the stories of the store', async () => {
  const { app } = testApp();
  const res = await app.request('/api/stories');
  assert.equal(res.status, 200);
  const body = await json(res);
  assert.deepEqual(
    body.stories.map((s: any) => [s.id, s.articles, s.from, s.to]),
    [['story-1', 3, '2025-04-02', '2025-04-07']],
  );
});

test('GET /api/stories/:id returns the story, unknown ids are 404', async () => {
  const { app } = testApp();
  assert.equal((await json(await app.request('/api/stories/story-1'))).story.articles, 3);
  const res = await app.request('/api/stories/nope');
  assert.equal(res.status, 404);
  assert.match((await json(res)).error.message, /no story "nope"/);
});

test('GET timeline returns dated entries and coverage per day with zero days filled in', async () => {
  const { app } = testApp();
  const res = await app.request('/api/stories/story-1/timeline');
  assert.equal(res.status, 200);
  const body = await json(res);
  assert.deepEqual(
    body.timeline.entries.map((e: any) => e.date),
    ['2025-04-02', '2025-04-04', '2025-04-07'],
  );
  assert.equal(body.coverage.length, 6);
  assert.deepEqual(body.coverage[0], { date: '2025-04-02', articles: 1 });
  assert.deepEqual(body.coverage[1], { date: '2025-04-03', articles: 0 });
});

test('timeline entity filter keeps only entries that mention the entity', async () => {
  const { app } = testApp();
  const body = await json(await app.request('/api/stories/story-1/timeline?entity=Tomas%20Berg'));
  assert.deepEqual(
    body.timeline.entries.map((e: any) => e.date),
    ['2025-04-04', '2025-04-07'],
  );
  for (const e of body.timeline.entries) assert.ok(e.summary.every((s: string) => s.includes('Berg')));
  assert.equal(body.filters.entity, 'Tomas Berg');
});

test('timeline source and date filters narrow the entries', async () => {
  const { app } = testApp();
  const bySource = await json(await app.request('/api/stories/story-1/timeline?source=Valley%20Courier'));
  assert.deepEqual(
    bySource.timeline.entries.map((e: any) => e.date),
    ['2025-04-02', '2025-04-07'],
  );
  const byDates = await json(
    await app.request('/api/stories/story-1/timeline?from=2025-04-03&to=2025-04-06'),
  );
  assert.deepEqual(
    byDates.timeline.entries.map((e: any) => e.date),
    ['2025-04-04'],
  );
});

test('repeated timeline requests are served from the cache until the story changes', async () => {
  const { app, store } = testApp();
  await app.request('/api/stories/story-1/timeline?dates=5');
  await app.request('/api/stories/story-1/timeline?dates=5');
  assert.equal(store.timelineCalls, 1);
  const post = await app.request('/api/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      articles: [{ text: 'The bridge reopened to cars on Friday.', publishedAt: '2025-04-11' }],
    }),
  });
  assert.equal(post.status, 201);
  const after = await json(await app.request('/api/stories/story-1/timeline?dates=5'));
  assert.equal(store.timelineCalls, 2);
  assert.ok(after.timeline.entries.some((e: any) => e.date === '2025-04-11'));
});

test('entities include who appears with whom', async () => {
  const { app } = testApp();
  const body = await json(await app.request('/api/stories/story-1/entities'));
  assert.ok(body.entities.some((e: any) => e.name === 'Tomas Berg'));
  assert.ok(Array.isArray(body.cooccurrence));
});

test('quotes of a story carry their speakers', async () => {
  const { app } = testApp();
  const body = await json(await app.request('/api/stories/story-1/quotes'));
  assert.deepEqual(
    body.quotes.map((q: any) => [q.speaker, q.text]),
    [['Tomas Berg', 'We will run every twenty minutes']],
  );
});

test('search passes terms and filters to the store', async () => {
  const { app } = testApp();
  const body = await json(await app.request('/api/search?q=ferry'));
  assert.deepEqual(
    body.hits.map((h: any) => h.title),
    ['Ferry added while bridge is closed'],
  );
  const none = await json(await app.request('/api/search?q=ferry&source=Valley%20Courier'));
  assert.equal(none.hits.length, 0);
});

test('export sends an attachment with a safe default name', async () => {
  const { app } = testApp();
  const res = await app.request('/api/stories/story-1/export?format=markdown');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/markdown/);
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="story-1.md"');
  assert.match(await res.text(), /## 2025-04-02/);
  const named = await app.request('/api/stories/story-1/export?format=json&name=bridge%20closure.json');
  assert.equal(named.headers.get('content-disposition'), 'attachment; filename="bridge closure.json"');
});

test('POST text/plain adds one article with metadata from the query string', async () => {
  const { app, store } = testApp();
  const res = await app.request(
    '/api/articles?title=Repairs%20begin&source=Hill%20Gazette&publishedAt=2025-04-09',
    {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'Crews began pouring concrete around the damaged pier.',
    },
  );
  assert.equal(res.status, 201);
  const body = await json(res);
  assert.equal(body.added.length, 1);
  const a = store.articles.get(body.added[0]);
  assert.equal(a?.title, 'Repairs begin');
  assert.equal(a?.publishedAt, '2025-04-09');
});

test('POST the same article twice reports a duplicate', async () => {
  const { app } = testApp();
  const send = () =>
    app.request('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ articles: [{ text: 'A second ferry was chartered on Monday.' }] }),
    });
  assert.equal((await json(await send())).added.length, 1);
  assert.equal((await json(await send())).duplicates.length, 1);
});

test('POST multipart form with pasted text adds it', async () => {
  const { app, store } = testApp();
  const form = new FormData();
  form.set('text', 'Inspectors signed off the repaired pier on Thursday.');
  form.set('title', 'Pier signed off');
  form.set('publishedAt', '2025-04-10');
  const res = await app.request('/api/articles', { method: 'POST', body: form });
  assert.equal(res.status, 201);
  const id = (await json(res)).added[0];
  assert.equal(store.articles.get(id)?.title, 'Pier signed off');
});

test('GET /healthz and /openapi.json', async () => {
  const { app } = testApp();
  assert.deepEqual((await json(await app.request('/healthz'))).ok, true);
  const doc = await json(await app.request('/openapi.json'));
  assert.equal(doc.openapi, '3.1.0');
});

test('POST with a story id puts the articles in that story; an unknown story is a 404 and stores nothing', async () => {
  const { app, store } = testApp();
  const add = (story: string) =>
    app.request('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        story,
        articles: [{ text: 'Traffic returned to the bridge at noon.', publishedAt: '2025-04-12' }],
      }),
    });
  const missing = await add('story-9');
  assert.equal(missing.status, 404);
  assert.equal(store.articles.size, 3);
  const res = await add('story-1');
  assert.equal(res.status, 201);
  assert.deepEqual((await json(res)).storiesTouched, ['story-1']);
});

test('story summaries are reused for summaryTtlMs, so an outside write shows up after it', async () => {
  let clock = 0;
  const { app, store } = testApp({ summaryTtlMs: 1000, now: () => clock });
  const count = async () => (await json(await app.request('/api/stories/story-1/timeline'))).story.articles;
  assert.equal(await count(), 3);
  // Another process writes to the store directly (not through this app).
  await store.ingest(
    toArticles([{ text: 'A night bus replaced the last ferry.', publishedAt: '2025-04-08' }]),
  );
  clock = 500;
  assert.equal(await count(), 3);
  clock = 1500;
  assert.equal(await count(), 4);
});

test('timeline responses carry an ETag; a matching If-None-Match gets 304 with no body', async () => {
  const { app } = testApp();
  const first = await app.request('/api/stories/story-1/timeline');
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const again = await app.request('/api/stories/story-1/timeline', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const other = await app.request('/api/stories/story-1/timeline?dates=1', {
    headers: { 'If-None-Match': etag },
  });
  assert.equal(other.status, 200);
});

test('maxSources cuts the source lists of timeline responses', async () => {
  const { app } = testApp();
  const body = await json(await app.request('/api/stories/story-1/timeline?maxSources=1&maxQuotes=0'));
  assert.ok(body.timeline.entries.every((e: any) => e.sources.length <= 1));
  assert.equal(body.timeline.quotes.length, 0);
  assert.equal(body.timeline.quoteCount, 1);
  assert.equal((await app.request('/api/stories/story-1/timeline?maxSources=0')).status, 400);
});

test('large JSON responses are gzipped for clients that accept it', async () => {
  const { app } = testApp();
  const plain = await app.request('/api/stories/story-1/timeline');
  assert.equal(plain.headers.get('content-encoding'), null);
  const text = await plain.text();
  const zipped = await app.request('/api/stories/story-1/timeline', {
    headers: { 'Accept-Encoding': 'gzip, br' },
  });
  assert.equal(zipped.headers.get('content-encoding'), 'gzip');
  const { gunzipSync } = await import('node:zlib');
  assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'), text);
});
