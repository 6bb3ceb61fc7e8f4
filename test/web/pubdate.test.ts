import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/web/extract.js';
import { findPublicationDate, urlDate } from '../../src/web/pubdate.js';

const NOW = new Date('2024-06-01T00:00:00Z');
const page = (head: string, body = '<p>Some text.</p>') =>
  parseDocument(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
const find = (head: string, body?: string, url?: string) =>
  findPublicationDate(page(head, body), { now: NOW, url });

test('json-ld datePublished of the article, not dateModified or the publisher', () => {
  const ld = `<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-03-09","datePublished":"2024-03-06T09:00:00+01:00","publisher":{"@type":"Organization","datePublished":"2001-01-01"}}</script>`;
  assert.deepEqual(find(ld), { day: '2024-03-06', evidence: 'json-ld', rule: 'datePublished' });
});

test('json-ld inside @graph is read; broken JSON-LD gives no date', () => {
  assert.equal(
    find(
      `<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"Article","datePublished":"2023-11-02"}]}</script>`,
    )?.day,
    '2023-11-02',
  );
  // Reading a broken block's keys with a pattern was worth one page of the evaluation set (issue 21).
  assert.equal(
    find(`<script type="application/ld+json">{"@type":"Article","datePublished":"2023-11-02",}</script>`),
    null,
  );
});

test('meta: article:published_time is used, modified_time is ignored', () => {
  const r = find(
    `<meta property="article:modified_time" content="2024-05-01"><meta property="article:published_time" content="2024-04-02T10:00:00Z">`,
  );
  assert.deepEqual(r, { day: '2024-04-02', evidence: 'meta', rule: 'article:published_time' });
  assert.equal(find(`<meta property="article:modified_time" content="2024-05-01">`), null);
});

test('meta: Dublin Core and itemprop microdata', () => {
  assert.equal(find(`<meta name="DC.date.issued" content="2022-07-14">`)?.day, '2022-07-14');
  assert.equal(
    find('', `<span itemprop="datePublished" content="2022-07-15">July 15</span>`)?.evidence,
    'meta',
  );
});

test('time element marked as publication time; one in a related block is ignored', () => {
  const body = `<aside class="related"><time datetime="2020-01-01">old</time></aside><article><time class="published" datetime="2021-08-09T07:00">9 Aug</time><p>x</p></article>`;
  assert.deepEqual(find('', body), { day: '2021-08-09', evidence: 'time-element', rule: 'marked' });
  assert.equal(
    find('', `<div class="comments"><time datetime="2020-01-01">c</time></div>`)?.evidence ?? null,
    null,
  );
});

test('only a <time> marked as the publication time counts', () => {
  assert.equal(find('', '<h1>Title</h1><time datetime="2021-08-09T07:00">9 Aug</time><p>x</p>'), null);
  assert.equal(find('', '<time pubdate datetime="2021-08-09T07:00">9 Aug</time>')?.day, '2021-08-09');
});

test('url patterns', () => {
  assert.equal(urlDate('https://news.example/2021/03/05/storm-hits'), '2021-03-05');
  assert.equal(urlDate('https://news.example/politics/20210305-vote'), '2021-03-05');
  assert.equal(urlDate('https://news.example/2021/03/storm'), null);
  assert.deepEqual(find('', '<p>x</p>', 'https://news.example/2021/03/05/storm'), {
    day: '2021-03-05',
    evidence: 'url',
    rule: 'path',
  });
});

test('visible text: a labelled date, never a copyright year', () => {
  assert.deepEqual(find('', '<h1>Title</h1><p>Published on 12 May 2023 by staff</p>'), {
    day: '2023-05-12',
    evidence: 'text',
    rule: 'labelled',
  });
  assert.equal(find('', '<p>Copyright © 2023</p><footer>© 01.01.2023</footer>'), null);
});

test('future dates are refused', () => {
  assert.equal(find(`<meta property="article:published_time" content="2030-01-01">`), null);
});

test('order of trust: json-ld beats meta beats url', () => {
  const head = `<meta property="article:published_time" content="2024-01-02"><script type="application/ld+json">{"@type":"Article","datePublished":"2024-01-03"}</script>`;
  assert.equal(find(head, '<p>x</p>', 'https://n.example/2024/01/01/a')?.evidence, 'json-ld');
});

test("visible text: the site header's date of today loses to the date under the headline", () => {
  const body = `<header><p>Thursday, 16 February 2012</p></header><h1>Court hearing postponed again</h1><p>14 February 2012 - The hearing was moved.</p>`;
  assert.deepEqual(find('', body), { day: '2012-02-14', evidence: 'text', rule: 'first' });
});
