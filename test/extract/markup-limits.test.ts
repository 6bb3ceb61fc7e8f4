import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HtmlNode } from '../../src/util/html-dom.js';
import { parseHTML } from 'linkedom';
import { stripInert } from '../../src/extract/extract.js';
import {
  MAX_MARKUP_DEPTH,
  MAX_MARKUP_ELEMENTS,
  limitMarkup,
  removeBlocks,
} from '../../src/extract/markup-limits.js';
import { seededRandom } from '../../src/util/random.js';
import { runChild } from '../ingest/child.js';

// Hostile markup (nesting 100,000 deep, a million unclosed tags, unclosed scripts and comments) is made
// harmless before any DOM work, with a warning naming the file; normal pages pass unchanged.

const dir = mkdtempSync(join(tmpdir(), 'chronicle-markup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PARAGRAPH =
  'The harbour board of Vesterholm met on Tuesday to decide when the ferry Morning Gull may sail again, ' +
  'and the harbour master said the storm damage to the pier would be repaired within a week. ';

/** Deepest element nesting of a parsed document, walked without recursion. */
function domDepth(html: string): number {
  const { document } = parseHTML(html);
  let deepest = 0;
  const stack: Array<[HtmlNode, number]> = [[document as unknown as HtmlNode, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    for (const c of Array.from(n.childNodes)) stack.push([c, d + 1]);
  }
  return deepest;
}

test('nesting beyond the depth cap is flattened, the text kept, with a warning', () => {
  const html = '<html><body>' + '<div>'.repeat(5000) + PARAGRAPH + '</div>'.repeat(5000) + '</body></html>';
  const r = limitMarkup(html);
  assert.ok(domDepth(r.html) <= MAX_MARKUP_DEPTH + 5, `depth ${domDepth(r.html)}`);
  assert.ok(r.html.includes(PARAGRAPH));
  assert.match(r.warnings.join('\n'), /nested deeper than \d+ levels/);
  // <div/> opens a div in HTML (the slash is ignored): it nests too
  const selfClosed = limitMarkup('<html><body>' + '<div/>'.repeat(5000) + PARAGRAPH + '</body></html>');
  assert.ok(domDepth(selfClosed.html) <= MAX_MARKUP_DEPTH + 5);
});

test('elements after the element cap lose their tags, not their text', () => {
  const html = '<html><body>' + '<p>Ferry news.</p>'.repeat(MAX_MARKUP_ELEMENTS + 500) + '</body></html>';
  const r = limitMarkup(html);
  assert.equal((r.html.match(/<p>/g) ?? []).length, MAX_MARKUP_ELEMENTS - 2); // html and body count too
  assert.equal((r.html.match(/Ferry news\./g) ?? []).length, MAX_MARKUP_ELEMENTS + 500);
  assert.match(r.warnings.join('\n'), /more than 20000 elements/);
});

test('a page with much text gets a lower depth cap', () => {
  const html = '<html><body>' + '<div>'.repeat(100) + PARAGRAPH.repeat(5000) + '</div>'.repeat(100);
  const r = limitMarkup(html);
  assert.ok(domDepth(r.html) < 60, `depth ${domDepth(r.html)}`);
  assert.match(r.warnings.join('\n'), /nested deeper/);
});

test('a normal page passes unchanged', () => {
  const page = readFileSync(new URL('../fixtures/web/harbour-article.html', import.meta.url), 'utf8');
  for (const html of [page, stripInert(page)]) assert.deepEqual(limitMarkup(html), { html, warnings: [] });
});

/** The regular expressions stripInert replaced (quadratic on unclosed openings). */
const regexStrip = (html: string) =>
  html
    .replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, '');

test('stripInert removes what the regular expressions removed, on 5,000 random pages', () => {
  const pieces = [
    '<script>',
    '<SCRIPT src="a.js">',
    '<script type="application/ld+json">',
    '</script>',
    '</script >',
    '</scripts>',
    '<style>',
    '</style>',
    '<!--',
    '-->',
    '<!-->',
    '<svg viewBox="0 0 1 1">',
    '</svg>',
    '<p>',
    'text',
    '>',
    '<',
    ' ',
    '<scripting>',
  ];
  const rand = seededRandom(11);
  for (let k = 0; k < 5000; k++) {
    const n = Math.floor(rand() * 14);
    const html = Array.from({ length: n }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
    assert.equal(stripInert(html), regexStrip(html), JSON.stringify(html));
  }
  assert.equal(removeBlocks('a<!--b-->c<!--d', /<!--/g, /-->/g), 'ac<!--d');
});

/** Ingest one generated page in a child process (a hang or a stack overflow fails the test, not the run). */
async function ingestPage(name: string, html: string) {
  const file = join(dir, name);
  writeFileSync(file, html);
  const r = await runChild(['test/ingest/read-inputs-child.ts', file], { timeoutMs: 60_000, maxRssMb: 800 });
  assert.equal(r.stopped, null, r.stderr.slice(-300));
  assert.equal(r.code, 0, r.stderr.slice(-300));
  return {
    file,
    ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as { articles: unknown[]; errors: string[] }),
  };
}

test('100,000-deep nested <div>: the article is read, the warning names the file', async () => {
  const r = await ingestPage(
    'deep.html',
    '<html><body>' +
      '<div>'.repeat(100_000) +
      PARAGRAPH.repeat(3) +
      '</div>'.repeat(100_000) +
      '</body></html>',
  );
  assert.equal(r.articles.length, 1, r.errors.join('\n'));
  assert.ok(
    r.errors.some((e) => e.startsWith(r.file) && /nested deeper/.test(e)),
    r.errors.join('\n'),
  );
});

test('a million unclosed <div>, and unclosed <script> and <!-- after the text: the article is read', async () => {
  const r = await ingestPage(
    'unclosed.html',
    '<html><body>' + '<div>'.repeat(1_000_000) + PARAGRAPH.repeat(3),
  );
  assert.equal(r.articles.length, 1, r.errors.join('\n'));
  assert.ok(
    r.errors.some((e) => e.startsWith(r.file) && /nested deeper/.test(e)),
    r.errors.join('\n'),
  );
  const s = await ingestPage(
    'scripts.html',
    '<html><body><p>' + PARAGRAPH.repeat(3) + '</p>' + '<script>x'.repeat(100_000) + '<!--'.repeat(200_000),
  );
  assert.equal(s.articles.length, 1, s.errors.join('\n'));
});
