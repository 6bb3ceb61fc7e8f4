import { test } from 'node:test';
import { expectValue } from './helpers.js';

// 2011-03-09 is a Wednesday.
const DCT = '2011-03-09';

test('"the year" is this year unless it is a period ending on a date', () => {
  expectValue('Sales for the year rose 4%.', DCT, 'the year', '2011', 'DATE');
  expectValue('Sales will rise for the full year.', DCT, 'the full year', '2011', 'DATE');
  expectValue('Sales in the year ended June 30 fell.', DCT, 'the year', 'P1Y', 'DURATION');
});

test('"the weekend" follows the tense', () => {
  expectValue('Protesters gathered over the weekend.', DCT, 'the weekend', '2011-W09-WE', 'DATE');
  expectValue('Protesters will gather over the weekend.', DCT, 'the weekend', '2011-W10-WE', 'DATE');
});

test('year-end and earlier in the year', () => {
  expectValue('The deal should close by year-end.', DCT, 'year-end', '2011-12-31');
  expectValue('The index has risen 5% since year-end.', DCT, 'year-end', '2010-12-31');
  expectValue('The plant was closed earlier in the year.', DCT, 'earlier in the year', '2011');
});
