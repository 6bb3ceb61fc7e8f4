import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/web/extract.js';
import { findPublicationDate } from '../../src/web/pubdate.js';

const NOW = new Date('2024-06-01T00:00:00Z');
const find = (html: string, url?: string) => findPublicationDate(parseDocument(html), { now: NOW, url });
const ld = (stamp: string) =>
  `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${stamp}"}</script>`;
const page = (stamp: string, locale: string, body = '') =>
  `<html><head><meta property="og:locale" content="${locale}">${ld(stamp)}</head><body>${body}</body></html>`;

test('a UTC timestamp is read in the zone of the declared locale', () => {
  // 00:40 UTC on 7 March is still 6 March in Toronto; 23:20 UTC on 6 March is already 7 March in Rome.
  assert.deepEqual(find(page('2024-03-07T00:40:00Z', 'fr_CA')), {
    day: '2024-03-06',
    evidence: 'json-ld',
    rule: 'datePublished+zone',
  });
  assert.equal(find(page('2024-03-06T23:20:00+00:00', 'it_IT'))?.day, '2024-03-07');
  assert.equal(find(page('2024-03-07T02:10:00.000Z', 'en_US'))?.day, '2024-03-06');
});

test('no region declared: the day as written', () => {
  assert.equal(
    find(`<html lang="en"><head>${ld('2024-03-07T02:10:00Z')}</head><body></body></html>`)?.day,
    '2024-03-07',
  );
});

test('the UTC day stays when the page shows it to readers as the article date', () => {
  const body = '<h1>Harbour reopens after the storm</h1><p>Published 7 March 2024</p>';
  assert.equal(find(page('2024-03-07T02:10:00Z', 'en_US', body))?.day, '2024-03-07');
});

test('a timestamp with its own offset is never shifted', () => {
  assert.equal(find(page('2024-03-07T00:40:00-05:00', 'it_IT'))?.day, '2024-03-07');
});
