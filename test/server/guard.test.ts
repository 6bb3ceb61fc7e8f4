/**
 * Who may talk to the server (src/server/guard.ts): without a token, writes from another site's page are
 * refused (text/plain and multipart POSTs need no CORS preflight, so any page could plant articles); every
 * request must be addressed to this server (DNS rebinding); an empty token is refused, never "no token".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json, testApp } from './helpers.js';
import { createApp } from '../../src/server/app.js';
import { hostName } from '../../src/server/guard.js';
import { FakeStore } from './fake-store.js';

const TEXT = 'Ferry crews repainted the landing stage at Millbrook on Sunday.';

const textPost = (headers: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'text/plain', ...headers },
  body: TEXT,
});

function formPost(headers: Record<string, string>) {
  const form = new FormData();
  form.append('text', TEXT);
  return { method: 'POST', headers, body: form };
}

test('without a token, writes from another site are refused and store nothing', async () => {
  const { app, store } = testApp();
  const before = store.articles.size;
  const refused: [string, Record<string, string>][] = [
    ['Origin of another site', { Origin: 'http://evil.example' }],
    ['Origin of another port on this host', { Origin: 'http://localhost:9999' }],
    ['opaque Origin', { Origin: 'null' }],
    ['Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.example' }],
    ['Sec-Fetch-Site same-site', { 'Sec-Fetch-Site': 'same-site' }],
  ];
  for (const [what, headers] of refused) {
    for (const init of [textPost(headers), formPost(headers)]) {
      const res = await app.request('http://localhost/api/articles', init);
      assert.equal(res.status, 403, what);
      assert.match((await json(res)).error.message, /cross-site write refused/, what);
    }
  }
  assert.equal(store.articles.size, before);
});

test('without a token, same-origin writes (the web app) and non-browser clients are accepted', async () => {
  const { app } = testApp();
  const accepted: [string, Record<string, string>][] = [
    ['no Origin, no Sec-Fetch-Site (curl)', {}],
    ['same Origin', { Origin: 'http://localhost' }],
    ['Sec-Fetch-Site same-origin', { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost' }],
  ];
  for (const [i, [what, headers]] of accepted.entries()) {
    const res = await app.request('http://localhost/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...headers },
      body: `${TEXT} Entry ${i + 1}.`,
    });
    assert.equal(res.status, 201, `${what}: ${await res.clone().text()}`);
  }
  // Reads from anywhere are fine (the browser keeps other sites from reading the answers).
  const read = await app.request('http://localhost/api/stories', {
    headers: { Origin: 'http://evil.example' },
  });
  assert.equal(read.status, 200);
});

test('with a token, writes need it wherever they come from, as before', async () => {
  const { app } = testApp({ token: 'pier-7' });
  const bare = await app.request('/api/articles', textPost({ Origin: 'http://evil.example' }));
  assert.equal(bare.status, 401);
  const authorised = await app.request(
    '/api/articles',
    textPost({ Origin: 'http://tools.example', Authorization: 'Bearer pier-7' }),
  );
  assert.equal(authorised.status, 201);
});

test('an empty token is refused rather than running open', async () => {
  for (const token of ['', '   '])
    assert.throws(() => createApp({ store: new FakeStore(), token }), /token is empty/);
});

test('requests addressed to another host are refused on every route (DNS rebinding)', async () => {
  const { app } = testApp();
  for (const path of ['/api/stories', '/api/stories/story-1/timeline', '/healthz', '/', '/openapi.json']) {
    const viaUrl = await app.request(`http://evil.example${path}`);
    assert.equal(viaUrl.status, 403, path);
    const viaHeader = await app.request(`http://localhost${path}`, {
      headers: { Host: 'evil.example:8080' },
    });
    assert.equal(viaHeader.status, 403, path);
    assert.match((await json(viaHeader)).error.message, /does not answer to the host/);
  }
  for (const host of ['localhost:8080', '127.0.0.1', '[::1]:8080', 'LOCALHOST'])
    assert.equal((await app.request('/api/stories', { headers: { Host: host } })).status, 200, host);
});

test('the bound address and --allowed-host names are answered', async () => {
  const { app } = testApp({ host: '192.0.2.7', allowedHosts: ['chronicle.lan', 'Newsroom.Example:8080'] });
  for (const host of ['192.0.2.7:8080', 'chronicle.lan', 'newsroom.example:80', 'localhost'])
    assert.equal((await app.request('/api/stories', { headers: { Host: host } })).status, 200, host);
  assert.equal(
    (await app.request('/api/stories', { headers: { Host: 'chronicle.lan.evil.example' } })).status,
    403,
  );
});

test('hostName normalises what Host and --allowed-host carry', async () => {
  assert.equal(hostName('Example.org:8080'), 'example.org');
  assert.equal(hostName('[::1]:80'), '[::1]');
  assert.equal(hostName('::1'), '[::1]');
  assert.equal(hostName('localhost.'), 'localhost');
  assert.equal(hostName(''), null);
});
