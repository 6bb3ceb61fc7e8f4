import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateInText, isDateLine, parseDateInLine, readTextArticle } from '../../src/ingest/text.js';

test('header line: date and the rest of the line as the start of the text', () => {
  const a = readTextArticle('/x/a.txt', ' date 2024-02-06 Ferry grounded off Lindqvist\nBody text here.\n');
  assert.equal(a.publishedAt, '2024-02-06');
  assert.equal(a.publishedAtEvidence, 'header');
  assert.ok(a.rawText.startsWith('Ferry grounded off Lindqvist\nBody text here.'));
  assert.equal(a.path, '/x/a.txt');
  assert.match(a.id, /^[0-9a-f]{12}$/);
  assert.match(a.contentHash ?? '', /^[0-9a-f]{64}$/);
});

test('header with CRLF, BOM and no rest of line', () => {
  const a = readTextArticle('/x/b.txt', '\uFEFF date 2023-12-31\r\nBody.\r\n');
  assert.equal(a.publishedAt, '2023-12-31');
  assert.equal(a.rawText, 'Body.\n');
});

test('an invalid header date is reported and the text is searched instead', () => {
  const a = readTextArticle('/x/c.txt', ' date 2024-02-30 Headline\nMarch 3, 2024\nBody.');
  assert.equal(a.publishedAt, '2024-03-03');
  assert.ok(a.warnings.some((w) => w.includes('/x/c.txt:1') && w.includes('2024-02-30')));
});

test('date formats found in the text', () => {
  assert.equal(parseDateInLine('Jan. 28, 2022 / 9:57 AM'), '2022-01-28');
  assert.equal(parseDateInLine('February 9, 2022'), '2022-02-09');
  assert.equal(parseDateInLine('28 January 2022'), '2022-01-28');
  assert.equal(parseDateInLine('Posted 2022-02-09 10:00'), '2022-02-09');
  assert.equal(parseDateInLine('Updated 3:41 PM ET, Tue March 1, 2022'), '2022-03-01');
  assert.equal(parseDateInLine('Sept. 31, 2022'), null);
  assert.equal(parseDateInLine('no date here'), null);
});

test('date lines vs sentences', () => {
  assert.ok(isDateLine('Feb. 9, 2024 / 9:57 AM'));
  assert.ok(isDateLine('Updated 3:41 PM ET, Tue March 1, 2022'));
  assert.ok(!isDateLine('The port closed on February 9, 2024, after the spill.'));
});

test('no header: the first date-like line near the top wins', () => {
  const a = readTextArticle(
    '/x/d.txt',
    'Corvane apologises\nFeb. 9, 2024 / 9:57 AM\n\nIt happened on March 1, 2023.',
  );
  assert.equal(a.publishedAt, '2024-02-09');
  assert.equal(a.publishedAtEvidence, 'text');
  assert.deepEqual(findDateInText('A\nB\n2022-02-09\n'), { day: '2022-02-09', line: 3 });
});

test('no date anywhere: null with a warning naming the file', () => {
  const a = readTextArticle('/x/e.txt', 'Headline\nBody without any date.');
  assert.equal(a.publishedAt, null);
  assert.ok(a.warnings[0].includes('/x/e.txt'));
});

test('ids are stable and depend on path and text', () => {
  const t = ' date 2024-01-01 A\nB.';
  assert.equal(readTextArticle('/p', t).id, readTextArticle('/p', t).id);
  assert.notEqual(readTextArticle('/p', t).id, readTextArticle('/q', t).id);
  assert.equal(readTextArticle('/p', t).contentHash, readTextArticle('/q', t).contentHash);
});
