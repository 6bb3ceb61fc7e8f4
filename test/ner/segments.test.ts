import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedModel } from '../../src/nlp/ner/index.js';
import {
  TOKEN_FLAGS,
  entitiesOfDocument,
  markCandidates,
  tagDocumentBilou,
  tokenFlags,
} from '../../src/nlp/ner/tagger.js';
import { hasLetter, isUpperInitial, prepareDocument } from '../../src/nlp/ner/features.js';
import { HONORIFICS, isHonorific, refineDocument } from '../../src/nlp/ner/refine.js';
import { spansFromBilou } from '../../src/nlp/ner/tags.js';

const { PLAIN, LETTER, ALL_CAPS, UPPER_INITIAL, APOSTROPHE } = TOKEN_FLAGS;

/** The candidate mask markCandidates gives one sentence, as a string of 0s and 1s. */
function candidates(words: string[]): string {
  const flags = Uint8Array.from(words.map(tokenFlags));
  const cand = new Uint8Array(words.length).fill(7);
  const any = markCandidates(flags, 0, words.length, cand);
  assert.equal(any, cand.includes(1));
  return Array.from(cand).join('');
}

test('token flags agree with the feature definitions, ASCII or not', () => {
  const words = [
    'London',
    'of',
    '1997',
    'NATO',
    'U.S.',
    'x|y',
    ',',
    "'s",
    '\u00d6konom',
    '\u00fcber',
    'ÉTÉ',
    'a1',
    '--',
    'iPhone',
  ];
  for (const w of words) {
    const f = tokenFlags(w);
    assert.equal(Boolean(f & PLAIN), w === w.toLowerCase() && !/\d/.test(w), `${w} plain`);
    assert.equal(Boolean(f & LETTER), hasLetter(w), `${w} letter`);
    assert.equal(Boolean(f & ALL_CAPS), hasLetter(w) && w === w.toUpperCase(), `${w} caps`);
    assert.equal(Boolean(f & UPPER_INITIAL), isUpperInitial(w), `${w} initial`);
    assert.equal(Boolean(f & APOSTROPHE), w[0] === "'", `${w} apostrophe`);
  }
});

test('segments: capitalised words and digits, short lower-case gaps between them, one word at either edge', () => {
  // "that the" (two words between names) and "of" are kept; the long lower-case runs are not.
  const words = 'officials said on Monday that the Bank of England would raise rates .'.split(' ');
  assert.equal(candidates(words), '0001111110000');
  // Three lower-case words between two names split them into two segments.
  assert.equal(candidates('Olsen met the new chief Harland'.split(' ')), '100001');
  // One word before the first name and after the last one (sentence edges) is kept.
  assert.equal(candidates('the Reuters said'.split(' ')), '111');
  assert.equal(candidates('in 1997 , prices rose sharply'.split(' ')), '110000');
  // A possessive right after a name is kept, the next word is not.
  assert.equal(candidates("the board met at Lord 's on a rainy day".split(' ')), '0000110000');
});

test('segments: a sentence without capitals or digits has none', () => {
  assert.equal(candidates('prices rose sharply in the morning .'.split(' ')), '0000000');
  assert.equal(candidates([]), '');
});

// Our own sentences: names at the start, middle and end of long lower-case sentences, a name split over
// a short gap, digits, a possessive, a caps headline, and a sentence with no name at all.
const doc = [
  ['TANKER', 'RUNS', 'AGROUND', 'OFF', 'KELVIK'],
  'The tanker ran aground on Tuesday near the port of Kelvik , the coast guard said in a statement .'.split(
    ' ',
  ),
  'the crew of the vessel were taken ashore by a lifeboat from the station at Brenna Point .'.split(' '),
  'officials from the Ministry of Fisheries and Coastal Affairs said the spill was small and under control .'.split(
    ' ',
  ),
  'the vessel , owned by Halvorsen Shipping Ltd , was carrying 40,000 tonnes of crude oil .'.split(' '),
  'nobody was hurt and the weather was calm for most of the morning .'.split(' '),
  "a spokesman for Halvorsen 's insurers said Ingrid Solvang would lead the inquiry from Oslo .".split(' '),
];

test('segmented tagging finds the same entities as decoding every token, when the rest is O', () => {
  const m = shippedModel();
  const full = refineDocument(prepareDocument(doc), tagDocumentBilou(m, doc).map(spansFromBilou));
  const segmented = entitiesOfDocument(m, doc);
  assert.deepEqual(segmented, full);
  // The sentence without a name has no entities; the others have some.
  assert.deepEqual(segmented[5], []);
  const names = segmented.flatMap((spans, s) => spans.map((sp) => doc[s].slice(sp.start, sp.end).join(' ')));
  for (const name of ['Kelvik', 'Brenna Point', 'Halvorsen Shipping Ltd', 'Ingrid Solvang', 'Oslo'])
    assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
});

test('every token outside a segment is O in the full decode of these sentences', () => {
  const m = shippedModel();
  const tags = tagDocumentBilou(m, doc);
  prepareDocument(doc).forEach((words, s) => {
    const flags = Uint8Array.from(words.map(tokenFlags));
    const cand = new Uint8Array(words.length);
    markCandidates(flags, 0, words.length, cand);
    const caps = words.every((w) => w === w.toUpperCase());
    words.forEach((w, i) => {
      if (!caps && !cand[i]) assert.equal(tags[s][i], 'O', `${w} in sentence ${s}`);
    });
  });
});

test('isHonorific is membership of the honorific list in any case', () => {
  const words = [
    'Mr',
    'MR.',
    'mrs',
    'Mrs.',
    'Ms',
    'ms.',
    'Dr',
    'DR.',
    'Mx',
    'mx.',
    'M',
    'Mrs..',
    'Mss',
    'Md',
    'dr..',
  ];
  for (const w of [...words, 'Mrx', 'Drs', 'Mr.s', 'more', 'do', 'd', '', 'Mz', 'Dx.', 'mr,', '\u212arr'])
    assert.equal(isHonorific(w), HONORIFICS.has(w.toLowerCase()), w);
});
