import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleRule } from '../../src/clean/rules/title.js';
import { clean } from './helpers.js';

test('title: the first headline-like line, kept in the text', () => {
  const a = clean('Port reopens after spill\n\nThe port reopened on Monday.', [titleRule]);
  assert.equal(a.title, 'Port reopens after spill');
  assert.ok(a.text.startsWith('Port reopens'));
});

test('title: a first sentence is not a title; a given title is kept', () => {
  assert.equal(clean('The port reopened on Monday, officials said.', [titleRule]).title, null);
  assert.equal(clean('Other line here', [titleRule], { title: 'Given' }).title, 'Given');
});
