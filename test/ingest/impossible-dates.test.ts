import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/index.js';
import { dayOf, parsePublishedAt } from '../../src/ingest/jsonl.js';
import { parseDocument } from '../../src/web/extract.js';
import { findPublicationDate } from '../../src/web/pubdate.js';

// A date no calendar has (month 13, day 45, day 0, 30 February) is a warning naming the file (and
// line) where it enters a reader, and is never taken as the publication date.

let root = '';
before(() => {
  root = mkdtempSync(join(tmpdir(), 'chronicle-dates-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

test('Timeline17 day folders 2024-13-45 and 0000-00-00 are not dates: warned, articles undated', async () => {
  const docs = join(root, 'spill_coastpost', 'InputDocs');
  for (const day of ['2024-13-45', '0000-00-00', '2024-02-29']) {
    mkdirSync(join(docs, day), { recursive: true });
    writeFileSync(join(docs, day, '1.htm.txt'), 'The harbour board met on Tuesday .\n');
  }
  const r = await readInputs([join(root, 'spill_coastpost')]);
  assert.deepEqual(
    r.articles.map((a) => a.publishedAt),
    [null, '2024-02-29', null],
  );
  for (const day of ['2024-13-45', '0000-00-00'])
    assert.ok(
      r.errors.some((e) => e.input === join(docs, day) && /not a calendar day/.test(e.message)),
      r.errors.map((e) => e.message).join('\n'),
    );
});

test('JSONL publishedAt of an impossible day is reported with file and line and not used', async () => {
  const file = join(root, 'feed.jsonl');
  writeFileSync(
    file,
    [
      { publishedAt: '2024-03-02', text: 'The ferry left port.' },
      { publishedAt: 'February 30, 2024', text: 'The ferry came back.' },
      { publishedAt: '2024-13-45T10:00:00Z', text: 'The harbour reopened.' },
      { publishedAt: '0000-00-00', text: 'The board met.' },
      { publishedAt: '02/30/2024', text: 'The mayor spoke.' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const r = await readInputs([file]);
  assert.deepEqual(
    r.articles.map((a) => a.publishedAt),
    ['2024-03-02', null, null, null, null],
  );
  for (const line of [2, 3, 4, 5])
    assert.ok(
      r.errors.some((e) => e.input === file && e.line === line && /not a calendar day/.test(e.message)),
      `line ${line}: ${r.errors.map((e) => e.message).join('\n')}`,
    );
});

test('JSONL publishedAt: calendar-checked forms', () => {
  assert.equal(dayOf('February 29, 2024'), '2024-02-29');
  assert.equal(dayOf('Thu, 29 Feb 2024 23:00:00 GMT'), '2024-02-29');
  assert.equal(dayOf('2024/03/01'), '2024-03-01');
  assert.equal(dayOf('03/01/2024'), '2024-03-01');
  assert.equal(dayOf(Date.UTC(2024, 2, 1, 12)), '2024-03-01');
  assert.deepEqual(parsePublishedAt('30 February 2024'), { problem: 'impossible' });
  assert.deepEqual(parsePublishedAt('Feb 29 2023'), { problem: 'impossible' });
  // Date reads "0" as 2000-01-01: a value without a year is not a date.
  assert.deepEqual(parsePublishedAt('0'), { problem: 'not-a-date' });
});

test('a dated-text header date 2024-13-45 is reported on line 1 and not used', async () => {
  const file = join(root, 'header.txt');
  writeFileSync(file, ' date 2024-13-45 Ferry service resumes\nThe ferry left port on Thursday.\n');
  const r = await readInputs([file]);
  assert.equal(r.articles[0].publishedAt, null);
  assert.ok(
    r.errors.some(
      (e) => e.input === file && e.line === 1 && /2024-13-45.*not a calendar day/.test(e.message),
    ),
    r.errors.map((e) => e.message).join('\n'),
  );
});

test('HTML metadata dates that are no calendar day are refused (meta, JSON-LD, <time>)', () => {
  const now = new Date('2024-06-01T00:00:00Z');
  for (const v of ['2024-02-30T10:00:00Z', '2024-13-45', '0000-00-00', 'February 30, 2024']) {
    const heads = [
      `<meta property="article:published_time" content="${v}">`,
      `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${v}"}</script>`,
    ];
    for (const head of heads) {
      const doc = parseDocument(`<!DOCTYPE html><html><head>${head}</head><body><p>Text.</p></body></html>`);
      assert.equal(findPublicationDate(doc, { now }), null, `${v} in ${head}`);
    }
    const doc = parseDocument(`<html><body><time datetime="${v}">${v}</time><p>Text.</p></body></html>`);
    assert.equal(findPublicationDate(doc, { now }), null, `${v} in <time>`);
  }
});
