import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tagTimexes } from '../../src/nlp/timex/index.js';
import { expectValue } from './helpers.js';

const DCT = '2011-03-07';

test('last / this / next week give ISO weeks', () => {
  expectValue('Prices fell last week.', DCT, 'last week', '2011-W09', 'DATE');
  expectValue('The fund is raising money this week.', DCT, 'this week', '2011-W10');
  expectValue('Talks will resume next week.', DCT, 'next week', '2011-W11');
});

test('months, years, quarters, weekends', () => {
  expectValue('Exports grew this month.', DCT, 'this month', '2011-03');
  expectValue('Exports fell last month.', DCT, 'last month', '2011-02');
  expectValue('Elections will be held next year.', DCT, 'next year', '2012');
  expectValue('Profits rose last year.', DCT, 'last year', '2010');
  expectValue('Sales will recover next quarter.', DCT, 'next quarter', '2011-Q2');
  expectValue(
    'The storm hit over the weekend, as forecast last weekend.',
    DCT,
    'last weekend',
    '2011-W09-WE',
  );
});

test('earlier this month, later this year, late last year (mod END)', () => {
  expectValue('The ban was lifted earlier this month.', DCT, 'earlier this month', '2011-03');
  expectValue('A verdict is expected later this year.', DCT, 'later this year', '2011');
  expectValue('The deal collapsed late last year.', DCT, 'late last year', '2010', 'DATE', 'END');
  expectValue('The line will open early next year.', DCT, 'early next year', '2012', 'DATE', 'START');
});

test('N units ago and N units from now', () => {
  expectValue('The ship left port two days ago.', DCT, 'two days ago', '2011-03-05', 'DATE');
  expectValue('The firm was founded five years ago.', DCT, 'five years ago', '2006');
  expectValue('The audit will finish in three weeks.', DCT, 'three weeks', '2011-03-28', 'DATE');
});

test('the day before / after, the same day: anchored to the previous date in the narrative', () => {
  const text =
    'The tanker ran aground on Feb. 20. The day before, its captain had reported a fault. The coastguard arrived the next day.';
  expectValue(text, DCT, 'The day before', '2011-02-19');
  expectValue(text, DCT, 'the next day', '2011-02-21');
  expectValue(
    'The report will be published on March 15 and the minister will respond the same day.',
    DCT,
    'the same day',
    '2011-03-15',
  );
});

test('the following year, that month: anchored to the previous mention', () => {
  expectValue('The plant opened in 2004 and closed the following year.', DCT, 'the following year', '2005');
});

test('narrative-relative expressions do not move the anchor: chained "a year earlier" stay put', () => {
  const text =
    'Sales reached $9 million in 2009, up from $7 million a year earlier. Profit, too, was higher than a year earlier.';
  const all = tagTimexes(text, { dct: '2011-03-07' });
  assert.deepEqual(
    all.filter((t) => t.text === 'a year earlier').map((t) => t.value),
    ['2008', '2008'],
  );
});
