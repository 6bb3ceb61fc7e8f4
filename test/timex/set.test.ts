import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, texts } from './helpers.js';

const DCT = '2011-03-07';

test('every weekday, plural weekdays', () => {
  expectValue('The market was held every Friday.', DCT, 'every Friday', 'XXXX-WXX-5', 'SET');
  expectValue('The market will be held on Saturdays.', DCT, 'Saturdays', 'XXXX-WXX-6', 'SET');
});

test('frequency adverbs and every/each unit', () => {
  expectValue('The council met weekly.', DCT, 'weekly', 'P1W', 'SET');
  expectValue('The figures will be published daily.', DCT, 'daily', 'P1D', 'SET');
  expectValue('Inspections took place every year.', DCT, 'every year', 'P1Y', 'SET');
  expectValue('The board will meet twice a month.', DCT, 'twice a month', 'P1M', 'SET');
});

test('frequency words before a noun: money adjectives are not sets, daily tallies are', () => {
  assert.deepEqual(texts('The firm raised its quarterly dividend.', DCT), []);
  expectValue('The agency gives a daily tally of arrests.', DCT, 'daily', 'P1D', 'SET');
});

test('a recurring month', () => {
  expectValue('Marchers parade each July.', DCT, 'each July', 'XXXX-07', 'SET');
  expectValue('The fair will be held every September.', DCT, 'every September', 'XXXX-09', 'SET');
});
