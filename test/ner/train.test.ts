import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeModel, encodeModel } from '../../src/nlp/ner/model-file.js';
import { tagDocument } from '../../src/nlp/ner/tagger.js';
import { trainNer, type TrainingDocument } from '../../src/nlp/ner/train.js';
import { bilouToIob2, iobToBilou, spansFromBilou } from '../../src/nlp/ner/tags.js';

// A tiny hand-written training set: names in fixed frames.
const people = ['Ada Lindqvist', 'Tomas Berg', 'Noor Haddad', 'Ivo Petrov'];
const places = ['Kestrel', 'Dunmore', 'Varna', 'Ostend'];
function docs(): TrainingDocument[] {
  const out: TrainingDocument[] = [];
  people.forEach((p, k) => {
    const [first, last] = p.split(' ');
    const place = places[k];
    out.push({
      words: [
        [first, last, 'arrived', 'in', place, 'today', '.'],
        ['The', 'visit', 'to', place, 'was', 'short', ',', last, 'said', '.'],
      ],
      tags: [
        ['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O', 'O'],
        ['O', 'O', 'O', 'B-LOC', 'O', 'O', 'O', 'B-PER', 'O', 'O'],
      ],
    });
  });
  return out;
}

test('training is deterministic and the model survives encoding', () => {
  const opts = { seed: 7, iterations: 5, folds: 2, twoPass: true };
  const a = trainNer(docs(), opts);
  const b = trainNer(docs(), opts);
  const bufA = encodeModel(a, 0, {});
  assert.deepEqual(bufA, encodeModel(b, 0, {}));
  const decoded = decodeModel(bufA);
  const test = [['Mila', 'Horvat', 'arrived', 'in', 'Lisbon', 'today', '.']];
  assert.deepEqual(tagDocument(decoded, test), tagDocument(a, test));
  assert.deepEqual(tagDocument(a, test)[0].slice(0, 2), ['B-PER', 'I-PER']);
});

test('a bad model file is rejected with its name', () => {
  assert.throws(() => decodeModel(Buffer.from('not a model'), 'broken.bin.gz'), /broken\.bin\.gz/);
});

test('BILOU and IOB conversions agree', () => {
  const iob = ['B-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG'];
  const bilou = iobToBilou(iob);
  assert.deepEqual(bilou, ['B-PER', 'L-PER', 'O', 'U-LOC', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG']);
  assert.deepEqual(bilouToIob2(bilou), ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG']);
  assert.deepEqual(spansFromBilou(['B-PER', 'I-PER']), [{ start: 0, end: 2, type: 'PER' }]);
});
