import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bylineRule } from '../../src/clean/rules/byline.js';
import { clean } from './helpers.js';

test('byline: "By Name" near the top becomes article.byline and leaves the text', () => {
  const a = clean('Port shut after storm\nBy Tilda Brenner\n\nThe port shut on Monday.', [bylineRule]);
  assert.equal(a.byline, 'Tilda Brenner');
  assert.ok(!a.text.includes('By Tilda'));
  assert.deepEqual(a.removed, [{ rule: 'byline', text: 'By Tilda Brenner' }]);
});

test('byline: two authors and an outlet after a comma', () => {
  const a = clean('BY OLE VANG and Rita Sol, Harbour Post\nText here.', [bylineRule]);
  assert.equal(a.byline, 'OLE VANG and Rita Sol');
});

test('byline: a sentence starting with "By" is not a byline', () => {
  const raw = 'By the end of the week, crews had moved most of the cargo.\nBy noon the port was open.';
  const a = clean(raw, [bylineRule]);
  assert.equal(a.byline, null);
  assert.equal(a.text, raw);
});

test('byline: a byline glued to a sentence is not removed', () => {
  const raw =
    'By Ola Berg and Rui Costa , Coast News Shipping firms got rich from the clean-up contracts .\nMore text.';
  const a = clean(raw, [bylineRule]);
  assert.equal(a.text, raw);
  const b = clean('By Ann Vik Marine Correspondent For the moment , the port is shut .', [bylineRule]);
  assert.equal(b.byline, null);
});
