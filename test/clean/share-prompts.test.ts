import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharePromptsRule } from '../../src/clean/rules/share-prompts.js';
import { clean } from './helpers.js';

test('share-prompts: share/follow prompts are removed', () => {
  const a = clean(
    'Body.\nShare this article\nFollow us on Facebook\nShare on Twitter\nEmail\nSign up for our daily newsletter',
    [sharePromptsRule],
  );
  assert.equal(a.text, 'Body.');
  assert.equal(a.removed.length, 5);
});

test('share-prompts: sentences with share/follow stay', () => {
  const raw = 'Shares fell sharply.\nFollow-up talks are planned.\nShare prices rose.';
  assert.equal(clean(raw, [sharePromptsRule]).text, raw);
});
