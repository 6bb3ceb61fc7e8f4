import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimelineFromAnalysis } from '../../src/timeline/index.js';
import { article, analysis } from './helpers.js';

// Day A is named by three different outlets; day B five times by one article; day C only has a burst
// of publications. Distinct sources make a day salient.
const corpus = () =>
  analysis([
    article('a1', '2024-03-02', [
      { text: 'The harbour crane collapsed onto a cargo ship on Friday morning.', days: ['2024-03-01'] },
    ]),
    article('a2', '2024-03-02', [
      { text: 'Dock workers watched the crane fall onto the cargo ship on Friday.', days: ['2024-03-01'] },
    ]),
    article('a3', '2024-03-03', [
      { text: 'Investigators began examining the crane that fell on Friday.', days: ['2024-03-01'] },
    ]),
    article('b1', '2024-03-06', [
      { text: 'The council will hold a public meeting about the crane on Monday.', days: ['2024-03-11'] },
      { text: 'Residents may ask questions at the meeting planned for Monday.', days: ['2024-03-11'] },
      { text: 'The mayor is expected to speak at the meeting on Monday evening.', days: ['2024-03-11'] },
      { text: 'Engineers will present their report to the meeting on Monday.', days: ['2024-03-11'] },
      { text: 'Union leaders plan to attend the meeting on Monday night.', days: ['2024-03-11'] },
    ]),
    ...['c1', 'c2', 'c3', 'c4'].map((id) =>
      article(id, '2024-03-08', ['Shipping schedules at the harbour remain disrupted this week.']),
    ),
  ]);

test('the most salient day is the one named by the most distinct sources', () => {
  const t = buildTimelineFromAnalysis(corpus(), { dates: 1 });
  assert.deepEqual(
    t.entries.map((e) => e.date),
    ['2024-03-01'],
  );
  // the score is the date model's salience, in (0, 1)
  assert.ok(t.entries[0]!.score > 0 && t.entries[0]!.score < 1);
});

test('a day named many times by one article ranks after one named by three outlets, before a mere burst', () => {
  const t = buildTimelineFromAnalysis(corpus(), { dates: 2 });
  assert.deepEqual(
    t.entries.map((e) => e.date),
    ['2024-03-01', '2024-03-11'],
  );
});

test('entry sources include every article that names the day', () => {
  const t = buildTimelineFromAnalysis(corpus(), { dates: 1, sentences: 1 });
  assert.deepEqual(t.entries[0]!.sources.map((s) => s.articleId).sort(), ['a1', 'a2', 'a3']);
  assert.equal(t.entries[0]!.summary.length, 1);
});

test('from/to restrict the dates', () => {
  const t = buildTimelineFromAnalysis(corpus(), { from: '2024-03-05', to: '2024-03-31' });
  assert.ok(t.entries.length > 0);
  assert.ok(t.entries.every((e) => e.date >= '2024-03-05'));
});

test('by default the number of dates is what the material supports (days named at least once)', () => {
  const t = buildTimelineFromAnalysis(corpus());
  assert.deepEqual(
    t.entries.map((e) => e.date),
    ['2024-03-01', '2024-03-11'],
  );
});

test('without any resolved day, publication days are used', () => {
  const t = buildTimelineFromAnalysis(
    analysis([article('x', '2024-01-05', ['The ferry service between the islands resumed after repairs.'])]),
  );
  assert.deepEqual(
    t.entries.map((e) => e.date),
    ['2024-01-05'],
  );
});

test('off-query material counts less than material about the query', () => {
  const a = analysis([
    article('h', '2024-05-02', [
      { text: 'The harbour authority closed the northern pier on Wednesday.', days: ['2024-05-01'] },
    ]),
    article('f1', '2024-05-04', [
      { text: 'The football club signed a new striker on Friday afternoon.', days: ['2024-05-03'] },
    ]),
    article('f2', '2024-05-04', [
      { text: 'Supporters welcomed the striker who joined the club on Friday.', days: ['2024-05-03'] },
    ]),
  ]);
  assert.equal(buildTimelineFromAnalysis(a, { dates: 1 }).entries[0]!.date, '2024-05-03');
  assert.equal(buildTimelineFromAnalysis(a, { dates: 1, query: 'harbour' }).entries[0]!.date, '2024-05-01');
});
