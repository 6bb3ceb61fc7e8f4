import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTimeRule } from '../../src/clean/rules/read-time.js';
import { clean } from './helpers.js';

test('read-time: labels are removed', () => {
  const a = clean('5 min read\n3-minute read\nReading time: 4 minutes\nBody.', [readTimeRule]);
  assert.equal(a.text, 'Body.');
  assert.equal(a.removed.length, 3);
});

test('read-time: a sentence about minutes stays', () => {
  const raw = 'It took 5 min to read the statement aloud.';
  assert.equal(clean(raw, [readTimeRule]).text, raw);
});
