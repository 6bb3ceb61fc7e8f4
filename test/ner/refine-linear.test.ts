import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  honorificPerson,
  replaceSpans,
  replaceSpansInPlace,
  roleModifier,
  titleSplit,
  vesselName,
  type Span,
} from '../../src/nlp/ner/refine.js';
import {
  referenceHonorificPerson,
  referenceRoleModifier,
  referenceTitleSplit,
  referenceVesselName,
} from './refine-reference.js';
import { seededRandom } from '../../src/util/random.js';

// The refiners edit spans in place with binary search (linear on sentences with thousands of names);
// on any input they must give exactly what the filter-and-sort versions gave.

const VOCAB = (
  'Mr Mr. Dr Ms MX the a tanker ferry tug MV HMS Aster Dawn Hope Gull Kelvik Mayor mayor Minister ' +
  'Gen . Port Authority Director Piet Olander Ana Ruiz spokesman master Harbour said and of in Monday'
).split(' ');
/** Few words, most of them vessel names: names that overlap each other, repeated across sentences. */
const VESSEL_VOCAB = 'the tanker ferry MV Aster Dawn Hope Dawn Aster Gull .'.split(' ');
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

/** A random document with sorted, non-overlapping spans (what the tagger gives). */
function randomDoc(rand: () => number): { doc: string[][]; spans: Span[][] } {
  const vocab = rand() < 0.5 ? VOCAB : VESSEL_VOCAB;
  const doc: string[][] = [];
  const spans: Span[][] = [];
  const sentences = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < sentences; s++) {
    const n = 1 + Math.floor(rand() * 25);
    doc.push(Array.from({ length: n }, () => vocab[Math.floor(rand() * vocab.length)]));
    const sp: Span[] = [];
    for (let i = 0; i < n;) {
      if (rand() < 0.35) {
        const end = Math.min(n, i + 1 + Math.floor(rand() * 4));
        sp.push({ start: i, end, type: TYPES[Math.floor(rand() * TYPES.length)] });
        i = end;
      } else i++;
    }
    spans.push(sp);
  }
  return { doc, spans };
}

test('in-place refiners give the same spans as the filter-and-sort ones on 3,000 random documents', () => {
  const rand = seededRandom(20240304);
  for (let k = 0; k < 3000; k++) {
    const { doc, spans } = randomDoc(rand);
    const frozen = JSON.stringify(spans);
    assert.deepEqual(
      doc.map((w, s) => honorificPerson(w, spans[s])),
      doc.map((w, s) => referenceHonorificPerson(w, spans[s])),
    );
    assert.deepEqual(vesselName(doc, spans), referenceVesselName(doc, spans), JSON.stringify(doc));
    assert.deepEqual(titleSplit(doc, spans), referenceTitleSplit(doc, spans));
    assert.deepEqual(roleModifier(doc, spans), referenceRoleModifier(doc, spans));
    assert.equal(JSON.stringify(spans), frozen, 'the input spans are not changed');
  }
});

test('replaceSpansInPlace equals replaceSpans on sorted, non-overlapping spans', () => {
  const rand = seededRandom(7);
  for (let k = 0; k < 2000; k++) {
    const { spans } = randomDoc(rand);
    const sp = spans[0];
    const start = Math.floor(rand() * 25);
    const end = start + 1 + Math.floor(rand() * 4);
    const copy = sp.slice();
    replaceSpansInPlace(copy, start, end, 'PER');
    assert.deepEqual(copy, replaceSpans(sp, start, end, 'PER'));
  }
});
