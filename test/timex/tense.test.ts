import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directionAt } from '../../src/nlp/timex/tense.js';

function dir(sentence: string, phrase: string) {
  const i = sentence.indexOf(phrase);
  return directionAt(sentence, i, i + phrase.length);
}

test('past tense points back, future and modality point forward', () => {
  assert.equal(dir('The ministers met on Monday.', 'Monday'), -1);
  assert.equal(dir('The ministers were arrested on Monday.', 'Monday'), -1);
  assert.equal(dir('The ministers will meet on Monday.', 'Monday'), 1);
  assert.equal(dir('Talks are due to resume on Monday.', 'Monday'), 1);
  assert.equal(dir('The firm plans to list its shares on Monday.', 'Monday'), 1);
  assert.equal(dir('Monday is a holiday.', 'Monday'), 0);
});

test('the nearest cue decides in a mixed sentence', () => {
  assert.equal(dir('He said talks will resume on Monday.', 'Monday'), 1);
  assert.equal(dir('The talks that began on Monday will end soon.', 'Monday'), -1);
});
