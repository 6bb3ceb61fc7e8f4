import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summariseOutlets } from '../../src/sources.js';
import { main } from '../../src/cli/index.js';
import { openStore } from '../../src/store/index.js';
import { createApp } from '../../src/server/app.js';
import { sourcesResponse } from '../../src/server/sources-route.js';
import { newArticle } from '../../src/model.js';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

test('summariseOutlets: one row per outlet (names that are one outlet merge), counts and first/last days', () => {
  const rows = summariseOutlets([
    { source: 'Kelvik Courier', url: null, publishedAt: '2024-05-03' },
    { source: 'The Kelvik Courier', url: null, publishedAt: '2024-05-01' },
    { source: 'Kelvik Courier', url: null, publishedAt: null },
    { source: null, url: 'https://www.reuters.com/a', publishedAt: '2024-05-02' },
    { source: null, url: null, publishedAt: '2024-05-09' },
  ]);
  assert.deepEqual(rows, [
    { outlet: 'Kelvik Courier', articles: 3, first: '2024-05-01', last: '2024-05-03' },
    { outlet: 'Reuters', articles: 1, first: '2024-05-02', last: '2024-05-02' },
    { outlet: null, articles: 1, first: '2024-05-09', last: '2024-05-09' },
  ]);
});

test('chronicle sources <files>: outlets found in pasted files, as JSON and as a table', async () => {
  const r = await run(['sources', 'test/fixtures/outlets', '--format', 'json', '--quiet']);
  assert.equal(r.code, 0);
  const { sources } = JSON.parse(r.out);
  const nordwire = sources.find((s: { outlet: string }) => s.outlet === 'Nordwire');
  assert.deepEqual(nordwire, { outlet: 'Nordwire', articles: 2, first: '2024-05-14', last: '2024-06-09' });
  const text = await run(['sources', 'test/fixtures/outlets', '--quiet']);
  assert.match(text.out, /^outlet\s+articles\s+first\s+last/);
  assert.match(text.out, /\(outlet not found\)/);
});

test('chronicle sources (store) and GET /api/sources list the stored outlets', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-sources-'));
  const db = join(dir, 's.db');
  try {
    const store = await openStore(db);
    await store.ingest([
      newArticle({
        id: 'a',
        rawText: 'The quay opened on Monday after two years of work, the board said.',
        source: 'Kelvik Courier',
        publishedAt: '2024-05-06',
      }),
      newArticle({
        id: 'b',
        rawText: 'Ships queued at the new quay on Tuesday, the harbour master said.',
        url: 'https://www.reuters.com/x',
        publishedAt: '2024-05-07',
      }),
    ]);
    const app = createApp({ store, log: () => {} });
    const res = await app.request('/api/sources');
    assert.equal(res.status, 200);
    const body = sourcesResponse.parse(await res.json());
    assert.deepEqual(body.sources.map((s) => s.outlet).sort(), ['Kelvik Courier', 'Reuters']);
    await store.close();
    const r = await run(['sources', '--db', db, '--format', 'json']);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.out).sources.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
