import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timestampRule } from '../../src/clean/rules/timestamp.js';
import { clean } from './helpers.js';

test('timestamp: date/time lines near the top are removed', () => {
  const a = clean(
    'Headline\nFeb. 9, 2024 / 9:57 AM\nUpdated 3:41 PM ET, Tue March 1, 2022\nBody text on March 1, 2022.',
    [timestampRule],
  );
  assert.equal(a.text, 'Headline\nBody text on March 1, 2022.');
  assert.equal(a.removed.length, 2);
});

test('timestamp: a sentence that mentions a date stays', () => {
  const raw = 'The port closed on February 9, 2024, after the spill.';
  assert.equal(clean(raw, [timestampRule]).text, raw);
});
