import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterKey, WordClusters } from '../../src/nlp/ner/clusters.js';
import { decodeModel, encodeModel } from '../../src/nlp/ner/model-file.js';
import { tagDocument, tagDocumentBilou, tagDocumentReference } from '../../src/nlp/ner/tagger.js';
import { trainNer, type TrainingDocument } from '../../src/nlp/ner/train.js';

// Invented names: places and people written in the same frames, so only the word itself (or its
// cluster) tells them apart.
const places = ['Varna', 'Ostend', 'Dunmore', 'Brela'];
const people = ['Ada', 'Tomas', 'Noor', 'Ivo'];
const table = [
  ...['Varna', 'Ostend', 'Dunmore', 'Brela', 'Kestrel'].map((w) => `0010\t${w}`),
  ...['Ada', 'Tomas', 'Noor', 'Ivo', 'Mila'].map((w) => `0111\t${w}`),
  ...['is', 'was'].map((w) => `10\t${w}`),
  '110\tquiet',
  '111\tbusy',
  '0000\t0000',
].join('\n');

function docs(): TrainingDocument[] {
  const out: TrainingDocument[] = [];
  for (const [names, type] of [
    [places, 'LOC'],
    [people, 'PER'],
  ] as const)
    for (const name of names)
      out.push({
        words: [
          [name, 'is', 'quiet', '.'],
          ['They', 'said', name, 'was', 'busy', '.'],
        ],
        tags: [
          ['B-' + type, 'O', 'O', 'O'],
          ['O', 'O', 'B-' + type, 'O', 'O', 'O'],
        ],
      });
  return out;
}

test('cluster look-up: exact key, then a word in capitals as Title Case, then lower case', () => {
  const c = WordClusters.fromText(table, { own: [2], context: [], offsets: [] });
  assert.equal(c.lookup('Kestrel'), '0010');
  assert.equal(c.lookup('KESTREL'), '0010');
  assert.equal(c.lookup('IS'), '10');
  assert.equal(c.lookup('kestrel'), '');
  assert.equal(c.lookup('Zorbia'), '');
  assert.equal(c.lookup(clusterKey('1997')), '0000');
  assert.equal(clusterKey('``'), '"');
});

test('a malformed cluster table or offset is reported with its file and line', () => {
  assert.throws(
    () => WordClusters.fromText('0101\tword\nnot-bits\tx', { own: [2], context: [], offsets: [] }, 'c.txt'),
    /c\.txt:2/,
  );
  assert.throws(() => new WordClusters(new Map(), { own: [], context: [2], offsets: [3] }), /offset 3/);
});

test('cluster features carry entity types to names never seen in training', () => {
  const spec = { own: [2, 4], context: [], offsets: [] };
  const clusters = WordClusters.fromText(table, spec);
  const opts = { seed: 3, iterations: 8, folds: 2, twoPass: false };
  const withClusters = trainNer(docs(), { ...opts, clusters });
  const test = [
    ['Kestrel', 'is', 'quiet', '.'],
    ['Mila', 'is', 'quiet', '.'],
  ];
  const tags = tagDocument(withClusters, test);
  assert.equal(tags[0][0], 'B-LOC');
  assert.equal(tags[1][0], 'B-PER');
  // Without clusters the two unseen names look alike: they cannot both be right.
  const plain = tagDocument(trainNer(docs(), opts), test);
  assert.equal(plain[0][0], plain[1][0]);
});

test('a model with own and neighbour cluster features survives encoding, and its fast path matches the reference', () => {
  const spec = { own: [2, 4], context: [1, 3], offsets: [-1, 1, 2] };
  const model = trainNer(docs(), {
    seed: 5,
    iterations: 6,
    folds: 2,
    twoPass: true,
    clusters: WordClusters.fromText(table, spec),
  });
  const decoded = decodeModel(encodeModel(model, 0, {}));
  assert.deepEqual(decoded.clusters?.spec, spec);
  assert.equal(decoded.clusters?.lookup('Mila'), '0111');
  const test = [
    ['KESTREL', 'IS', 'BUSY'],
    ['Mila', 'was', 'quiet', 'in', 'Kestrel', 'in', '1997', '.'],
    ['They', 'said', 'Noor', 'and', 'Zorbia', 'were', 'busy', '.'],
    ['Mila'],
  ];
  assert.deepEqual(tagDocumentBilou(decoded, test), tagDocumentReference(decoded, test));
  assert.deepEqual(tagDocument(decoded, test), tagDocument(model, test));
});
