import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/index.js';

test('analyze returns one article per input with sentences', () => {
  const a = analyze([
    { text: 'The port closed on Monday. Talks resume next week.', publishedAt: '2024-03-06' },
  ]);
  assert.equal(a.articles.length, 1);
  assert.ok(a.articles[0].sentences.length >= 2);
  assert.equal(a.articles[0].publishedAt, '2024-03-06');
});
