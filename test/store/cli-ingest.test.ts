import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/index.js';
import { SPILL } from './helpers.js';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

test('chronicle ingest reads files through the real readers and pipeline, idempotently', async () => {
  const d = mkdtempSync(join(tmpdir(), 'chron-ingest-'));
  const src = join(d, 'articles');
  mkdirSync(src);
  SPILL.forEach(([text, day], i) =>
    writeFileSync(join(src, `${i}.txt`), `date ${day} Harbour report ${i}\n\n${text}\n`),
  );
  const db = join(d, 'c.db');
  const first = await run(['ingest', src, '--db', db, '--batch', '2']);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /^added 4, duplicates 0, stories touched \d+, [\d.]+ s/);
  const again = await run(['ingest', src, '--db', db]);
  assert.match(again.out, /^added 0, duplicates 4, stories touched 0/);
  const s = await run(['stories', '--db', db, '--format', 'json']);
  const stories = JSON.parse(s.out);
  assert.equal(
    stories.reduce((n: number, x: { articles: number }) => n + x.articles, 0),
    4,
  );
  const q = await run(['timeline', '--query', 'tanker', '--db', db, '--format', 'json']);
  assert.equal(q.code, 0, q.err);
  assert.ok(Array.isArray(JSON.parse(q.out).entries));
});
