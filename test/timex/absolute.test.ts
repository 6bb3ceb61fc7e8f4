import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, texts } from './helpers.js';

const DCT = '2011-03-09';

test('month-day with and without year, abbreviations, ordinals and weekday', () => {
  expectValue('The ferry sank on Feb. 3 near the island.', DCT, 'Feb. 3', '2011-02-03', 'DATE');
  expectValue(
    'The inquiry opened on February 3rd, 2010, in the capital.',
    DCT,
    'February 3rd, 2010',
    '2010-02-03',
  );
  expectValue(
    'Voters went to the polls on Sunday, March 6, 2011.',
    DCT,
    'Sunday, March 6, 2011',
    '2011-03-06',
  );
  expectValue('The bridge reopened Sept. 30.', DCT, 'Sept. 30', '2010-09-30');
});

test('day-month, ISO and US numeric dates', () => {
  expectValue('It was signed on 3 February 2011 by both sides.', DCT, '3 February 2011', '2011-02-03');
  expectValue('The filing is dated 2011-02-03.', DCT, '2011-02-03', '2011-02-03');
  expectValue('The memo, dated 02/03/2011, was leaked.', DCT, '02/03/2011', '2011-02-03');
});

test('a month-day without year takes the year the tense points to', () => {
  // Past narration: a later month-day lies in the previous year.
  expectValue('The company collapsed on Dec. 12 after a run on its shares.', DCT, 'Dec. 12', '2010-12-12');
  // Future: a date later in the year stays in this year, an earlier one moves to next year.
  expectValue('The trial will open on April 20.', DCT, 'April 20', '2011-04-20');
  expectValue('The new terminal will open on Jan. 15.', DCT, 'Jan. 15', '2012-01-15');
});

test('months alone, months with a year, "last November", "June last year"', () => {
  expectValue('Prices rose sharply in November.', DCT, 'November', '2010-11');
  expectValue('The plant will reopen in June.', DCT, 'June', '2011-06');
  expectValue('The strike began in March 1996.', DCT, 'March 1996', '1996-03');
  expectValue('Sales slumped last November.', DCT, 'last November', '2010-11');
  expectValue('The mine closed in June last year.', DCT, 'June last year', '2010-06');
});

test('years, decades and spelled-out years', () => {
  expectValue('The law dates from 1987.', DCT, '1987', '1987');
  expectValue('The tower was built in the 1990s.', DCT, 'the 1990s', '199');
  expectValue('It was rebuilt in nineteen ninety-six.', DCT, 'nineteen ninety-six', '1996');
  expectValue('Output will double in fiscal 2012.', DCT, 'fiscal 2012', '2012');
});

test('amounts and counts are not years', () => {
  assert.deepEqual(texts('The firm paid $1995 and sold 2000 tons of grain.', DCT), []);
  assert.deepEqual(texts('The index fell 1.5% to 1,987 points.', DCT), []);
});

test('"may" and "march" as verbs are not months', () => {
  assert.deepEqual(texts('Protesters may march on the palace.', DCT), []);
});

test('months and seasons with spelled-out years, as transcripts write them', () => {
  expectValue(
    'The bomb went off in January nineteen ninety-seven.',
    DCT,
    'January nineteen ninety-seven',
    '1997-01',
  );
  expectValue(
    'Prices peaked in the winter of nineteen eighty-seven.',
    DCT,
    'the winter of nineteen eighty-seven',
    '1987-WI',
  );
  assert.ok(!texts('The city kept its secrets for two thousand years.', DCT).includes('two thousand'));
});

test('a weekday written with the date picks the year in which it fits', () => {
  // 2010-12-20 was a Monday; 2011-12-20 is a Tuesday.
  expectValue('The tanker will dock on Monday, Dec. 20.', '2011-03-09', 'Monday, Dec. 20', '2010-12-20');
  expectValue(
    'The hearing opens on Tuesday, 20 December.',
    '2011-03-09',
    'Tuesday, 20 December',
    '2011-12-20',
  );
});

test('a bare month after an article is a noun ("the annual March for Clean Water")', () => {
  assert.deepEqual(texts('Thousands joined the annual March for Clean Water.', DCT), []);
  expectValue('Thousands marched in March for the same cause.', DCT, 'March', '2011-03');
});

test('a month used attributively after an article is still a date', () => {
  expectValue('Police said the October shooting was planned.', DCT, 'October', '2010-10');
});

test('days spelled as ordinals, after or before the month', () => {
  expectValue('The rally is set for March eighth in the square.', DCT, 'March eighth', '2011-03-08', 'DATE');
  expectValue('It ended on the twenty-first of October.', DCT, 'the twenty-first of October', '2010-10-21');
  expectValue(
    'The vote falls on June the twenty first, 2012.',
    DCT,
    'June the twenty first, 2012',
    '2012-06-21',
  );
  expectValue(
    'The ferry sails this coming Sunday, March thirteenth.',
    DCT,
    'this coming Sunday, March thirteenth',
    '2011-03-13',
  );
  // Not a day: "March first-quarter", "May second time" are ordinals of something else.
  assert.deepEqual(texts('In its March first-quarter note the bank was gloomy.', DCT), [
    'March',
    'first-quarter',
  ]);
});
