import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, scanFeatures } from '../../src/nlp/timex/features.js';
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
