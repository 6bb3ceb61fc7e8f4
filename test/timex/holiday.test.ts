import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easter } from '../../src/nlp/timex/parsers/holiday.js';
import { expectValue } from './helpers.js';

const DCT = '2011-03-09';

test('fixed and rule-based holidays take the year the tense points to', () => {
  expectValue('The ferry sank on Christmas Eve.', DCT, 'Christmas Eve', '2010-12-24', 'DATE');
  expectValue('The bridge will open by Thanksgiving.', DCT, 'Thanksgiving', '2011-11-24');
  expectValue('Turnout fell on Election Day 2010.', DCT, 'Election Day 2010', '2010-11-02');
  expectValue('Crowds gathered last Easter.', DCT, 'last Easter', '2010-04-04');
  expectValue('The shops will close on Good Friday.', DCT, 'Good Friday', '2011-04-22');
});

test('Easter dates by the Gregorian computus', () => {
  assert.deepEqual(easter(2011), { y: 2011, m: 4, d: 24 });
  assert.deepEqual(easter(2024), { y: 2024, m: 3, d: 31 });
  assert.deepEqual(easter(2000), { y: 2000, m: 4, d: 23 });
});

test('without a publication date, fixed holidays keep month and day, movable ones are unknown', () => {
  expectValue('The shops closed on Christmas Eve.', null, 'Christmas Eve', 'XXXX-12-24');
  expectValue('The shops closed on Easter Sunday.', null, 'Easter Sunday', 'XXXX-XX-XX');
});
