import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommendationsRule } from '../../src/clean/rules/recommendations.js';
import { clean } from './helpers.js';

test('recommendations: widget headings and their lists are removed', () => {
  const raw =
    'Body.\n\nRecommended\nStory one\nStory two\n\nYou may also like: Ten beaches\nMost read\n\nA storm is coming\n';
  const a = clean(raw, [recommendationsRule]);
  assert.equal(a.text, 'Body.');
  assert.deepEqual(
    a.removed.map((r) => r.text),
    [
      'Recommended',
      'Story one',
      'Story two',
      'You may also like: Ten beaches',
      'Most read',
      'A storm is coming',
    ],
  );
});

test('recommendations: a widget list stops at a sentence', () => {
  const a = clean('Trending\nOne headline\nThe port reopened on Monday, officials said.', [
    recommendationsRule,
  ]);
  assert.equal(a.text, 'The port reopened on Monday, officials said.');
});

test('recommendations: sentences using the words stay', () => {
  const raw = 'The inquiry recommended new rules.\nMost read the report as a rebuke.';
  assert.equal(clean(raw, [recommendationsRule]).text, raw);
});
