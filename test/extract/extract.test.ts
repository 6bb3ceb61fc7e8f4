import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractArticle, parseDocument, stripInert } from '../../src/extract/extract.js';
import { htmlToArticle } from '../../src/extract/article.js';
import { InputError } from '../../src/model.js';

const fixture = readFileSync(new URL('../fixtures/web/harbour-article.html', import.meta.url), 'utf8');
const NOW = new Date('2024-06-01T00:00:00Z');

test('main text keeps paragraphs and drops navigation, related stories and footer', () => {
  const page = extractArticle(fixture, { now: NOW });
  const paras = page.text.split('\n\n');
  assert.ok(paras.length >= 5, `expected paragraphs, got ${paras.length}`);
  assert.match(page.text, /swing bridge over the inner harbour/);
  assert.match(page.text, /temporary lane on the northern side/);
  assert.doesNotMatch(page.text, /Weather|Ferry timetable changes|All rights reserved/);
});

test('metadata: title, byline, site, canonical URL, language, publication date', () => {
  const page = extractArticle(fixture, { now: NOW });
  assert.equal(page.title, 'Harbour bridge reopens after storm repairs');
  assert.match(page.byline ?? '', /Mara Lindqvist/);
  assert.equal(page.siteName, 'The Harbour Gazette');
  assert.equal(page.canonicalUrl, 'https://gazette.example/news/2024/03/06/bridge-reopens');
  assert.equal(page.language, 'en-GB');
  assert.equal(page.publishedAt, '2024-03-06');
  assert.equal(page.publishedAtEvidence, 'json-ld');
});

test('JSON-LD articleBody is used when the page body is a stub', () => {
  const body = Array.from(
    { length: 12 },
    (_, i) => `Sentence number ${i} of the council report explains the budget in plain words.`,
  ).join(' ');
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head><body><div><p>Subscribe to read.</p></div></body></html>`;
  const page = extractArticle(html);
  assert.equal(page.method, 'json-ld');
  assert.match(page.text, /Sentence number 11/);
});

test('truncated HTML still yields the text that is there', () => {
  const cut = fixture.slice(0, fixture.indexOf('Shopkeepers on the quay') + 40);
  const page = extractArticle(cut, { now: NOW });
  assert.match(page.text, /Engineers from the port authority/);
});

test('junk before the doctype (a PHP warning) does not hide the page', () => {
  const page = extractArticle(`<b>Warning</b>: something<br>\n${fixture}`, { now: NOW });
  assert.match(page.text, /swing bridge/);
});

test('a script between head and body does not empty the body', () => {
  const doc = parseDocument(
    `<!DOCTYPE html><html><head><title>t</title></head><script>var a=1;</script><body><p>Kept text.</p></body></html>`,
  );
  assert.match(doc.body?.textContent ?? '', /Kept text/);
});

test('a page without an article is an InputError naming the page', () => {
  assert.throws(
    () =>
      htmlToArticle(
        '<html><head><title>Login</title></head><body><form><input name="u"></form></body></html>',
        { path: 'login.html' },
      ),
    (e: unknown) => e instanceof InputError && /login\.html/.test(e.message),
  );
});

test('htmlToArticle fills the article model', () => {
  const a = htmlToArticle(Buffer.from(fixture, 'utf8'), { path: 'harbour.html', now: NOW });
  assert.equal(a.path, 'harbour.html');
  assert.equal(a.source, 'The Harbour Gazette');
  assert.equal(a.publishedAt, '2024-03-06');
  assert.equal(a.text, a.rawText);
  assert.match(a.id, /^[0-9a-f]{12}$/);
});

test('stripInert drops scripts, styles, comments and SVG but keeps JSON-LD', () => {
  const out = stripInert(
    '<script>var a = "<p>x</p>";</script><script type="application/ld+json">{"a":1}</script><style>p{}</style><!-- c --><svg><text>logo</text></svg><p>kept</p>',
  );
  assert.equal(out, '<script type="application/ld+json">{"a":1}</script><p>kept</p>');
});
