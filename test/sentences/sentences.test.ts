import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, splitLines, tokenize, annotateSentences } from '../../src/nlp/sentences.js';
import { newArticle } from '../../src/model.js';

const sents = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
const toks = (t: string) => tokenize(t).map((x) => x.text);

test('titles, initials, months before numbers and No. do not end a sentence', () => {
  assert.deepEqual(sents('Mr. Brand met Dr. A. B. Coyle on Feb. 9 at No. 5 Pier Road. Gen. Holt stayed.'), [
    'Mr. Brand met Dr. A. B. Coyle on Feb. 9 at No. 5 Pier Road.',
    'Gen. Holt stayed.',
  ]);
});

test('dotted acronyms end a sentence only before a sentence starter', () => {
  assert.deepEqual(sents('Ships left the U.S. The port shut. The U.K. Navy came.'), [
    'Ships left the U.S.',
    'The port shut.',
    'The U.K. Navy came.',
  ]);
});

test('company abbreviations: Inc. said vs Inc. The', () => {
  assert.deepEqual(sents('Tarn Inc. said no. Shares of Tarn Inc. The firm fell.'), [
    'Tarn Inc. said no.',
    'Shares of Tarn Inc.',
    'The firm fell.',
  ]);
});

test('decimals, ellipses, quotes and brackets after the full stop', () => {
  assert.deepEqual(sents('It rose 3.5 per cent... Then it fell. "Stop." She left (quietly.) Done.'), [
    'It rose 3.5 per cent...',
    'Then it fell.',
    '"Stop."',
    'She left (quietly.)',
    'Done.',
  ]);
});

test('? and ! inside quotes followed by lower case continue the sentence', () => {
  assert.deepEqual(sents('"Why now?" she asked. "Go!" said the captain. Fine.'), [
    '"Why now?" she asked.',
    '"Go!" said the captain.',
    'Fine.',
  ]);
});

test('headlines without a full stop and paragraph breaks separate; wrapped lines join', () => {
  const t =
    'Port closes after spill\n\nThe harbour was shut\nby the coastguard on Monday. Boats waited.\nNext headline';
  assert.deepEqual(sents(t), [
    'Port closes after spill',
    'The harbour was shut\nby the coastguard on Monday.',
    'Boats waited.',
    'Next headline',
  ]);
});

test('offsets point into the text', () => {
  const t = '  First one. Second one.  ';
  for (const s of splitSentences(t)) assert.equal(t.slice(s.start, s.end).trim(), t.slice(s.start, s.end));
  assert.equal(splitSentences(t).length, 2);
});

test('splitLines: each non-empty line is one sentence', () => {
  const t = 'One line . Mr. X\n\n  Two  \nThree';
  assert.deepEqual(
    splitLines(t).map((s) => t.slice(s.start, s.end)),
    ['One line . Mr. X', 'Two', 'Three'],
  );
});

test('tokens: clitics, punctuation, abbreviations, hyphens', () => {
  assert.deepEqual(toks("Mr. Holt didn't say it's the port's fault, a well-known fact."), [
    'Mr.',
    'Holt',
    'did',
    "n't",
    'say',
    'it',
    "'s",
    'the',
    'port',
    "'s",
    'fault',
    ',',
    'a',
    'well-known',
    'fact',
    '.',
  ]);
});

test('tokens: numbers, URLs, e-mails, acronyms and curly apostrophes', () => {
  assert.deepEqual(
    toks('Pay 1,000.5 euros at 9:57 to ops@port.example via https://port.example/a.b, in the U.S. now'),
    [
      'Pay',
      '1,000.5',
      'euros',
      'at',
      '9:57',
      'to',
      'ops@port.example',
      'via',
      'https://port.example/a.b',
      ',',
      'in',
      'the',
      'U.S.',
      'now',
    ],
  );
  assert.deepEqual(toks('Kelvik’s ships “left”'), ['Kelvik', '’s', 'ships', '“', 'left', '”']);
});

test('tokens carry offsets into the text and respect the range', () => {
  const t = 'Skip this. Tokenise this part.';
  const tk = tokenize(t, 11, t.length);
  assert.equal(tk[0].text, 'Tokenise');
  for (const x of tk) assert.equal(t.slice(x.start, x.end), x.text);
});

test('annotateSentences honours linesAreSentences', () => {
  const a = newArticle({ id: 'x', rawText: 'A b . C d .\nE f .' });
  a.linesAreSentences = true;
  annotateSentences(a);
  assert.equal(a.sentences.length, 2);
  const b = newArticle({ id: 'y', rawText: 'A b. C d.\nE f.' });
  annotateSentences(b);
  assert.equal(b.sentences.length, 3);
  assert.equal(b.sentences[1].tokens[0].text, 'C');
});

test('tokens: "No." keeps its dot only before a number', () => {
  assert.deepEqual(toks('Berth No. 5 said no. Then'), ['Berth', 'No.', '5', 'said', 'no', '.', 'Then']);
});
