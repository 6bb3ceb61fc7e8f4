import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from './helpers.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

test('every response carries the security headers, errors included', async () => {
  const { app } = testApp();
  for (const path of ['/', '/api/stories', '/api/stories/none', '/openapi.json', '/nothing-here']) {
    const res = await app.request(path);
    assert.equal(res.headers.get('content-security-policy'), CSP, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
  }
});

test('static files are served from the web folder with their types; nothing outside it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-web-'));
  try {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'app.js'), 'export {};');
    const { app } = testApp({ webRoot: dir });
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    const js = await app.request('/app.js');
    assert.match(js.headers.get('content-type') ?? '', /text\/javascript/);
    const etag = js.headers.get('etag') ?? '';
    assert.equal((await app.request('/app.js', { headers: { 'If-None-Match': etag } })).status, 304);
    assert.equal((await app.request('/../package.json')).status, 404);
    assert.equal((await app.request('/%2e%2e/package.json')).status, 404);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the real web app has no inline scripts or styles', async () => {
  const { app } = testApp();
  const html = await (await app.request('/')).text();
  assert.match(html, /<script type="module" src="\/app\.js"><\/script>/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/i);
});
