import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, SourceRef, Timeline } from '../../src/model.js';
import {
  coOccurrence,
  coverageByDay,
  filterByDates,
  filterByEntity,
  filterBySource,
  nameMatcher,
  timelineSources,
  trimTimeline,
} from '../../src/server/views.js';

const ref = (articleId: string, source: string, publishedAt: string): SourceRef => ({
  articleId,
  path: null,
  title: null,
  source,
  publishedAt,
});

const timeline: Timeline = {
  entries: [
    {
      date: '2025-06-01',
      summary: ['The Orchard Council voted to close the market.', 'Traders protested outside.'],
      sentences: [
        {
          text: 'The Orchard Council voted to close the market.',
          articleId: 'a1',
          sentenceIndex: 0,
          sources: [ref('a1', 'Town Post', '2025-06-01')],
        },
        {
          text: 'Traders protested outside.',
          articleId: 'a2',
          sentenceIndex: 3,
          sources: [ref('a2', 'River Times', '2025-06-02')],
        },
      ],
      sources: [ref('a1', 'Town Post', '2025-06-01'), ref('a2', 'River Times', '2025-06-02')],
      score: 2,
    },
    {
      date: '2025-06-04',
      summary: ['Councillor Ada Brisk resigned.'],
      sentences: [
        {
          text: 'Councillor Ada Brisk resigned.',
          articleId: 'a3',
          sentenceIndex: 0,
          sources: [ref('a3', 'River Times', '2025-06-04')],
        },
      ],
      sources: [ref('a3', 'River Times', '2025-06-04')],
      score: 1,
    },
  ],
  entities: [
    { id: 'e1', name: 'Orchard Council', type: 'ORG', aliases: ['the council'], mentions: 3 },
    { id: 'e2', name: 'Ada Brisk', type: 'PERSON', aliases: ['Brisk'], mentions: 2 },
  ],
  quotes: [
    {
      speaker: 'Ada Brisk',
      text: 'I cannot stay',
      cue: 'said',
      date: '2025-06-04',
      sources: [ref('a3', 'River Times', '2025-06-04')],
    },
  ],
};

test('nameMatcher matches whole words only, case-insensitively', async () => {
  const m = nameMatcher(['Brisk']);
  assert.equal(m('Councillor BRISK resigned'), true);
  assert.equal(m('a brisker pace'), false);
  assert.equal(nameMatcher([])('anything'), false);
});

test('filterByEntity keeps entries and sentences that mention the entity or an alias', async () => {
  const byAlias = filterByEntity(timeline, 'Ada Brisk');
  assert.deepEqual(
    byAlias.entries.map((e) => e.date),
    ['2025-06-04'],
  );
  assert.equal(byAlias.quotes.length, 1);
  const council = filterByEntity(timeline, 'e1');
  assert.deepEqual(council.entries[0].summary, ['The Orchard Council voted to close the market.']);
  assert.equal(council.quotes.length, 0);
});

test('filterBySource keeps only what the outlet reported', async () => {
  const t = filterBySource(timeline, 'town post');
  assert.equal(t.entries.length, 1);
  assert.deepEqual(t.entries[0].summary, ['The Orchard Council voted to close the market.']);
  assert.deepEqual(
    t.entries[0].sources.map((s) => s.articleId),
    ['a1'],
  );
});

test('filterByDates is inclusive at both ends', async () => {
  assert.equal(filterByDates(timeline, '2025-06-04', '2025-06-04').entries.length, 1);
  assert.equal(filterByDates(timeline, '2025-06-05').entries.length, 0);
  assert.equal(filterByDates(timeline).entries.length, 2);
});

test('coverageByDay counts each article once per publication day and fills the gaps', async () => {
  const sources = timelineSources(timeline);
  assert.deepEqual(
    sources.map((s) => s.articleId),
    ['a1', 'a2', 'a3'],
  );
  assert.deepEqual(coverageByDay(sources), [
    { date: '2025-06-01', articles: 1 },
    { date: '2025-06-02', articles: 1 },
    { date: '2025-06-03', articles: 0 },
    { date: '2025-06-04', articles: 1 },
  ]);
  assert.deepEqual(coverageByDay([]), []);
});

test('coOccurrence counts shared articles between the most mentioned entities', async () => {
  const e = (name: string, mentions: number, articleIds: string[]): Entity => ({
    id: name,
    name,
    type: 'PERSON',
    aliases: [],
    mentions,
    articleIds,
  });
  const pairs = coOccurrence(
    [e('A', 5, ['1', '2', '3']), e('B', 4, ['2', '3']), e('C', 1, ['9']), e('D', 3, ['3'])],
    3,
  );
  assert.deepEqual(pairs, [
    { a: 'A', b: 'B', articles: 2 },
    { a: 'A', b: 'D', articles: 1 },
    { a: 'B', b: 'D', articles: 1 },
  ]);
});

test('coverageByDay widens the range to the timeline dates given', async () => {
  const c = coverageByDay([ref('a1', 'Town Post', '2025-06-03')], ['2025-06-01']);
  assert.deepEqual(c, [
    { date: '2025-06-01', articles: 0 },
    { date: '2025-06-02', articles: 0 },
    { date: '2025-06-03', articles: 1 },
  ]);
});

test('coOccurrence merges entities that share a name', async () => {
  const e = (id: string, name: string, articleIds: string[]): Entity => ({
    id,
    name,
    type: 'ORG',
    aliases: [],
    mentions: 1,
    articleIds,
  });
  assert.deepEqual(coOccurrence([e('1', 'Kelp', ['a']), e('2', 'Kelp', ['b']), e('3', 'Moss', ['a', 'b'])]), [
    { a: 'Kelp', b: 'Moss', articles: 2 },
  ]);
});

test('trimTimeline cuts long source and quote lists and keeps the full counts', async () => {
  const t = trimTimeline(timeline, 1, 0);
  assert.equal(t.entries[0].sources.length, 1);
  assert.equal((t.entries[0] as { sourceCount?: number }).sourceCount, 2);
  assert.equal((t.entries[1] as { sourceCount?: number }).sourceCount, undefined); // not cut
  assert.equal(t.entries[0].sentences[0].sources.length, 1);
  assert.equal(t.quotes.length, 0);
  assert.equal(t.quoteCount, 1);
  assert.equal(timeline.entries[0].sources.length, 2); // the input is not changed
});
