/**
 * One content identity for the reader, the store and the feed watcher (src/util/content-hash.ts): what the
 * reader stamps on an article is what the store keys it by, so a re-served copy is a duplicate everywhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../../src/util/content-hash.js';
import { readTextArticle } from '../../src/ingest/text.js';
import { SqliteStore } from '../../src/store/index.js';

const text = 'Published 2025-03-04\nThe harbour authority closed the east basin on Monday.\n';

test('content hash: white space and Unicode composition do not count, case does', async () => {
  assert.equal(contentHash('  a  b\n\tc '), contentHash('a b c'));
  // "é" precomposed (U+00E9) and decomposed (e + U+0301) are the same text.
  assert.equal(contentHash('caf\u00e9 opened'), contentHash('cafe\u0301 opened'));
  assert.notEqual(contentHash('The Port'), contentHash('the port'));
  assert.match(contentHash('x'), /^[0-9a-f]{64}$/);
});

test('content hash: the store keys an article by the hash the reader gave it', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'chron-hash-')), 'c.db'));
  try {
    const a = readTextArticle('/in/a.txt', text);
    await store.ingest([a], { analyze: 'never', refreshTimelines: false });
    const stored = store.db.prepare('SELECT content_hash FROM articles').pluck().all();
    assert.deepEqual(stored, [a.contentHash]);
    // The same text from another file, re-wrapped: stored once.
    const copy = readTextArticle('/in/b.txt', text.replace('closed the', 'closed\n   the'));
    assert.equal(copy.contentHash, a.contentHash);
    const r = await store.ingest([copy], { analyze: 'never', refreshTimelines: false });
    assert.deepEqual(r.added, []);
    assert.equal(r.duplicates.length, 1);
  } finally {
    await store.close();
  }
});
