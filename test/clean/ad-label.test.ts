import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adLabelRule } from '../../src/clean/rules/ad-label.js';
import { clean, ORDINARY } from './helpers.js';

test('ad-label: advertising labels on their own line go', () => {
  const raw = [
    'The ferry returned to port on Monday.',
    'Advertisement',
    'ADVERTISEMENT',
    'Story continues below advertisement',
    'Continue reading the main story',
    'Sponsored content',
    'Crews worked through the night.',
  ].join('\n');
  const a = clean(raw, [adLabelRule]);
  assert.equal(a.text, 'The ferry returned to port on Monday.\nCrews worked through the night.');
  assert.ok(a.removed.every((r) => r.rule === 'ad-label'));
});

test('ad-label: sentences about advertising stay', () => {
  const keep = [
    'Advertisement revenue fell by a third, the publisher said.',
    'The council will continue reading the bids on Monday.',
    ORDINARY,
  ];
  for (const raw of keep) assert.equal(clean(raw, [adLabelRule]).text, raw, raw);
});
