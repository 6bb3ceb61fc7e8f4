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

test("byline: after a page copy's menus, the byline just above the first paragraph is found", () => {
  const menus = ['Home', 'News', 'Sport', 'Weather', 'Opinion', 'Business', 'Subscribe', 'Sign in', 'Valley'];
  const raw = [
    ...menus,
    'Dam spillway damaged as river rises',
    'By Marit Solberg',
    'Engineers found cracks in the lower spillway of the dam on Sunday after three days of heavy rain.',
  ].join('\n');
  const a = clean(raw, [bylineRule]);
  assert.equal(a.byline, 'Marit Solberg');
  assert.ok(!a.text.includes('By Marit Solberg'));
  // A "By" line far below the first paragraph is not a byline of this article.
  const late = clean(
    [
      'Engineers found cracks in the lower spillway of the dam on Sunday after rain.',
      ...menus,
      'By Ann Vik',
    ].join('\n'),
    [bylineRule],
  );
  assert.equal(late.byline, null);
});

test('byline: a newsroom credit instead of a name', () => {
  for (const credit of ['Tarnholt Herald staff', 'Staff reports', 'By Courier News Desk', 'Wire services']) {
    const a = clean(`Dam repairs begin\n${credit}\nCrews started work on Friday.`, [bylineRule]);
    assert.equal(a.byline, credit.replace(/^By /, ''), credit);
    assert.equal(a.text, 'Dam repairs begin\nCrews started work on Friday.');
  }
  const keep = 'Dam repairs begin\nThe staff worked through the night.';
  assert.equal(clean(keep, [bylineRule]).text, keep);
});

test('byline: lower-case words before "staff" are a phrase, not a newsroom', () => {
  const raw = 'Dam repairs begin\nMeet the staff\nCrews started work on Friday.';
  const a = clean(raw, [bylineRule]);
  assert.equal(a.byline, null);
  assert.equal(a.text, raw);
});
