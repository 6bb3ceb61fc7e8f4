/**
 * Story clustering does not depend on the order articles arrive in, nor on their ids (which readers derive
 * from file paths): articles are clustered by publication day, then by a digest of their content.
 * All fixture text is our own writing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newArticle, type Article } from '../../src/model.js';
import { clusterArticles, clusterOrder } from '../../src/stories/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { seededRandom, shuffleInPlace } from '../../src/util/random.js';
import { miniAnalyze } from '../store/helpers.js';

/** Three events, several articles each, several on the same day (ties the order must break by content). */
const FIXTURES: [string, string][] = [
  // Bridges two events on their first day: which story it starts or joins depends on what came before it.
  [
    'Heavy rain closed the Orvel mountain road and delayed the Teskon council vote on the tram line.',
    '2024-05-02',
  ],
  ['A landslide closed the Orvel mountain road near Brasca after two days of heavy rain.', '2024-05-02'],
  ['Road crews cleared mud and rocks from the Orvel mountain road; Brasca stayed cut off.', '2024-05-02'],
  ['The Orvel road reopened to traffic, and Brasca residents drove down the mountain again.', '2024-05-04'],
  ['Geologists warned that the slope above the Orvel road near Brasca could slide again.', '2024-05-04'],
  ['The Teskon city council voted to build a tram line along the river embankment.', '2024-05-02'],
  ['Teskon councillors argued over the cost of the river tram line before the vote.', '2024-05-02'],
  ['Work on the Teskon tram line starts in autumn, the council said after the vote.', '2024-05-03'],
  ['A freighter carrying grain lost power in the Halvar strait and drifted toward the rocks.', '2024-05-03'],
  ['Tugs towed the grain freighter out of the Halvar strait before it reached the rocks.', '2024-05-03'],
  ['The grain freighter reached Halvar port under tow, its cargo of grain unharmed.', '2024-05-04'],
];

function articles(order: number[], prefix: string): Article[] {
  // Ids follow the input position (as path-derived ids follow the reading order), not the content.
  return order.map((i, k) =>
    newArticle({
      id: `${prefix}-${String(k).padStart(2, '0')}`,
      rawText: FIXTURES[i][0],
      text: FIXTURES[i][0],
      publishedAt: FIXTURES[i][1],
    }),
  );
}

function shuffled(n: number, seed: number): number[] {
  return shuffleInPlace([...Array(n).keys()], seededRandom(seed));
}

/** A partition as a canonical string: groups of texts, each sorted, groups sorted. */
function partition(storyOf: Map<string, string>, arts: Article[]): string {
  const groups = new Map<string, string[]>();
  for (const a of arts) {
    const s = storyOf.get(a.id)!;
    groups.set(s, [...(groups.get(s) ?? []), a.text]);
  }
  return JSON.stringify([...groups.values()].map((g) => g.sort()).sort());
}

test('clusterOrder sorts by day, then content, whatever the input order and ids', async () => {
  const a = clusterOrder(articles(shuffled(FIXTURES.length, 1), 'a')).map((x) => x.text);
  const b = clusterOrder(articles(shuffled(FIXTURES.length, 2), 'b')).map((x) => x.text);
  assert.deepEqual(a, b);
  const days = clusterOrder(articles(shuffled(FIXTURES.length, 3), 'c')).map((x) => x.publishedAt);
  assert.deepEqual(days, [...days].sort());
});

test('clusterArticles gives the same partition for shuffled input and different ids', async () => {
  const base = articles([...FIXTURES.keys()], 'base');
  const want = partition(clusterArticles(base), base);
  assert.ok(JSON.parse(want).length >= 2, 'the freighter is not merged with the rest');
  for (const seed of [1, 2, 3, 4, 5]) {
    const arts = articles(shuffled(FIXTURES.length, seed), `s${seed}`);
    assert.equal(partition(clusterArticles(arts), arts), want, `seed ${seed}`);
  }
});

test('the store clusters one batch the same whatever the order of its articles', async () => {
  const partitions = new Set<string>();
  for (const seed of [0, 1, 2]) {
    const order = seed ? shuffled(FIXTURES.length, seed) : [...FIXTURES.keys()];
    const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'chron-order-')), 'c.db'), {
      analyzer: miniAnalyze,
    });
    const arts = articles(order, `st${seed}`);
    await store.ingest(arts);
    const rows = store.db
      .prepare('SELECT a.id id, s.id story FROM articles a JOIN stories s ON s.rowid = a.story_rowid')
      .all() as { id: string; story: string }[];
    const storyOf = new Map(rows.map((r) => [r.id, r.story]));
    partitions.add(partition(storyOf, arts));
    await store.close();
  }
  assert.equal(partitions.size, 1);
});
