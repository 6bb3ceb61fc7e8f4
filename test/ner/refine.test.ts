import { test } from 'node:test';
import assert from 'node:assert/strict';
import { honorificPerson, replaceSpans } from '../../src/nlp/ner/refine.js';

test('the words after an honorific become one person, replacing overlapping spans', () => {
  const words = ['Mr.', 'Tobias', 'Renk', 'met', 'Dr', 'Oyelaran', 'in', 'Lagos', '.'];
  const spans = [
    { start: 1, end: 2, type: 'ORG' },
    { start: 5, end: 6, type: 'LOC' },
    { start: 7, end: 8, type: 'LOC' },
  ];
  assert.deepEqual(honorificPerson(words, spans), [
    { start: 1, end: 3, type: 'PER' },
    { start: 5, end: 6, type: 'PER' },
    { start: 7, end: 8, type: 'LOC' },
  ]);
});

test('an honorific before a lower-case word changes nothing', () => {
  const words = ['Mr.', 'and', 'Mrs.', 'Hale', 'left', '.'];
  assert.deepEqual(honorificPerson(words, []), [{ start: 3, end: 4, type: 'PER' }]);
  assert.deepEqual(honorificPerson(['the', 'doctor', 'left'], []), []);
});

test('replaceSpans keeps spans that do not overlap', () => {
  const out = replaceSpans(
    [
      { start: 0, end: 2, type: 'ORG' },
      { start: 3, end: 4, type: 'LOC' },
    ],
    1,
    3,
    'PER',
  );
  assert.deepEqual(out, [
    { start: 1, end: 3, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
  ]);
});
