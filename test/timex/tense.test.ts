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

test('a weekday takes the tense of its own clause, not the main verb', () => {
  // relative clause between commas
  assert.equal(
    dir('The minister, who arrived in Halden on Tuesday, will fly to Kelvik next week.', 'Tuesday'),
    -1,
  );
  assert.equal(
    dir('The minister, who will fly to Kelvik on Tuesday, arrived in Halden today.', 'Tuesday'),
    1,
  );
  // restrictive relative clause and the main clause after it
  assert.equal(dir('The crews that left on Friday will return soon.', 'Friday'), -1);
  assert.equal(dir('The crews that left the pier will return on Friday.', 'Friday'), 1);
  // participial clause between commas
  assert.equal(dir('The ferry, having sailed on Sunday, will dock at noon.', 'Sunday'), -1);
  // reported speech: "said (that) ..." keeps its own tense; the time of saying stays with "said"
  assert.equal(dir('Solvang said the pier will reopen on Thursday.', 'Thursday'), 1);
  assert.equal(dir('Solvang will say that the pier reopened on Thursday.', 'Thursday'), -1);
  assert.equal(dir('Solvang said on Monday that the pier will reopen.', 'Monday'), -1);
});

test('a clause without a cue takes the main clause, then the sentence', () => {
  assert.equal(dir('The ferry, on Sunday, will dock at noon.', 'Sunday'), 1);
  assert.equal(dir('On Monday, the inspectors found oil.', 'Monday'), -1);
});
