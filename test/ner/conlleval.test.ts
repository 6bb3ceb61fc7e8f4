import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunksOf, scoreConll } from '../../src/eval/conll.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('entity-level P/R/F1 over two sentences, by hand', () => {
  const s = scoreConll([
    // gold: PER(0-2) LOC(3) LOC(4); guess: PER(0-2) LOC(3-5)
    {
      gold: ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'O'],
      guessed: ['B-PER', 'I-PER', 'O', 'B-LOC', 'I-LOC', 'O'],
    },
    // IOB1 gold ORG(0-2) MISC(3); guess ORG(0-2) PER(3)
    { gold: ['I-ORG', 'I-ORG', 'O', 'I-MISC'], guessed: ['B-ORG', 'I-ORG', 'O', 'B-PER'] },
  ]);
  assert.deepEqual([s.overall.correct, s.overall.gold, s.overall.guessed], [2, 5, 4]);
  close(s.overall.p, 0.5);
  close(s.overall.r, 0.4);
  close(s.overall.f, 0.8 / 1.8);
  assert.deepEqual([s.byType.PER.correct, s.byType.PER.gold, s.byType.PER.guessed], [1, 1, 2]);
  close(s.byType.PER.f, 2 / 3);
  assert.deepEqual([s.byType.LOC.correct, s.byType.LOC.gold, s.byType.LOC.guessed], [0, 2, 1]);
  assert.equal(s.byType.LOC.f, 0);
  assert.deepEqual([s.byType.ORG.correct, s.byType.ORG.gold, s.byType.ORG.guessed], [1, 1, 1]);
  assert.deepEqual([s.byType.MISC.correct, s.byType.MISC.gold, s.byType.MISC.guessed], [0, 1, 0]);
  assert.equal(s.tokens, 10);
  close(s.accuracy, 0.7);
});

test('IOB1 and IOB2 spellings of the same span match', () => {
  const s = scoreConll([{ gold: ['B-PER', 'I-PER', 'O'], guessed: ['I-PER', 'I-PER', 'O'] }]);
  assert.deepEqual([s.overall.correct, s.overall.gold, s.overall.guessed], [1, 1, 1]);
});

test('a type change inside I- tags starts a new chunk', () => {
  const s = scoreConll([{ gold: ['I-ORG', 'I-LOC'], guessed: ['I-ORG', 'I-ORG'] }]);
  assert.deepEqual([s.overall.correct, s.overall.gold, s.overall.guessed], [0, 2, 1]);
  assert.deepEqual(chunksOf(['B-PER', 'I-LOC']), [
    { start: 0, end: 1, type: 'PER' },
    { start: 1, end: 2, type: 'LOC' },
  ]);
});

test('a guessed span that stops early or runs on is wrong', () => {
  const early = scoreConll([{ gold: ['B-ORG', 'I-ORG', 'I-ORG'], guessed: ['B-ORG', 'I-ORG', 'O'] }]);
  assert.equal(early.overall.correct, 0);
  const late = scoreConll([{ gold: ['B-ORG', 'O', 'O'], guessed: ['B-ORG', 'I-ORG', 'O'] }]);
  assert.equal(late.overall.correct, 0);
  const last = scoreConll([{ gold: ['O', 'B-LOC'], guessed: ['O', 'B-LOC'] }]);
  assert.deepEqual([last.overall.correct, last.overall.gold], [1, 1]);
});

test('sentence boundaries end chunks; B-B is two chunks', () => {
  const across = scoreConll([
    { gold: ['B-PER'], guessed: ['B-PER'] },
    { gold: ['I-PER'], guessed: ['I-PER'] },
  ]);
  assert.deepEqual([across.overall.correct, across.overall.gold, across.overall.guessed], [2, 2, 2]);
  const within = scoreConll([{ gold: ['B-PER', 'I-PER'], guessed: ['B-PER', 'B-PER'] }]);
  assert.deepEqual([within.overall.correct, within.overall.gold, within.overall.guessed], [0, 1, 2]);
});

test('no guesses gives zero precision and F1, not NaN', () => {
  const s = scoreConll([{ gold: ['B-MISC', 'O'], guessed: ['O', 'O'] }]);
  assert.equal(s.overall.p, 0);
  assert.equal(s.overall.f, 0);
  assert.equal(s.overall.gold, 1);
});
