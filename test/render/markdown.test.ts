import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, markdownLinkTarget, timelineMarkdown } from '../../src/render/markdown.js';
import { renderExport } from '../../src/render/story-export.js';
import type { Timeline } from '../../src/model.js';
import type { StorySummary } from '../../src/store/index.js';

// Titles, source names and URLs come from the pages read: in Markdown they must stay text and links
// must only go to http(s) addresses.

const hostile: Timeline = {
  entries: [
    {
      date: '2024-03-04',
      summary: ['The tanker ran aground.\n# Injected heading\n<img src=x onerror=alert(1)>'],
      sentences: [],
      sources: [
        { articleId: 'a1', path: null, title: 'Click](javascript:alert(1))', url: 'javascript:alert(1)' },
        { articleId: 'a2', path: null, title: 'Gazette **bold** [x]', url: 'https://news.example/a (1)/b)c' },
        { articleId: 'a3', path: null, title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
        { articleId: 'a4', path: null, title: '\x1b]0;owned\x07Bay \x1b[31mPost\x1b[0m\u009b', url: null },
      ],
      score: 1,
    },
  ],
  entities: [{ name: 'Ana [Ruiz](javascript:x)', type: 'PERSON', aliases: ['*A*'], mentions: 2 } as never],
  quotes: [
    { speaker: '<b>Roper</b>', text: 'We are ready ` code', cue: 'said', date: '2024-03-04', sources: [] },
  ],
};

/** Link destinations in Markdown text: whatever follows `](` up to the closing parenthesis. */
const destinations = (md: string) => [...md.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1]);

test('only http(s) links, percent-encoded so they cannot end early; other schemes lose the link', () => {
  const md = timelineMarkdown(hostile, 'Spill');
  assert.deepEqual(destinations(md), ['https://news.example/a%20%281%29/b%29c']);
  assert.ok(!/\]\((?:javascript|data):/i.test(md));
  assert.equal(markdownLinkTarget('JAVASCRIPT:alert(1)'), null);
  assert.equal(markdownLinkTarget('vbscript:x'), null);
  assert.equal(markdownLinkTarget('not a url'), null);
  assert.equal(markdownLinkTarget('http://x.example/a_b*c'), 'http://x.example/a%5Fb%2Ac');
});

test('text cannot add headings, HTML, emphasis or links, and loses control characters', () => {
  const md = timelineMarkdown(hostile, 'Spill # <title>');
  const headings = md.split('\n').filter((l) => l.startsWith('#'));
  assert.deepEqual(headings, ['# Spill \\# &lt;title&gt;', '## 2024-03-04', '## Who and what', '## Quotes']);
  assert.ok(!/<img|<b>/.test(md));
  assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(md));
  assert.match(md, /Gazette \\\*\\\*bold\\\*\\\* \\\[x\\\]/);
  assert.match(md, /\[4\] Bay Post/);
  assert.equal(
    escapeMarkdown('a_b `c` [d](e) | f ~g~ &amp; <i>'),
    'a\\_b \\`c\\` \\[d\\]\\(e) \\| f \\~g\\~ &amp;amp; &lt;i&gt;',
  );
});

test('the exported story subtitle escapes its source names (and a $& stays text)', () => {
  const story: StorySummary = {
    id: 's1',
    title: 'Spill',
    articles: 2,
    from: '2024-03-04',
    to: '2024-03-04',
    topEntities: [],
    sources: ['Evil](javascript:alert(1))', 'Cash $& Co'],
    version: 1,
  };
  const md = renderExport(
    { story, analysis: { articles: [], entities: [], errors: [] }, timeline: hostile },
    'markdown',
  );
  assert.ok(!/\]\(javascript:/.test(md));
  assert.ok(md.includes('sources: Evil\\]\\(javascript:alert(1)), Cash $&amp; Co'), md);
});
