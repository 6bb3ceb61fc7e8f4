import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentsOf, parseConll } from '../../src/eval/conll.js';

const sample = [
  'Harbourtown NNP B-NP B-LOC',
  'council NN I-NP O',
  'votes VBZ B-VP O',
  '',
  'Mira NNP B-NP B-PER',
  'broken-line-without-tag',
  'Okafor NNP B-NP I-PER',
  'spoke VBD B-VP X-PER',
  '',
].join('\n');

test('malformed lines are reported with file and line, and the rest is read', () => {
  const f = parseConll(sample, 'sample.conll');
  assert.equal(f.errors.length, 2);
  assert.equal(f.errors[0].line, 6);
  assert.match(f.errors[0].message, /^sample\.conll:6: /);
  assert.equal(f.errors[1].line, 8);
  assert.match(f.errors[1].message, /bad tag "X-PER"/);
  assert.equal(f.tokens, 5);
  const sents = f.documents.flat();
  assert.deepEqual(
    sents.map((s) => s.map((t) => t.word)),
    [
      ['Harbourtown', 'council', 'votes'],
      ['Mira', 'Okafor'],
    ],
  );
  assert.deepEqual(
    sents[1].map((t) => t.gold),
    ['B-PER', 'I-PER'],
  );
});

test('-DOCSTART- lines delimit documents', () => {
  const text = [
    '-DOCSTART- -X- -X- O',
    '',
    'A NN O O',
    '',
    'B NN O O',
    '-DOCSTART- -X- -X- O',
    '',
    'C NN O O',
    '',
  ].join('\n');
  const f = parseConll(text, 'x');
  assert.equal(f.hasDocStarts, true);
  assert.deepEqual(
    documentsOf(f).map((d) => d.length),
    [2, 1],
  );
});

test('without -DOCSTART-, a dateline starts a new story at the headline before it', () => {
  const text = [
    'Storm O',
    'hits O',
    'coast O',
    '',
    'PORTVILLE B-LOC',
    '2001-02-03 O',
    '',
    'Rain O',
    'fell O',
    '',
    'Ferry O',
    'resumes O',
    '',
    'EASTON B-LOC',
    '2001-02-04 O',
    '',
    'Boats O',
    'sail O',
    '',
  ].join('\n');
  const docs = documentsOf(parseConll(text, 'x'));
  assert.deepEqual(
    docs.map((d) => d.map((s) => s[0].word)),
    [
      ['Storm', 'PORTVILLE', 'Rain'],
      ['Ferry', 'EASTON', 'Boats'],
    ],
  );
});
