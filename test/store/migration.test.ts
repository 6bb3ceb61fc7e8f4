/**
 * Schema migration 3 moves sentences and mentions from a row each into one `annotations` row per article
 * (plus `article_entities`). A store written at version 2 must read back the same articles after opening.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';

const TEXT =
  'Pier Nine closed on Monday. Mara Oduya said the pier would reopen. Mara Oduya met Kessel Port staff.';

test('a version-2 store (a row per sentence and mention) is migrated and reads back the same', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'chron-mig-')), 'old.db');
  const raw = new Database(path);
  raw.exec(MIGRATIONS[0]);
  raw.exec(MIGRATIONS[1]);
  raw.pragma('user_version = 2');
  raw.exec(`INSERT INTO stories (rowid, id, size) VALUES (1, 's1', 1);
    INSERT INTO entities (rowid, id, name, key, type, mentions) VALUES (1, 'e1', 'Mara Oduya', 'mara oduya', 'PERSON', 2),
      (2, 'e2', 'Kessel Port', 'kessel port', 'LOC', 1);
    INSERT INTO entity_aliases (entity_rowid, alias, key) VALUES (1, 'Mara Oduya', 'mara oduya'), (2, 'Kessel Port', 'kessel port');`);
  raw
    .prepare(
      `INSERT INTO articles (rowid, id, content_hash, title, published_at, text, story_rowid, added_at)
       VALUES (1, 'a1', 'h1', 'Pier closed', '2024-03-05', ?, 1, '2024-03-05T00:00:00Z')`,
    )
    .run(TEXT);
  const sent = raw.prepare(
    'INSERT INTO sentences (article_rowid, idx, start, end, tokens, timexes, dup_group) VALUES (1, ?, ?, ?, ?, ?, ?)',
  );
  // Tokens in both stored encodings: the old JSON offsets and the compact gap.length pairs.
  sent.run(
    0,
    0,
    27,
    '[0,4,5,9,10,16,17,19,20,26,26,27]',
    JSON.stringify([{ text: 'Monday', start: 20, end: 26, type: 'DATE', value: '2024-03-04' }]),
    null,
  );
  sent.run(1, 28, 66, '0.4 1.5 1.4 1.3 1.4 1.5 1.6 0.1', null, 77);
  sent.run(2, 67, 100, '0.4 1.5 1.3 1.6 1.4 1.5 0.1', null, null);
  const ment = raw.prepare(
    'INSERT INTO mentions (article_rowid, start, end, sentence_index, type, entity_rowid) VALUES (1, ?, ?, ?, ?, ?)',
  );
  ment.run(67, 77, 2, 'PERSON', 1);
  ment.run(0, 9, 0, 'LOC', null);
  ment.run(28, 38, 1, 'PERSON', 1);
  ment.run(82, 93, 2, 'LOC', 2);
  raw.close();

  const store = new SqliteStore(path);
  assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  const [a] = await store.getArticles(['a1']);
  assert.deepEqual(
    a.sentences.map((s) => [s.index, s.text, s.dupGroup ?? null, s.timexes.map((t) => t.value)]),
    [
      [0, 'Pier Nine closed on Monday.', null, ['2024-03-04']],
      [1, 'Mara Oduya said the pier would reopen.', 77, []],
      [2, 'Mara Oduya met Kessel Port staff.', null, []],
    ],
  );
  assert.deepEqual(
    a.sentences[0].tokens.map((t) => t.text),
    ['Pier', 'Nine', 'closed', 'on', 'Monday', '.'],
  );
  assert.deepEqual(
    a.sentences[1].tokens.map((t) => t.text),
    ['Mara', 'Oduya', 'said', 'the', 'pier', 'would', 'reopen', '.'],
  );
  assert.deepEqual(
    a.mentions.map((m) => [m.text, m.sentenceIndex, m.type, m.entityId ?? null]),
    [
      ['Pier Nine', 0, 'LOC', null],
      ['Mara Oduya', 1, 'PERSON', 'e1'],
      ['Mara Oduya', 2, 'PERSON', 'e1'],
      ['Kessel Port', 2, 'LOC', 'e2'],
    ],
  );
  const rows = store.db
    .prepare('SELECT entity_rowid, mentions, first FROM article_entities ORDER BY entity_rowid')
    .raw()
    .all();
  assert.deepEqual(rows, [
    [1, 2, 1],
    [2, 1, 3],
  ]);
  assert.deepEqual(
    (await store.entities({ story: 's1' })).map((e) => [e.name, e.mentions, e.articleIds]),
    [
      ['Mara Oduya', 2, ['a1']],
      ['Kessel Port', 1, ['a1']],
    ],
  );
  assert.deepEqual(
    (await store.search('pier', { entity: 'Mara Oduya' })).map((h) => h.articleId),
    ['a1'],
  );
  assert.equal((await store.search('pier', { entity: 'Nobody Here' })).length, 0);
  // Entities stored before the migration get their match keys (a later lone "Oduya" can find Mara Oduya).
  assert.deepEqual(
    store.db
      .prepare("SELECT entity_rowid FROM entity_keys WHERE kind = 'last' AND key = 'oduya'")
      .pluck()
      .all(),
    [1],
  );
  // The story's timeline reads the migrated rows through the lean reader.
  // (the fixture's sentences are short: the timeline is asked to take sentences of 5 words and more)
  const tl = await store.storyTimeline('s1', { params: { minWords: 5 } });
  assert.ok(tl.entries.some((e) => e.date === '2024-03-04'));
  assert.deepEqual(
    store.db.prepare("SELECT name FROM sqlite_master WHERE name IN ('sentences', 'mentions')").all(),
    [],
  );
  await store.close();
});
