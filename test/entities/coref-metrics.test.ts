import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed, ceafe, corefScores, maxAssignment, muc } from '../../src/eval/coref-metrics.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('one gold entity split in two (worked by hand)', () => {
  const key = [['a', 'b', 'c', 'd']];
  const resp = [
    ['a', 'b'],
    ['c', 'd'],
  ];
  const m = muc(key, resp);
  close(m.r, 2 / 3);
  close(m.p, 1);
  const b = bcubed(key, resp);
  close(b.r, 0.5);
  close(b.p, 1);
  const c = ceafe(key, resp);
  close(c.r, 2 / 3);
  close(c.p, 1 / 3);
});

test('perfect response scores 1 everywhere; twinless mentions count as singletons', () => {
  const key = [['a', 'b'], ['c']];
  const s = corefScores(key, key);
  close(s.conll, 1);
  const b = bcubed(key, [['c']]);
  close(b.r, (1 + 1) / 3);
});

test('the Hungarian assignment finds the best one-to-one alignment', () => {
  close(
    maxAssignment([
      [1, 2],
      [3, 1],
    ]),
    5,
  );
  close(maxAssignment([[0.5, 0.2, 0.9]]), 0.9);
});
