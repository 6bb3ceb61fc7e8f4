import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildTriggerTable,
  F,
  featuresAround,
  scanFeatures,
  scanTriggers,
} from '../../src/nlp/timex/features.js';
import { tagTimexes } from '../../src/nlp/timex/index.js';

test('the pre-filter sees the trigger groups a sentence contains', () => {
  assert.equal(scanFeatures('The crew abandoned ship.'), 0);
  const f = scanFeatures('The council met weekly until Monday, 3 March.');
  assert.ok(f & F.FREQ, 'weekly is a frequency word, not the unit "week"');
  assert.ok(f & F.WEEKDAY);
  assert.ok(f & F.MONTH);
  assert.ok(f & F.DIGIT);
  assert.equal(f & F.UNIT, 0);
});

test('sentences without triggers get no timexes; past and future triggers still resolve', () => {
  assert.deepEqual(tagTimexes('The crew abandoned ship.', { dct: '2011-03-09' }), []);
  assert.equal(tagTimexes('The crew left yesterday.', { dct: '2011-03-09' })[0]?.value, '2011-03-08');
  assert.equal(tagTimexes('The crew will leave tomorrow.', { dct: '2011-03-09' })[0]?.value, '2011-03-10');
});

test('digits are a feature of their own and never hide or start a word feature', () => {
  assert.equal(scanFeatures('Flight 2011'), F.DIGIT);
  assert.equal(scanFeatures('7days'), F.DIGIT | F.UNIT);
  assert.equal(scanFeatures('in 3 weeks'), F.DIGIT | F.UNIT);
  // the word scan still consumes "midnight" as one deictic word: no unit "night" inside it
  assert.equal(scanFeatures('at midnight 12'), F.DIGIT | F.DEICTIC);
  assert.equal(scanFeatures('at midnight'), F.DEICTIC);
});

test('the trigger index lists whole tokens, case-folded, and token shapes', () => {
  const table = buildTriggerTable([
    { words: ['quarter'], before: 2 },
    { shapes: ['month'], before: 0 },
    { shapes: ['year', 'decade'], before: 0 },
    undefined,
  ]);
  const text = 'The Quarter, quarterly in Sept. 1990s and FY2010; headquarters_quarter.';
  const { starts, hits } = scanTriggers(text, table);
  const words = (ids: number[] | null) => (ids ?? []).map((t) => text.slice(starts[t]).match(/^\w+/)?.[0]);
  assert.deepEqual(words(hits[0]), ['Quarter']);
  assert.deepEqual(words(hits[1]), ['Sept']);
  assert.deepEqual(words(hits[2]), ['1990s', 'FY2010']);
  assert.equal(hits[3], null);
});

test('featuresAround finds only groups the whole-text scan finds', () => {
  const text = 'It ended after two decades. Talks resume on Monday, the new year begins.';
  // "decades" is a unit word, not the month prefix "dec", as in the whole-text scan.
  assert.ok(featuresAround(text, 15, 26) & F.UNIT);
  assert.equal(featuresAround(text, 15, 26) & F.MONTH, 0);
  assert.ok(featuresAround(text, 44, 50) & F.WEEKDAY);
  // "new year" spans a space: the stretch is not cut inside it.
  assert.ok(featuresAround(text, 60, 64) & F.HOLIDAY);
  for (const [s, e] of [
    [15, 26],
    [44, 50],
    [60, 64],
  ])
    assert.equal(featuresAround(text, s, e) & ~scanFeatures(text), 0);
});
