import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, texts } from './helpers.js';

const DCT = '2011-03-07';

test('mid / early / late with mods', () => {
  expectValue('Fighting has continued since mid-December.', DCT, 'mid-December', '2010-12', 'DATE', 'MID');
  expectValue('The currency slid in early 2010.', DCT, 'early 2010', '2010', 'DATE', 'START');
  expectValue('The bridge will be finished in late April.', DCT, 'late April', '2011-04', 'DATE', 'END');
  expectValue('Turnout peaked in the late 1970s.', DCT, 'the late 1970s', '197', 'DATE', 'END');
});

test('seasons, quarters and halves', () => {
  expectValue('The factory will reopen this spring.', DCT, 'this spring', '2011-SP');
  expectValue('The drought began last summer.', DCT, 'last summer', '2010-SU');
  expectValue('Revenue fell in Q3 2010.', DCT, 'Q3 2010', '2010-Q3');
  expectValue('Growth slowed in the first half of 2010.', DCT, 'the first half of 2010', '2010-H1');
  expectValue('Growth will pick up in the second half of 2011.', DCT, 'the second half of 2011', '2011-H2');
  expectValue('The shipyard was built in the summer of 1990.', DCT, 'the summer of 1990', '1990-SU');
});

test('edges of a unit: the end of the year', () => {
  expectValue(
    'The tunnel will be finished by the end of the year.',
    DCT,
    'the end of the year',
    '2011',
    'DATE',
    'END',
  );
  expectValue(
    'The scheme was dropped at the end of last year.',
    DCT,
    'the end of last year',
    '2010',
    'DATE',
    'END',
  );
});

test('"the fall of the regime" is not a season; "last fall" and "the fall of 1990" are', () => {
  assert.deepEqual(texts('Protesters demanded the fall of the regime.', DCT), []);
  expectValue('The bridge was closed last fall.', DCT, 'last fall', '2010-FA');
  expectValue('The bridge was closed in the fall of 1990.', DCT, 'the fall of 1990', '1990-FA');
});
