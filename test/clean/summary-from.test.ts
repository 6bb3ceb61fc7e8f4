import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summaryFromRule } from '../../src/clean/rules/summary-from.js';
import { clean } from './helpers.js';

test('summary-from: the line is removed', () => {
  const a = clean('Headline\nSummary from harbourpost.example\nThis is a summary from Coast News\nBody.', [
    summaryFromRule,
  ]);
  assert.equal(a.text, 'Headline\nBody.');
});

test('summary-from: a sentence about a summary stays', () => {
  const raw = 'A summary from the inquiry was published on Monday.';
  assert.equal(clean(raw, [summaryFromRule]).text, raw);
});
