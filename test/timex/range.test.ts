import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, texts } from './helpers.js';

const DCT = '2011-03-09';

test('a day range gives one TIMEX3 per end; the second end takes the month and year of the first', () => {
  const s = 'The Harbour Fair runs March 3-5 on the quay at Dunmore.';
  assert.deepEqual(texts(s, DCT), ['March 3', '5']);
  expectValue(s, DCT, 'March 3', '2011-03-03', 'DATE');
  expectValue(s, DCT, '5', '2011-03-05', 'DATE');
  // The year written after the second day belongs to both ends.
  const y = 'The Tarnby council sat from Dec. 12 to 14, 2009, behind closed doors.';
  expectValue(y, DCT, 'Dec. 12', '2009-12-12');
  expectValue(y, DCT, '14, 2009', '2009-12-14');
  const dm = 'The strike lasted from 10 to 12 April in the northern depots.';
  expectValue(dm, DCT, '10', '2011-04-10');
  expectValue(dm, DCT, '12 April', '2011-04-12');
});

test('a day range is not read into clock times, amounts or a falling second number', () => {
  assert.deepEqual(texts('On March 3 to 5 p.m. the office was shut.', DCT), ['March 3', '5 p.m.']);
  assert.deepEqual(texts('Shares rose on March 3, 5 percent higher.', DCT), ['March 3']);
  assert.deepEqual(texts('The votes of March 8-4 were annulled.', DCT), ['March 8']);
});

test('year ranges: two years, the second may be written with two digits', () => {
  const s = 'Output at the Morvan mine fell in 2009-2011 and again in 1990-95.';
  assert.deepEqual(texts(s, DCT), ['2009', '2011', '1990', '95']);
  expectValue(s, DCT, '95', '1995', 'DATE');
  assert.deepEqual(texts('Prices went from 2009 to 2011 without a pause.', DCT), ['2009', '2011']);
  // Not a range: a score, or a count.
  assert.deepEqual(texts('The Greywater club won 2010-08 in the replay.', DCT), []);
});

test('the week of a day is that calendar week', () => {
  expectValue(
    'Hearings are planned for the week of March 21.',
    DCT,
    'the week of March 21',
    '2011-W12',
    'DATE',
  );
  expectValue('Talks began the week of Jan. 4, 2010.', DCT, 'the week of Jan. 4, 2010', '2010-W01');
});
