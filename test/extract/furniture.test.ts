import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/extract.js';

const prose = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i}: the ferry operator said the new timetable would add two crossings on weekdays, and the council agreed to pay for the extra crew until the end of the season.</p>`,
).join('\n');

const wrap = (inner: string) =>
  `<!DOCTYPE html><html><head><title>Ferry</title></head><body><article><h1>Ferry timetable</h1>${inner}</article></body></html>`;

test('figure captions and image credits are dropped', () => {
  const page = extractArticle(
    wrap(
      `<figure><img src="a.jpg"><figcaption>The ferry leaving the quay at dawn</figcaption></figure>${prose}<div class="image-credit">Photo: Harbour Desk</div>`,
    ),
  );
  assert.match(page.text, /Paragraph 5/);
  assert.doesNotMatch(page.text, /leaving the quay at dawn|Harbour Desk/);
});

test('share bars, related blocks and newsletter boxes inside the article are dropped', () => {
  const page = extractArticle(
    wrap(
      `<div class="share-bar"><a href="#">Share on social networks</a></div>${prose}<div class="related-articles"><p>Bridge closes for repairs again</p></div><div class="newsletter-signup"><p>Get our daily briefing in your inbox</p></div>`,
    ),
  );
  assert.match(page.text, /Paragraph 0/);
  assert.doesNotMatch(page.text, /Share on social|Bridge closes|daily briefing/);
});

test('link-dense lists are dropped, prose with a link is kept', () => {
  const page = extractArticle(
    wrap(
      `${prose}<p>The <a href="/t">full timetable</a> is posted at the terminal and online for anyone who wants to plan a trip ahead of the busy summer weeks.</p><ul><li><a href="/1">Weather</a></li><li><a href="/2">Sport</a></li><li><a href="/3">Jobs</a></li></ul>`,
    ),
  );
  assert.match(page.text, /full timetable is posted/);
  assert.doesNotMatch(page.text, /Weather|Jobs/);
});

test('dateline, "Advertisement" and capitalised promo lines are dropped', () => {
  const page = extractArticle(
    wrap(
      `<p>Updated 10:41, Tue, Mar 5, 2024</p>${prose}<p>Advertisement</p><p>READ THE LATEST ON THE BRIDGE CLOSURE</p>`,
    ),
  );
  assert.match(page.text, /Paragraph 3/);
  assert.doesNotMatch(page.text, /Updated 10:41|Advertisement|READ THE LATEST/);
});

test('the baseline (plain Readability) keeps what the rules remove', () => {
  const html = wrap(`${prose}<p>Advertisement</p>`);
  assert.match(extractArticle(html, { baseline: true }).text, /Advertisement/);
  assert.doesNotMatch(extractArticle(html).text, /Advertisement/);
});
