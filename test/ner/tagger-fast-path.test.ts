import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedModel } from '../../src/nlp/ner/index.js';
import { entitiesOfDocument, tagDocumentBilou, tagDocumentReference } from '../../src/nlp/ner/tagger.js';
import { prepareDocument } from '../../src/nlp/ner/features.js';
import { refineDocument } from '../../src/nlp/ner/refine.js';
import { spansFromBilou } from '../../src/nlp/ner/tags.js';

// Our own sentences, written to hit every cached feature family: caps headlines, digits, gazetteer and
// role words, words with '|' (pair-vocabulary splits), repeated names (second pass), boundaries.
const docA = [
  ['HARBOUR', 'STRIKE', 'ENDS', 'IN', 'PORT', 'ELMIRA'],
  [
    'Dock',
    'workers',
    'in',
    'Port',
    'Elmira',
    'ended',
    'a',
    '12-day',
    'strike',
    'on',
    '3/4',
    ',',
    'the',
    'union',
    'said',
    '.',
  ],
  [
    'Sanna',
    'Virtanen',
    'of',
    'the',
    'Transport',
    'Union',
    'met',
    'officials',
    'from',
    'London',
    'and',
    'New',
    'York',
    '.',
  ],
  ['``', 'We', 'won', ',', "''", 'Virtanen', 'told', 'Reuters', '-LRB-', 'a|b', '-RRB-', '.'],
  ['Kestrel'],
  ['Shipping', 'Ltd', 'said', 'Kestrel', 'Shipping', 'would', 'resume', 'sailings', 'in', '1997', '.'],
];
const docB = [
  ['Ferry', 'Operator', 'Cancels', 'Winter', 'Crossings', 'To', 'Oslo'],
  ['The', 'ferry', 'operator', 'said', 'it', 'cancels', 'crossings', 'to', 'Oslo', 'in', 'winter', '.'],
  [
    'Olaf',
    'Brandt',
    ',',
    'a',
    'spokesman',
    'for',
    'Nordic',
    'Ferries',
    ',',
    'said',
    'Brandt',
    'expected',
    '40',
    'delays',
    '.',
  ],
  ['|', '||', 'x|y|z', 'the', '|the', 'the|', 'Union|Leader'],
];

test('the cached fast path tags exactly like the plain feature-string path', () => {
  const m = shippedModel();
  assert.deepEqual(tagDocumentBilou(m, docA), tagDocumentReference(m, docA));
  assert.deepEqual(tagDocumentBilou(m, docB), tagDocumentReference(m, docB));
});

test('caches carried over from earlier documents do not change the tags of a later one', () => {
  const m = shippedModel();
  const fresh = tagDocumentReference(m, docA);
  tagDocumentBilou(m, docB);
  assert.deepEqual(tagDocumentBilou(m, docA), fresh);
  // The same words in another order and sentence split: pair and shape caches are keyed correctly.
  const shuffled = [docA[2].slice().reverse(), docA[1].slice(5), docA[0].map((w) => w.toLowerCase())];
  assert.deepEqual(tagDocumentBilou(m, shuffled), tagDocumentReference(m, shuffled));
});

test('the fast path finds the entities of a plain sentence', () => {
  const tags = tagDocumentBilou(shippedModel(), [['Officials', 'in', 'London', 'said', 'on', 'Monday', '.']]);
  assert.equal(tags[0][2], 'U-LOC');
  assert.equal(tags[0][0], 'O');
});

test('entity spans come from the same tags as the reference path (the document is prepared once)', () => {
  const m = shippedModel();
  for (const doc of [docA, docB]) {
    const expected = refineDocument(prepareDocument(doc), tagDocumentReference(m, doc).map(spansFromBilou));
    assert.deepEqual(entitiesOfDocument(m, doc), expected);
  }
});

test('work buffers reused from a longer document leave no stale scores in a shorter one', () => {
  const m = shippedModel();
  const long = [...docA, ...docB, ...docA];
  assert.deepEqual(tagDocumentBilou(m, long), tagDocumentReference(m, long));
  const short = [docB[2].slice(0, 4), ['Kestrel'], []];
  assert.deepEqual(tagDocumentBilou(m, short), tagDocumentReference(m, short));
});
