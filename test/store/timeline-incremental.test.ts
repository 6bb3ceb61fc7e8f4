import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { TimelineSource } from '../../src/store/timeline-state.js';
import { decodeTokens } from '../../src/store/sqlite.js';
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

test('stored timelines updated batch by batch equal full rebuilds; only new articles are read', () => {
  const inc = openStore(tmp(), { analyzer: miniAnalyze });
  const all = articles();
  // Batches deliberately not in publication order (later batches hold earlier days).
  const batches = [all.slice(20), all.slice(0, 7), all.slice(7, 20)];
  inc.ingest(batches[0]!, { story: 'bridge' });
  for (const o of OPTIONS) inc.storyTimeline('bridge', o);
  const src = source(inc);
  const before = { ...src.stats };
  for (const batch of batches.slice(1)) {
    const r = inc.ingest(batch, { story: 'bridge' });
    assert.deepEqual(r.storiesTouched, ['bridge']);
  }
  // The cached story took in only the new articles (no whole-story re-read).
  assert.equal(src.stats.fullReads, before.fullReads);
  assert.equal(src.stats.incrementalReads - before.incrementalReads, 2);
  assert.equal(src.stats.articlesRead - before.articlesRead, 20);

  // The same batches into a store that builds its timelines only at the end (cold: whole story read).
  const full = openStore(tmp(), { analyzer: miniAnalyze });
  const again = articles();
  for (const batch of [again.slice(20), again.slice(0, 7), again.slice(7, 20)])
    full.ingest(batch, { story: 'bridge' });
  for (const o of OPTIONS) {
    const stored = inc.db
      .prepare(
        `SELECT t.story_version = s.version AS fresh, t.json FROM timelines t JOIN stories s ON s.rowid = t.story_rowid
         WHERE s.id = 'bridge' AND t.options_key = ?`,
      )
      .get(
        JSON.stringify([
          o.dates ?? null,
          o.sentences ?? null,
          o.query ?? null,
          o.from ?? null,
          o.to ?? null,
          null,
        ]),
      ) as {
      fresh: number;
      json: string;
    };
    assert.equal(stored.fresh, 1, JSON.stringify(o));
    const expected = full.buildStoryTimeline('bridge', o);
    assert.ok(expected.entries.length > 0);
    assert.deepEqual(JSON.parse(stored.json), expected, JSON.stringify(o));
    // ...and both equal the timeline rebuilt from scratch from the whole stored analysis.
    assert.deepEqual(expected, buildTimelineFromAnalysis(inc.storyAnalysis('bridge'), o));
  }
  inc.close();
  full.close();
});

test('the lean timeline analysis equals the full stored analysis, lazy fields included', () => {
  const s = openStore(tmp(), { analyzer: miniAnalyze });
  const all = articles();
  s.ingest(all.slice(10), { story: 'bridge' });
  s.ingest(all.slice(0, 10), { story: 'bridge' });
  const r = s.db.prepare("SELECT rowid, version FROM stories WHERE id = 'bridge'").get() as {
    rowid: number;
    version: number;
  };
  const lean = source(s).analysis(r.rowid, r.version);
  const full = s.storyAnalysis('bridge');
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
  s.close();
});

test('a story whose cached state was evicted or merged is read again and still equals a full rebuild', () => {
  const s = openStore(tmp(), { analyzer: miniAnalyze });
  const all = articles();
  s.ingest(all.slice(0, 15), { story: 'bridge' });
  s.ingest(all.slice(15, 22), { story: 'other' });
  s.storyTimeline('bridge');
  s.storyTimeline('other');
  // Move the other story's articles into this one behind the cache's back (as a merge does).
  s.db.exec(
    "UPDATE articles SET story_rowid = (SELECT rowid FROM stories WHERE id = 'bridge') WHERE story_rowid = (SELECT rowid FROM stories WHERE id = 'other')",
  );
  s.db.exec("UPDATE stories SET version = version + 1 WHERE id IN ('bridge', 'other')");
  const merged = s.buildStoryTimeline('bridge');
  assert.deepEqual(merged, buildTimelineFromAnalysis(s.storyAnalysis('bridge')));
  const other = s.buildStoryTimeline('other');
  assert.equal(other.entries.length, 0);
  // A small cache keeps only the most recent story: the other one is read again in full, with the same result.
  const small = new TimelineSource(s.db, { decodeTokens, maxSentences: 10 });
  const row = (id: string) =>
    s.db.prepare('SELECT rowid, version FROM stories WHERE id = ?').get(id) as {
      rowid: number;
      version: number;
    };
  s.ingest(all.slice(22), { story: 'third' });
  const first = small.analysis(row('bridge').rowid, row('bridge').version);
  small.analysis(row('third').rowid, row('third').version);
  const again = small.analysis(row('bridge').rowid, row('bridge').version);
  assert.equal(small.stats.fullReads, 3);
  assert.deepEqual(
    again.articles.map((a) => a.id),
    first.articles.map((a) => a.id),
  );
  assert.deepEqual(buildTimelineFromAnalysis(again), merged);
  s.close();
});

test('stored sentence term statistics are used on read and give the same timeline as computing them', () => {
  const path = tmp();
  const s = openStore(path, { analyzer: miniAnalyze });
  s.ingest(articles(), { story: 'bridge' });
  const stored = s.db.prepare('SELECT count(*) FROM sentence_terms').pluck().get() as number;
  assert.equal(stored, 30);
  const withStored = s.buildStoryTimeline('bridge');
  s.close();
  // Without the stored statistics (an older store), they are computed from the text: same timeline.
  const computed = openStore(path, { analyzer: miniAnalyze });
  computed.db.exec('DELETE FROM sentence_terms');
  assert.deepEqual(computed.buildStoryTimeline('bridge'), withStored);
  computed.close();
  // The stored statistics are what the builder reads: when they say every sentence has the same few terms
  // (each sentence's counts kept, every term id replaced by one), the summaries change.
  const again = openStore(path, { analyzer: miniAnalyze });
  again.ingest(
    articles().map((a) => ({ ...a, id: `${a.id}b`, rawText: `${a.rawText} Again.` })),
    {
      story: 'bridge2',
    },
  );
  const fine = again.buildStoryTimeline('bridge2');
  again.close();
  const broken = openStore(path, { analyzer: miniAnalyze });
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
  assert.notDeepEqual(broken.buildStoryTimeline('bridge2'), fine);
  broken.close();
});
