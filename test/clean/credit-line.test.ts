import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditLineRule } from '../../src/clean/rules/credit-line.js';
import { clean } from './helpers.js';

test('credit-line: wire credits, source and copyright lines go; Source fills article.source', () => {
  const raw =
    'Body.\nReporting by Ann Vik; Editing by Ole Berg\nSource: Harbour Post\n(Additional reporting by Rui Costa)\n© 2024 Harbour Post. All rights reserved.';
  const a = clean(raw, [creditLineRule]);
  assert.equal(a.text, 'Body.');
  assert.equal(a.source, 'Harbour Post');
  assert.equal(a.removed.length, 4);
});

test('credit-line: an existing source is kept', () => {
  assert.equal(clean('Body.\nSource: Other', [creditLineRule], { source: 'Wire' }).source, 'Wire');
});

test('credit-line: sentences about sources stay', () => {
  const raw = 'Sources said the talks had failed.\nThe report was edited by the ministry, critics said.';
  assert.equal(clean(raw, [creditLineRule]).text, raw);
});
