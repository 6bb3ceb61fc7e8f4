import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relatedRule } from '../../src/clean/rules/related.js';
import { clean } from './helpers.js';

test('related: read-more, related and see-also lines go; a heading takes its list', () => {
  const raw =
    'Body.\nREAD MORE: Fishermen fear for season\nSee also: How booms work\nRelated stories\nFirst other story\nSecond other story\n\nLast body line.';
  const a = clean(raw, [relatedRule]);
  assert.equal(a.text, 'Body.\n\nLast body line.');
  assert.equal(a.removed.length, 5);
});

test('related: ordinary sentences with these words stay', () => {
  const raw = 'Read more carefully, the report says otherwise.\nRelated companies were also fined.';
  assert.equal(clean(raw, [relatedRule]).text, raw);
});
