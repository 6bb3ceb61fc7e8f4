import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionLabelRule } from '../../src/clean/rules/section-label.js';
import { clean } from './helpers.js';

test('section-label: labels near the top are removed', () => {
  const a = clean('World News\nEurope > Politics\nHeadline here\nBody.', [sectionLabelRule]);
  assert.equal(a.text, 'Headline here\nBody.');
});

test('section-label: only whole lines of known sections', () => {
  const raw = 'World News Agency chief resigns\nBusiness is slow, traders say.';
  assert.equal(clean(raw, [sectionLabelRule]).text, raw);
});
