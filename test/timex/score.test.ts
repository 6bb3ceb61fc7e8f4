import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreDocument, scores } from '../../src/eval/timex-score.js';

const span = (start: number, end: number, type = 'DATE', value = 'v') => ({ start, end, type, value });

test('strict and relaxed extent matching, type and value over relaxed matches', () => {
  const gold = [span(0, 10, 'DATE', '2011'), span(20, 30, 'DURATION', 'P1Y'), span(40, 50)];
  const sys = [span(0, 10, 'DATE', '2011'), span(22, 30, 'DATE', 'P1Y'), span(60, 70)];
  const c = scoreDocument(gold, sys);
  assert.deepEqual(c, { gold: 3, system: 3, strict: 1, relaxed: 2, type: 1, value: 2 });
  const s = scores(c);
  assert.equal(s.strict.f.toFixed(4), (1 / 3).toFixed(4));
  assert.equal(s.relaxed.p.toFixed(4), (2 / 3).toFixed(4));
  assert.equal(s.value.r.toFixed(4), (2 / 3).toFixed(4));
  assert.equal(s.type.p.toFixed(4), (1 / 3).toFixed(4));
});

test('matching is one-to-one: two system spans inside one gold span count once', () => {
  const c = scoreDocument([span(0, 20)], [span(0, 5), span(10, 20)]);
  assert.equal(c.relaxed, 1);
  assert.equal(c.system, 2);
});

test('no output scores zero without dividing by zero', () => {
  const s = scores(scoreDocument([span(0, 4)], []));
  assert.deepEqual(s.relaxed, { p: 0, r: 0, f: 0 });
});
