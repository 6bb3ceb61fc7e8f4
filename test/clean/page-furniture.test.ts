/**
 * Whole page copies (test/fixtures/clean/*.txt: our own invented outlets and story, with menus, cookie and
 * newsletter boxes, headline lists, photo credits, related links, share counts, comment forms and
 * footers at the top, in the middle and at the end) go through the clean stage as `chronicle analyze`
 * reads them. Each page's `.body.txt` lists its article paragraphs: they must all survive, every other
 * line must go (the headline may stay: it is also article.title), and no timeline summary may carry
 * anything but body text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTimeline, runPipeline } from '../../src/index.js';
import { readTextArticle } from '../../src/ingest/text.js';
import type { Article } from '../../src/model.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'clean');
const PAGES: { name: string; headline: string; date: string }[] = [
  {
    name: 'courier-2025-03-03',
    headline: 'Tarnholt dam spillway damaged as river rises',
    date: '2025-03-03',
  },
  {
    name: 'northshore-2025-03-05',
    headline: 'Families leave homes as Tarnholt reservoir is lowered',
    date: '2025-03-05',
  },
  {
    name: 'herald-2025-03-08',
    headline: 'Tarnholt residents return home as repairs start on dam',
    date: '2025-03-08',
  },
];

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function load(name: string): { article: Article; page: string[]; body: string[] } {
  const path = join(DIR, `${name}.txt`);
  const raw = readFileSync(path, 'utf8');
  return {
    article: readTextArticle(path, raw),
    page: lines(raw),
    body: lines(readFileSync(join(DIR, `${name}.body.txt`), 'utf8')),
  };
}

test('analyze keeps every body paragraph of a copied page and drops all of its furniture', () => {
  for (const { name, headline } of PAGES) {
    const { article, page, body } = load(name);
    runPipeline([article], { disable: ['timex', 'mentions', 'entities', 'quotes', 'dedup'] });
    const kept = lines(article.text);
    for (const b of body) assert.ok(kept.includes(b), `${name}: body paragraph lost: ${b}`);
    for (const l of page) {
      if (body.includes(l) || l === headline) continue;
      assert.ok(!kept.includes(l), `${name}: furniture kept: ${l}`);
    }
    assert.ok(article.sentences.length >= body.length, `${name}: too few sentences`);
  }
});

test('buildTimeline on copied pages: every summary sentence comes from article body text', () => {
  const inputs = PAGES.map(({ name, date }) => ({
    path: `${name}.txt`,
    text: readFileSync(join(DIR, `${name}.txt`), 'utf8'),
    publishedAt: date,
  }));
  const bodyText = PAGES.map(({ name }) => load(name).body.join('\n')).join('\n');
  const timeline = buildTimeline(inputs, { dates: 10, sentences: 3 });
  assert.ok(timeline.entries.length >= 3, `only ${timeline.entries.length} entries`);
  for (const e of timeline.entries) {
    assert.ok(e.summary.length > 0, `${e.date}: empty entry`);
    for (const s of e.summary) assert.ok(bodyText.includes(s), `${e.date}: not body text: ${s}`);
  }
});

test('the clean stage records the model removals by name and the rules still fill metadata', () => {
  const { article } = load('courier-2025-03-03');
  runPipeline([article], { disable: ['sentences', 'timex', 'mentions', 'entities', 'quotes', 'dedup'] });
  const rules = new Set(article.removed.map((r) => r.rule));
  assert.ok(rules.has('furniture-model'), [...rules].join(', '));
  assert.ok(rules.has('byline'), [...rules].join(', '));
  assert.equal(article.byline, 'Marit Solberg');
});
