import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trailingHeadlinesRule } from '../../src/clean/rules/trailing-headlines.js';
import { clean } from './helpers.js';

test('trailing-headlines: a "More" block of short title-case lines is removed', () => {
  const a = clean('Headline\nBody one.\nBody two.\n\nMore\nCity Opens New Library\nTeam Wins Cup Final', [
    trailingHeadlinesRule,
  ]);
  assert.equal(a.text, 'Headline\nBody one.\nBody two.');
  assert.equal(a.removed.length, 3);
});

test('trailing-headlines: an article ending in a sentence or a quote keeps its end', () => {
  const raw = 'Headline\nBody one.\n"We will be back," she said.\n“It is over.”';
  assert.equal(clean(raw, [trailingHeadlinesRule]).text, raw);
});

test('trailing-headlines: needs real sentences before the block', () => {
  const raw = 'Headline only\nAnother short line';
  assert.equal(clean(raw, [trailingHeadlinesRule]).text, raw);
});
