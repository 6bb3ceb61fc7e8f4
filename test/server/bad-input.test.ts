import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json, testApp } from './helpers.js';

const post = (body: RequestInit['body'], type: string | null, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { ...(type ? { 'Content-Type': type } : {}), ...headers },
  body,
});

test('malformed JSON is a 400 that says so, and the app keeps serving', async () => {
  const { app } = testApp();
  const res = await app.request('/api/articles', post('{"articles": [', 'application/json'));
  assert.equal(res.status, 400);
  assert.match((await json(res)).error.message, /malformed JSON/);
  assert.equal((await app.request('/api/stories')).status, 200);
});

test('zod validation failures name the field', async () => {
  const { app } = testApp();
  const res = await app.request(
    '/api/articles',
    post(JSON.stringify({ articles: [{ text: '' }] }), 'application/json'),
  );
  assert.equal(res.status, 400);
  assert.match((await json(res)).error.message, /articles\.0\.text: must not be empty/);
  const extra = await app.request(
    '/api/articles',
    post(JSON.stringify({ articles: [{ text: 'x', colour: 1 }] }), 'application/json'),
  );
  assert.equal(extra.status, 400);
  assert.match((await json(extra)).error.message, /colour/);
  const q = await app.request('/api/stories/story-1/timeline?dates=lots');
  assert.equal(q.status, 400);
  assert.match((await json(q)).error.message, /dates/);
  const d = await app.request('/api/stories/story-1/timeline?from=2025-02-30');
  assert.equal(d.status, 400);
  assert.match((await json(d)).error.message, /from: is not a calendar date/);
  const unknown = await app.request('/api/stories/story-1/timeline?colour=red');
  assert.equal(unknown.status, 400);
});

test('wrong content type is a 415', async () => {
  const { app } = testApp();
  const res = await app.request('/api/articles', post('<a>x</a>', 'application/xml'));
  assert.equal(res.status, 415);
  assert.match((await json(res)).error.message, /unsupported content type "application\/xml"/);
  assert.equal((await app.request('/api/articles', post(new Uint8Array([120]), null))).status, 415);
});

test('a body over the limit is a 413, whether or not Content-Length is declared', async () => {
  const { app } = testApp({ limits: { maxBodyBytes: 100 } });
  const big = JSON.stringify({ articles: [{ text: 'x'.repeat(500) }] });
  const declared = await app.request(
    '/api/articles',
    post(big, 'application/json', { 'Content-Length': String(big.length) }),
  );
  assert.equal(declared.status, 413);
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(big));
      c.close();
    },
  });
  const streamed = await app.request('/api/articles', {
    ...post(stream, 'application/json'),
    duplex: 'half',
  } as RequestInit);
  assert.equal(streamed.status, 413);
  assert.match((await json(streamed)).error.message, /larger than the limit of 100 bytes/);
});

test('writes need the bearer token when one is configured; reads do not', async () => {
  const { app } = testApp({ token: 's3cret' });
  const body = JSON.stringify({ articles: [{ text: 'The ferry stopped at dusk.' }] });
  const none = await app.request('/api/articles', post(body, 'application/json'));
  assert.equal(none.status, 401);
  assert.match(none.headers.get('www-authenticate') ?? '', /Bearer/);
  const wrong = await app.request(
    '/api/articles',
    post(body, 'application/json', { Authorization: 'Bearer nope' }),
  );
  assert.equal(wrong.status, 401);
  const right = await app.request(
    '/api/articles',
    post(body, 'application/json', { Authorization: 'Bearer s3cret' }),
  );
  assert.equal(right.status, 201);
  assert.equal((await app.request('/api/stories')).status, 200);
});

test('path traversal in export names is a 400; unknown formats too', async () => {
  const { app } = testApp();
  for (const name of ['../../etc/passwd', '..', 'a/b.json', 'a\\b.json', '.hidden']) {
    const res = await app.request(`/api/stories/story-1/export?name=${encodeURIComponent(name)}`);
    assert.equal(res.status, 400, name);
    assert.match((await json(res)).error.message, /name/);
  }
  assert.equal((await app.request('/api/stories/story-1/export?format=pdf')).status, 400);
});

test('unknown stories are 404 on every story route', async () => {
  const { app } = testApp();
  for (const tail of ['', '/timeline', '/entities', '/quotes', '/export']) {
    const res = await app.request(`/api/stories/missing${tail}`);
    assert.equal(res.status, 404, tail);
  }
  const slash = await app.request('/api/stories/a%2Fb/timeline');
  assert.equal(slash.status, 400);
  assert.match((await json(slash)).error.message, /story id/);
});

test('search without any terms or filters is a 400', async () => {
  const { app } = testApp();
  const res = await app.request('/api/search?q=');
  assert.equal(res.status, 400);
  assert.match((await json(res)).error.message, /search terms/);
});

test('URL inputs must be http(s)', async () => {
  const { app } = testApp();
  const res = await app.request(
    '/api/articles',
    post(JSON.stringify({ urls: ['file:///etc/passwd'] }), 'application/json'),
  );
  assert.equal(res.status, 400);
  assert.match((await json(res)).error.message, /urls\.0/);
});

test('uploads of unsupported file types are refused with the file named', async () => {
  const { app } = testApp();
  const form = new FormData();
  form.set('files', new File(['MZ'], 'tool.exe'));
  const res = await app.request('/api/articles', { method: 'POST', body: form });
  assert.equal(res.status, 400);
  assert.match((await json(res)).error.message, /tool\.exe: unsupported file type "\.exe"/);
});

test('an exception inside the store is a 500 with a generic message, logged, and the app keeps serving', async () => {
  const { app, store, logs } = testApp();
  store.storyAnalysis = () => {
    throw new Error('disk on fire');
  };
  const res = await app.request('/api/stories/story-1/export');
  assert.equal(res.status, 500);
  assert.doesNotMatch(await res.text(), /disk on fire/);
  assert.match(logs.join('\n'), /disk on fire/);
  assert.equal((await app.request('/api/stories')).status, 200);
});

test('unknown routes are JSON 404s', async () => {
  const { app } = testApp();
  const res = await app.request('/api/nothing');
  assert.equal(res.status, 404);
  assert.equal((await json(res)).error.status, 404);
});

test('other methods on /api/articles are a 405 that says to POST', async () => {
  const { app } = testApp();
  const res = await app.request('/api/articles');
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'POST');
  assert.match((await json(res)).error.message, /POST articles/);
});
