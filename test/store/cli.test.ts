import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { art, COUNCIL, miniAnalyze, SPILL } from './helpers.js';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

async function prepared() {
  const d = mkdtempSync(join(tmpdir(), 'chron-cli-'));
  const db = join(d, 'c.db');
  const s = new SqliteStore(db, { analyzer: miniAnalyze });
  await s.ingest([
    ...SPILL.map(([t, x], i) =>
      art(t, x, { id: `sp${i}`, source: 'Bay Gazette', title: `Harbour report ${i}` }),
    ),
    ...COUNCIL.map(([t, x], i) => art(t, x, { id: `co${i}` })),
  ]);
  const spill = (await s.listStories())[0].id;
  await s.close();
  return { d, db, spill };
}

test('stories lists id, size, span and top entities; --format json', async () => {
  const { db, spill } = await prepared();
  const t = await run(['stories', '--db', db]);
  assert.equal(t.code, 0);
  assert.match(t.out, new RegExp(`${spill}\\s+4\\s+2024-03-04\\.\\.2024-03-09`));
  assert.match(t.out, /Northern Gull/);
  const j = JSON.parse((await run(['stories', '--db', db, '--format', 'json'])).out);
  assert.equal(j.length, 2);
});

test('search prints ranked hits with snippets and takes filters', async () => {
  const { db } = await prepared();
  const r = await run(['search', 'diesel', '--db', db, '--limit', '2']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^1\. Harbour report/m);
  assert.match(r.out, /\[diesel\]/i);
  assert.ok(!/^3\./m.test(r.out));
  const none = await run(['search', 'library', '--db', db, '--source', 'Bay Gazette']);
  assert.match(none.out, /no matches/);
  const bad = await run(['search', 'x', '--db', db, '--from', '2024-13-01']);
  assert.equal(bad.code, 2);
});

test('entities, quotes, export and import commands', async () => {
  const { d, db, spill } = await prepared();
  const e = await run(['entities', '--db', db, '--story', spill, '--type', 'loc']);
  assert.match(e.out, /Kessel Bay/);
  assert.ok(!/Petra Vance/.test(e.out));
  const q = await run(['quotes', '--db', db, '--speaker', 'Oduya']);
  assert.match(q.out, /Mara Oduya \(said\): “We are containing the diesel”/);
  const out = join(d, 'story.json');
  assert.equal(
    (await run(['export', '--db', db, '--story', spill, '--format', 'json', '--out', out])).code,
    0,
  );
  const tjs = JSON.parse((await run(['export', '--db', db, '--story', spill, '--format', 'timelinejs'])).out);
  assert.ok(tjs.title.text.headline);
  const db2 = join(d, 'other.db');
  const imp = await run(['import', out, '--db', db2]);
  assert.equal(imp.code, 0);
  assert.match(imp.out, /4 articles added/);
  assert.ok(readFileSync(out, 'utf8').includes('"chronicle-story"'));
  const t = await run(['timeline', '--story', spill, '--db', db, '--format', 'json']);
  assert.equal(t.code, 0);
  assert.ok(JSON.parse(t.out));
});

test('store commands give clear errors for a missing store, story or arguments', async () => {
  const { d, db } = await prepared();
  const missing = await run(['stories', '--db', join(d, 'nope.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /nope\.db: no store here yet/);
  const noStory = await run(['export', '--db', db, '--story', 's999']);
  assert.equal(noStory.code, 1);
  assert.match(noStory.err, /no story "s999"/);
  assert.equal((await run(['export', '--db', db])).code, 2);
  assert.equal((await run(['ingest', '--db', db])).code, 2);
  assert.equal((await run(['search', '--db', db])).code, 2);
});
