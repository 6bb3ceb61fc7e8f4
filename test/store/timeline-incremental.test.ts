import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { optionsKey } from '../../src/store/core/stories.js';
import { SqliteStore } from '../../src/store/index.js';
import { TimelineSource } from '../../src/store/core/timeline-source.js';
import { sqliteLeanReader } from '../../src/store/sqlite/store.js';
import { buildTimelineFromAnalysis } from '../../src/timeline/index.js';
import type { Article, TimelineOptions } from '../../src/model.js';
import { art, miniAnalyze } from './helpers.js';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'chron-tli-')), 'c.db');
const source = (s: SqliteStore) => (s as unknown as { timelineSource(): TimelineSource }).timelineSource();

// Our own sentences about an invented bridge closure; days vary so articles arrive out of publication order.
const EVENTS = [
  'Engineers closed the Orrin Bridge on April 2, 2024 after finding a cracked beam.',
  'The Orrin Bridge stayed closed while Tova Lindqvist inspected the cracked beam.',
  '"The beam cannot carry traffic," said Tova Lindqvist.',
  'Ferries carried commuters across the Selm River on April 5, 2024.',
  'The city council approved emergency repairs to the Orrin Bridge on April 9, 2024.',
  'Welders replaced the cracked beam of the Orrin Bridge over three nights.',
  'Traffic returned to the Orrin Bridge on April 20, 2024 after load tests.',
  '"Commuters can cross again," said Bram Okafor of the transport office.',
  'Shops near the Selm River reported fewer customers during the closure.',
  'Inspectors will check every beam of the Orrin Bridge again on May 1, 2024.',
];

function articles(): Article[] {
  const out: Article[] = [];
  for (let i = 0; i < 30; i++) {
    const pick = [EVENTS[i % 10], EVENTS[(i * 3 + 1) % 10], EVENTS[(i * 7 + 4) % 10]];
    const day = `2024-04-${String(2 + ((i * 11) % 20)).padStart(2, '0')}`;
    out.push(
      art(`${pick.join(' ')} Report number ${i} was filed by the desk.`, day, {
        id: `bridge${i}`,
        title: `Bridge report ${i}`,
        source: ['Selm Courier', 'River Post', 'Harbour Gazette'][i % 3],
        // one article without a publication day
        ...(i === 17 ? { publishedAt: null } : {}),
      }),
    );
  }
  return out;
}

const OPTIONS: TimelineOptions[] = [
  {},
  { sentences: 1 },
  { dates: 3 },
  { query: 'ferries commuters' },
  { from: '2024-04-05', to: '2024-04-20' },
];

test('stored timelines updated batch by batch equal full rebuilds; only new articles are read', async () => {
  const inc = new SqliteStore(tmp(), { analyzer: miniAnalyze });
  const all = articles();
  // Batches deliberately not in publication order (later batches hold earlier days).
  const batches = [all.slice(20), all.slice(0, 7), all.slice(7, 20)];
  await inc.ingest(batches[0]!, { story: 'bridge' });
  for (const o of OPTIONS) await inc.storyTimeline('bridge', o);
  const src = source(inc);
  const before = { ...src.stats };
  for (const batch of batches.slice(1)) {
    const r = await inc.ingest(batch, { story: 'bridge' });
    assert.deepEqual(r.storiesTouched, ['bridge']);
  }
  // The cached story took in only the new articles (no whole-story re-read).
  assert.equal(src.stats.fullReads, before.fullReads);
  assert.equal(src.stats.incrementalReads - before.incrementalReads, 2);
  assert.equal(src.stats.articlesRead - before.articlesRead, 20);

  // The same batches into a store that builds its timelines only at the end (cold: whole story read).
  const full = new SqliteStore(tmp(), { analyzer: miniAnalyze });
  const again = articles();
  for (const batch of [again.slice(20), again.slice(0, 7), again.slice(7, 20)])
    await full.ingest(batch, { story: 'bridge' });
  for (const o of OPTIONS) {
    const stored = inc.db
      .prepare(
        `SELECT t.story_version = s.version AS fresh, t.json FROM timelines t JOIN stories s ON s.rowid = t.story_rowid
         WHERE s.id = 'bridge' AND t.options_key = ?`,
      )
      .get(optionsKey(o)) as {
      fresh: number;
      json: string;
    };
    assert.equal(stored.fresh, 1, JSON.stringify(o));
    const expected = await full.buildStoryTimeline('bridge', o);
    assert.ok(expected.entries.length > 0);
    assert.deepEqual(JSON.parse(stored.json), expected, JSON.stringify(o));
    // ...and both equal the timeline rebuilt from scratch from the whole stored analysis.
    assert.deepEqual(expected, buildTimelineFromAnalysis(await inc.storyAnalysis('bridge'), o));
  }
  await inc.close();
  await full.close();
});

test('the lean timeline analysis equals the full stored analysis, lazy fields included', async () => {
  const s = new SqliteStore(tmp(), { analyzer: miniAnalyze });
  const all = articles();
  await s.ingest(all.slice(10), { story: 'bridge' });
  await s.ingest(all.slice(0, 10), { story: 'bridge' });
  const r = s.db.prepare("SELECT rowid, version FROM stories WHERE id = 'bridge'").get() as {
    rowid: number;
    version: number;
  };
  const lean = await source(s).analysis(r.rowid, r.version);
  const full = await s.storyAnalysis('bridge');
  assert.deepEqual(
    lean.articles.map((a) => a.id),
    full.articles.map((a) => a.id),
  );
  assert.equal(lean.articles[0]!.publishedAt, null);
  assert.deepEqual(lean.entities, full.entities);
  assert.ok(lean.entities.length > 2);
  lean.articles.forEach((a, i) => {
    const f = full.articles[i]!;
    for (const k of [
      'title',
      'source',
      'publishedAt',
      'text',
      'rawText',
      'quotes',
      'mentions',
      'duplicateOf',
    ] as const)
      assert.deepEqual(a[k], f[k], `${a.id} ${k}`);
    assert.deepEqual(
      a.sentences.map((x) => [x.index, x.start, x.end, x.text, x.timexes, x.dupGroup, x.tokens]),
      f.sentences.map((x) => [x.index, x.start, x.end, x.text, x.timexes, x.dupGroup, x.tokens]),
    );
  });
  await s.close();
});

test('a story whose cached state was evicted or merged is read again and still equals a full rebuild', async () => {
  const s = new SqliteStore(tmp(), { analyzer: miniAnalyze });
  const all = articles();
  await s.ingest(all.slice(0, 15), { story: 'bridge' });
  await s.ingest(all.slice(15, 22), { story: 'other' });
  await s.storyTimeline('bridge');
  await s.storyTimeline('other');
  // Move the other story's articles into this one behind the cache's back (as a merge does).
  s.db.exec(
    "UPDATE articles SET story_rowid = (SELECT rowid FROM stories WHERE id = 'bridge') WHERE story_rowid = (SELECT rowid FROM stories WHERE id = 'other')",
  );
  s.db.exec("UPDATE stories SET version = version + 1 WHERE id IN ('bridge', 'other')");
  const merged = await s.buildStoryTimeline('bridge');
  assert.deepEqual(merged, buildTimelineFromAnalysis(await s.storyAnalysis('bridge')));
  const other = await s.buildStoryTimeline('other');
  assert.equal(other.entries.length, 0);
  // A small cache keeps only the most recent story: the other one is read again in full, with the same result.
  const small = new TimelineSource(sqliteLeanReader(s.db), { maxSentences: 10 });
  const row = (id: string) =>
    s.db.prepare('SELECT rowid, version FROM stories WHERE id = ?').get(id) as {
      rowid: number;
      version: number;
    };
  await s.ingest(all.slice(22), { story: 'third' });
  const first = await small.analysis(row('bridge').rowid, row('bridge').version);
  await small.analysis(row('third').rowid, row('third').version);
  const again = await small.analysis(row('bridge').rowid, row('bridge').version);
  assert.equal(small.stats.fullReads, 3);
  assert.deepEqual(
    again.articles.map((a) => a.id),
    first.articles.map((a) => a.id),
  );
  assert.deepEqual(buildTimelineFromAnalysis(again), merged);
  await s.close();
});

test('stored sentence term statistics are used on read and give the same timeline as computing them', async () => {
  const path = tmp();
  const s = new SqliteStore(path, { analyzer: miniAnalyze });
  await s.ingest(articles(), { story: 'bridge' });
  const stored = s.db.prepare('SELECT count(*) FROM sentence_terms').pluck().get() as number;
  assert.equal(stored, 30);
  const withStored = await s.buildStoryTimeline('bridge');
  await s.close();
  // Without the stored statistics (an older store), they are computed from the text: same timeline.
  const computed = new SqliteStore(path, { analyzer: miniAnalyze });
  computed.db.exec('DELETE FROM sentence_terms');
  assert.deepEqual(await computed.buildStoryTimeline('bridge'), withStored);
  await computed.close();
  // The stored statistics are what the builder reads: when they say every sentence has the same few terms
  // (each sentence's counts kept, every term id replaced by one), the summaries change.
  const again = new SqliteStore(path, { analyzer: miniAnalyze });
  await again.ingest(
    articles().map((a) => ({ ...a, id: `${a.id}b`, rawText: `${a.rawText} Again.` })),
    {
      story: 'bridge2',
    },
  );
  const fine = await again.buildStoryTimeline('bridge2');
  await again.close();
  const broken = new SqliteStore(path, { analyzer: miniAnalyze });
  const put = broken.db.prepare('UPDATE sentence_terms SET data = ? WHERE article_rowid = ?');
  const rows = broken.db.prepare('SELECT article_rowid, data FROM sentence_terms').raw().all() as [
    number,
    Buffer,
  ][];
  for (const [r, data] of rows) {
    // Values are small here (one byte each): version, sentences, then per sentence words, n, n term ids.
    const v = [...data];
    assert.ok(v.every((b) => b < 0x80));
    for (let p = 2, k = 0; k < v[1]!; k++) {
      const n = v[p + 1]!;
      for (let j = 0; j < n; j++) v[p + 2 + j] = 1 + (j % 2);
      p += 2 + n;
    }
    put.run(Buffer.from(v), r);
  }
  assert.notDeepEqual(await broken.buildStoryTimeline('bridge2'), fine);
  await broken.close();
});
