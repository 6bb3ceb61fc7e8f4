import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json, testApp } from './helpers.js';

test('uploaded .txt and .jsonl files are read by the ingest readers, named as uploaded', async () => {
  const { app, store } = testApp();
  const form = new FormData();
  form.append(
    'files',
    new File(
      ['date 2025-04-09 Pier repairs begin\nCrews started pouring concrete around the damaged pier.\n'],
      'pier.txt',
    ),
  );
  form.append(
    'files',
    new File(
      [
        JSON.stringify({
          title: 'Bridge reopens',
          text: 'The Millbrook bridge reopened to cars at noon on Friday.',
          publishedAt: '2025-04-11',
          source: 'Hill Gazette',
        }) + '\n',
      ],
      '../../reopen.jsonl',
    ),
  );
  const res = await app.request('/api/articles', { method: 'POST', body: form });
  assert.equal(res.status, 201, await res.clone().text());
  const body = await json(res);
  assert.equal(body.added.length, 2);
  const added = await store.getArticles(body.added);
  assert.deepEqual(added.map((a) => a.publishedAt).sort(), ['2025-04-09', '2025-04-11']);
  // The temporary upload folder never leaks into stored paths.
  for (const a of added) assert.doesNotMatch(a.path ?? '', /chronicle-upload-/);
});

test('a bad JSONL line is reported with the uploaded file name and line, the rest is stored', async () => {
  const { app } = testApp();
  const form = new FormData();
  form.append(
    'files',
    new File(
      ['{"text": "Ferries stopped running at dusk.", "publishedAt": "2025-04-10"}\n{not json\n'],
      'wire.jsonl',
    ),
  );
  const res = await app.request('/api/articles', { method: 'POST', body: form });
  assert.equal(res.status, 201);
  const body = await json(res);
  assert.equal(body.added.length, 1);
  assert.equal(body.errors.length, 1);
  assert.equal(body.errors[0].input, 'wire.jsonl');
  assert.equal(body.errors[0].line, 2);
});

test('URL inputs pointing at loopback are refused by default (no SSRF), with the URL named', async () => {
  const { app, store } = testApp();
  const res = await app.request('/api/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ urls: ['http://127.0.0.1:9/admin'] }),
  });
  assert.equal(res.status, 400);
  assert.match((await json(res)).error.message, /http:\/\/127\.0\.0\.1:9\/admin: refused.*loopback/);
  assert.equal(store.articles.size, 3);
});
