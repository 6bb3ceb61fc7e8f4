import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitListwise, round6, solve } from '../../src/timeline/learn.js';
import { linearScore } from '../../src/timeline/models.js';

/** Groups of 5 candidates; the target follows feature 0, feature 1 is noise that does not. */
function data() {
  const rows: number[][] = [];
  const targets: number[] = [];
  const groups: number[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let g = 0; g < 40; g++)
    for (let i = 0; i < 5; i++) {
      const x0 = next();
      rows.push([x0, next(), g]);
      targets.push(x0 > 0.7 ? 1 : x0 / 2);
      groups.push(g);
    }
  return { rows, targets, groups };
}

test('listwise fitting learns which candidates of a group are best', () => {
  const { rows, targets, groups } = data();
  const m = fitListwise(['good', 'noise', 'group'], rows, targets, groups, 0.001, 0.1);
  assert.ok(m.weights[0]! > 10 * Math.abs(m.weights[1]!), `weights ${m.weights.join(', ')}`);
  // a constant-within-group feature cannot change a ranking inside a group: its weight stays ~0
  assert.ok(Math.abs(m.weights[2]!) < 1e-3);
  let right = 0;
  for (let g = 0; g < 40; g++) {
    const idx = [0, 1, 2, 3, 4].map((i) => g * 5 + i);
    const best = idx.reduce((a, b) => (linearScore(m, rows[b]!) > linearScore(m, rows[a]!) ? b : a));
    if (targets[best] === Math.max(...idx.map((i) => targets[i]!))) right++;
  }
  assert.ok(right >= 38, `${right}/40 groups`);
});

test('fitting is deterministic and its numbers survive JSON unchanged', () => {
  const { rows, targets, groups } = data();
  const a = fitListwise(['good', 'noise', 'group'], rows, targets, groups, 0.01, 0.1);
  const b = fitListwise(['good', 'noise', 'group'], rows, targets, groups, 0.01, 0.1);
  assert.deepEqual(a, b);
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  for (const w of a.weights) assert.equal(round6(w), w);
});

test('groups whose targets are all equal teach nothing and are skipped', () => {
  const m = fitListwise(['x'], [[1], [2], [3]], [0.5, 0.5, 0.5], [0, 0, 0], 0.01, 0.1);
  assert.deepEqual(m.weights, [0]);
});

test('solve: a small linear system', () => {
  const x = solve(Float64Array.from([4, 1, 1, 3]), Float64Array.from([1, 2]), 2);
  assert.ok(Math.abs(x[0]! - 1 / 11) < 1e-12 && Math.abs(x[1]! - 7 / 11) < 1e-12);
});
