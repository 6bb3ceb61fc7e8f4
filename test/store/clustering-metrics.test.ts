import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusteringScores } from '../../src/eval/clustering.js';

test('perfect clustering scores 1 everywhere', async () => {
  const s = clusteringScores(['x', 'x', 'y'], ['a', 'a', 'b']);
  assert.equal(s.purity, 1);
  assert.equal(s.inversePurity, 1);
  assert.equal(s.bcubedF1, 1);
});

test('one big cluster: purity = largest class share, B-cubed recall 1', async () => {
  const s = clusteringScores(['x', 'x', 'x', 'x'], ['a', 'a', 'a', 'b']);
  assert.equal(s.purity, 0.75);
  assert.equal(s.inversePurity, 1);
  assert.equal(s.bcubedRecall, 1);
  // Precision per item: a-items 3/4 each, b-item 1/4 -> (3*0.75 + 0.25)/4.
  assert.equal(s.bcubedPrecision, (3 * 0.75 + 0.25) / 4);
});

test('all singletons: B-cubed precision 1, recall = mean 1/|class|', async () => {
  const s = clusteringScores(['1', '2', '3', '4'], ['a', 'a', 'b', 'b']);
  assert.equal(s.bcubedPrecision, 1);
  assert.equal(s.bcubedRecall, 0.5);
  assert.equal(s.inversePurity, 0.5);
});
