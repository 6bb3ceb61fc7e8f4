import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repeatedHeadlineRule } from '../../src/clean/rules/repeated-headline.js';
import { clean } from './helpers.js';

test('repeated-headline: the first line repeated at the end is removed', () => {
  const a = clean('Port reopens after spill\n\nBody one.\nBody two.\nPort Reopens After Spill', [
    repeatedHeadlineRule,
  ]);
  assert.equal(a.text, 'Port reopens after spill\n\nBody one.\nBody two.');
  assert.equal(a.removed[0].rule, 'repeated-headline');
});

test('repeated-headline: a different last line stays', () => {
  const raw = 'Port reopens after spill\nBody one.\nPort reopens after a long spill clean-up, mayor says.';
  assert.equal(clean(raw, [repeatedHeadlineRule]).text, raw);
});
