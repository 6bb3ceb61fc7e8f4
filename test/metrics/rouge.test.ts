import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareSummary, rougeNCounts, rougeTokens } from '../../src/eval/rouge.js';

test('ROUGE tokens: ASCII lower-casing, punctuation to spaces, SMART stopwords, stems only past 3 chars', () => {
  assert.deepEqual(rougeTokens(['The U.S. Oil-spill was leaking , BP said .']), [
    'oil',
    'spill',
    'leak',
    'bp',
  ]);
});

test('"wo", "ca" and "ai" alone are not stopwords (the list holds "wo n\'t" as one entry)', () => {
  assert.deepEqual(rougeTokens(["They wo n't go"]), ['wo']);
});

test('irregular forms go through the exception list before Porter', () => {
  assert.deepEqual(rougeTokens(['Troops fled']), ['troop', 'flee']);
});

test('n-gram counts are clipped and run across sentence boundaries', () => {
  const peer = prepareSummary(['Oil spill spreads']);
  const model = prepareSummary(['The oil spill', 'spread quickly']);
  assert.deepEqual(rougeNCounts(peer, [model], 1), { hit: 3, peer: 3, model: 4 });
  assert.deepEqual(rougeNCounts(peer, [model], 2), { hit: 2, peer: 2, model: 3 });
  const repeated = prepareSummary(['oil oil oil']);
  assert.deepEqual(rougeNCounts(repeated, [model], 1), { hit: 1, peer: 3, model: 4 });
});
