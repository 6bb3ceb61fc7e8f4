import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceRef, Timeline } from '../../src/model.js';
import { fileName, presentTimeline } from '../../src/output/present.js';
import { timelineText } from '../../src/output/text.js';
import { timelineMarkdown } from '../../src/output/markdown.js';
import { timelineHtml } from '../../src/output/html.js';
import { timelineJson } from '../../src/output/json.js';
import { timelineJs } from '../../src/export/timelinejs.js';

const untitled: SourceRef = {
  articleId: 'a1',
  path: '/home/someone/private/notes/quay-story.txt',
  title: null,
  source: null,
};
const titled: SourceRef = {
  articleId: 'a2',
  path: 'C:\\Users\\someone\\b.txt',
  title: 'Quay opens',
  source: 'Kelvik Courier',
};
const timeline: Timeline = {
  entries: [
    {
      date: '2024-05-02',
      summary: ['The quay opened -LRB- at last -RRB- , the board said .'],
      sentences: [
        {
          text: 'The quay opened -LRB- at last -RRB- , the board said .',
          articleId: 'a1',
          sentenceIndex: 0,
          sources: [untitled],
        },
      ],
      sources: [untitled, titled],
      outlets: 2,
      score: 1,
    },
  ],
  entities: [],
  quotes: [],
};

test('fileName: the last part of a path, either separator', () => {
  assert.equal(fileName('/home/x/a.txt'), 'a.txt');
  assert.equal(fileName('C:\\news\\b.txt'), 'b.txt');
  assert.equal(fileName(null), null);
});

test('outputs name an untitled source by its file name, never its path, and detokenise', () => {
  for (const out of [
    timelineText(timeline),
    timelineMarkdown(timeline),
    timelineHtml(timeline),
    JSON.stringify(timelineJs(timeline, 'Quay')),
  ]) {
    assert.ok(out.includes('quay-story.txt'), out);
    assert.ok(!out.includes('/home/someone') && !out.includes('Users'), out);
    assert.ok(out.includes('The quay opened (at last), the board said.'), out);
  }
  const json = timelineJson(timeline);
  assert.equal(json.entries[0].sources[0].title, 'quay-story.txt');
  assert.equal(json.entries[0].sources[0].path, untitled.path); // JSON keeps the path as its own field
  assert.equal(json.entries[0].sources[1].title, 'Quay opens');
  assert.equal(presentTimeline(timeline).entries[0].sentences[0].sources[0].title, 'quay-story.txt');
});
