import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readHtmlFile } from '../../src/ingest/html.js';
import { readUrl } from '../../src/ingest/url.js';
import { InputError } from '../../src/model.js';
import { startServer } from './server.js';

const fixture = readFileSync(new URL('../fixtures/web/harbour-article.html', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chronicle-html-'));

test('reads .html and .html.gz files', async () => {
  const plain = join(dir, 'a.html');
  const gz = join(dir, 'a.html.gz');
  writeFileSync(plain, fixture);
  writeFileSync(gz, gzipSync(fixture));
  const a = await readHtmlFile(plain, {});
  const b = await readHtmlFile(gz, {});
  assert.equal(a.path, plain);
  assert.equal(a.title, 'Harbour bridge reopens after storm repairs');
  assert.equal(a.rawText, b.rawText);
  assert.equal(b.publishedAt, '2024-03-06');
});

test('a windows-1252 page without a declaration decodes correctly', async () => {
  const text =
    '<html><body><article>' +
    '<p>Caf\u00e9 owners on the quay said the \u201cclosure\u201d cost them dearly, and the council listened to every one of them at length.</p>'.repeat(
      3,
    ) +
    '</article></body></html>';
  const p = join(dir, 'cp1252.htm');
  const bytes = Buffer.from(text.replace(/\u201c/g, '\x93').replace(/\u201d/g, '\x94'), 'latin1');
  writeFileSync(p, bytes);
  const a = await readHtmlFile(p, {});
  assert.match(a.rawText, /Café owners on the quay said the “closure”/);
});

test('errors name the file: missing, too large, corrupt gzip', async () => {
  await assert.rejects(
    readHtmlFile(join(dir, 'missing.html'), {}),
    (e: unknown) => e instanceof InputError && /missing\.html/.test(e.message),
  );
  const big = join(dir, 'big.html');
  writeFileSync(big, fixture);
  await assert.rejects(
    readHtmlFile(big, { maxBytes: 100 }),
    (e: unknown) => e instanceof InputError && /big\.html.*limit/.test(e.message),
  );
  const bad = join(dir, 'bad.html.gz');
  writeFileSync(bad, Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  await assert.rejects(
    readHtmlFile(bad, {}),
    (e: unknown) => e instanceof InputError && /bad\.html\.gz.*gunzip/.test(e.message),
  );
});

test('readUrl fetches a page from the local server; loopback needs allowPrivate', async () => {
  const srv = await startServer({
    '/news/2024/03/06/bridge': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(fixture);
    },
  });
  try {
    const url = `${srv.base}/news/2024/03/06/bridge`;
    const a = await readUrl(url, { allowPrivate: true });
    assert.equal(a.url, url);
    assert.equal(a.canonicalUrl, 'https://gazette.example/news/2024/03/06/bridge-reopens');
    assert.match(a.rawText, /swing bridge/);
    await assert.rejects(
      readUrl(url, {}),
      (e: unknown) => e instanceof InputError && /loopback/.test(e.message),
    );
  } finally {
    await srv.close();
  }
});
