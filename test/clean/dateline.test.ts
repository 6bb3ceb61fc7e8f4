import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelineRule } from '../../src/clean/rules/dateline.js';
import { clean } from './helpers.js';

test('dateline: agency becomes source, the sentence keeps its words', () => {
  const a = clean('Headline here\n\nGENEVA, March 3 (Reuters) - Talks on the pact stalled on Tuesday.', [
    datelineRule,
  ]);
  assert.equal(a.source, 'Reuters');
  assert.equal(a.text, 'Headline here\n\nTalks on the pact stalled on Tuesday.');
  assert.equal(a.removed[0].rule, 'dateline');
});

test('dateline: variants without a date, with a long dash, two-word city', () => {
  assert.equal(clean('NEW YORK (AP) — Shares fell.', [datelineRule]).text, 'Shares fell.');
  assert.equal(clean('Paris, 4 March (AFP) - Rain fell.', [datelineRule]).source, 'AFP');
  assert.equal(clean('KELVIK — Boats stayed in port.', [datelineRule]).text, 'Boats stayed in port.');
});

test('dateline: an ordinary sentence with brackets is left alone', () => {
  const raw = 'The Oil Spill Agency (OSPRA) - the national body - laid booms.';
  assert.equal(clean(raw, [datelineRule]).text, raw);
});
