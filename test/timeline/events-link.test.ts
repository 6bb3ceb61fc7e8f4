import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSimilar } from '../../src/timeline/events.js';
import { cosinesWith, type SparseVector } from '../../src/timeline/text.js';

/** A deterministic pseudo-random sparse vector over a small vocabulary (many shared terms). */
function vectors(n: number, seed: number): SparseVector[] {
  let x = seed;
  const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, (_, k) => {
    const ids = [
      ...new Set(Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 30))),
    ].sort((a, b) => a - b);
    const weights = ids.map(() => rnd());
    const norm = k % 17 === 5 ? 0 : Math.sqrt(weights.reduce((s, w) => s + w * w, 0));
    return { ids: Int32Array.from(ids), weights: Float64Array.from(weights), norm };
  });
}

test('the inverted-index event links are exactly the all-pairs cosine links', () => {
  for (const threshold of [0.3, 0.5, 0.8, 1]) {
    const vs = vectors(120, 7 + Math.round(threshold * 10));
    const expected: string[] = [];
    const sims = new Float64Array(vs.length);
    for (let i = 0; i < vs.length; i++) {
      if (!vs[i].norm) continue;
      cosinesWith(vs[i], vs, sims);
      for (let j = i + 1; j < vs.length; j++) if (sims[j] >= threshold) expected.push(`${i}-${j}`);
    }
    const got: string[] = [];
    linkSimilar(vs, threshold, (i, j) => got.push(`${i}-${j}`));
    assert.deepEqual(got.sort(), expected.sort(), `threshold ${threshold}`);
    assert.ok(expected.length > 0 || threshold === 1);
  }
});
