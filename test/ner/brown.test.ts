import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brownClusters } from '../../src/nlp/ner/brown.js';
import { seededRandom } from '../../src/util/random.js';

// Invented text from a class bigram model: each class is followed by one of two others, so words of a
// class share their contexts and Brown clustering should find the classes.
const CLASSES = [
  ['ka', 'ke', 'ki'],
  ['lo', 'lu', 'la', 'le'],
  ['mi', 'mo'],
  ['ne', 'nu', 'na'],
];
const NEXT = [
  [1, 2],
  [2, 3],
  [0, 3],
  [0, 1],
];

function corpus(seed: number, sentences: number): string[][] {
  const rand = seededRandom(seed);
  const out: string[][] = [];
  for (let k = 0; k < sentences; k++) {
    let c = Math.floor(rand() * CLASSES.length);
    const s: string[] = [];
    for (let i = 0; i < 8; i++) {
      const words = CLASSES[c];
      s.push(words[Math.floor(rand() * words.length)]);
      c = NEXT[c][Math.floor(rand() * 2)];
    }
    out.push(s);
  }
  return out;
}

test('the kept merge losses equal the mutual information lost, computed from scratch, at every step', () => {
  for (const clusters of [3, 5, 9]) {
    let steps = 0;
    let worst = 0;
    brownClusters(corpus(3, 200), {
      clusters,
      maxWords: 100,
      minCount: 1,
      check: (e) => {
        steps++;
        worst = Math.max(worst, e);
      },
    });
    assert.ok(steps > 10);
    assert.ok(worst < 1e-12, `largest loss error ${worst} with ${clusters} clusters`);
  }
});

test('words of one generating class share a bit string, and each class has its own', () => {
  const r = brownClusters(corpus(5, 400), { clusters: 4, maxWords: 100, minCount: 1 });
  const pathOf = new Map(r.words.map((w, k) => [w, r.paths[k]]));
  const classPaths = CLASSES.map((ws) => new Set(ws.map((w) => pathOf.get(w))));
  for (const set of classPaths) assert.equal(set.size, 1);
  assert.equal(new Set(classPaths.map((s) => [...s][0])).size, CLASSES.length);
  // A binary tree over four clusters: every bit string is non-empty, of 0s and 1s.
  for (const p of r.paths) assert.match(p, /^[01]+$/);
});

test('clustering is deterministic and keeps only frequent words, most frequent first', () => {
  const text = corpus(9, 150);
  text.push(['rare', 'once']);
  const a = brownClusters(text, { clusters: 3, maxWords: 10, minCount: 2 });
  const b = brownClusters(text, { clusters: 3, maxWords: 10, minCount: 2 });
  assert.deepEqual(a, b);
  assert.equal(a.words.length, 10);
  assert.ok(!a.words.includes('rare'));
  for (let k = 1; k < a.counts.length; k++) assert.ok(a.counts[k - 1] >= a.counts[k]);
  assert.equal(new Set(a.paths).size, 3);
});
