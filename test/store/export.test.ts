import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { timelineJs } from '../../src/render/story-export.js';
import type { Timeline } from '../../src/model.js';
import { art, miniAnalyze, SPILL } from './helpers.js';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'chron-exp-')), 'c.db');

const timeline: Timeline = {
  entries: [
    {
      date: '2024-03-04',
      summary: ['The tanker <Gull> & crew ran aground.'],
      sentences: [],
      sources: [
        {
          articleId: 'a1',
          path: null,
          title: 'Aground "today"',
          url: 'https://news.example/a1',
          source: 'Bay Gazette',
        },
      ],
      score: 1,
    },
  ],
  entities: [],
  quotes: [],
};

test('TimelineJS export has the documented shape with HTML-escaped text', () => {
  const j = timelineJs(timeline, 'Spill <story>', 'sub & title');
  assert.deepEqual(j.title, { text: { headline: 'Spill &lt;story&gt;', text: 'sub &amp; title' } });
  assert.equal(j.events.length, 1);
  assert.deepEqual(j.events[0].start_date, { year: '2024', month: '3', day: '4' });
  assert.equal(j.events[0].text.headline, 'The tanker &lt;Gull&gt; &amp; crew ran aground.');
  assert.match(j.events[0].text.text, /<p>The tanker &lt;Gull&gt; &amp; crew ran aground\.<\/p>/);
  assert.match(j.events[0].text.text, /Aground &quot;today&quot;/);
  assert.equal(j.events[0].group, 'Bay Gazette');
  assert.ok(!/<Gull>/.test(JSON.stringify(j)));
});

test('a story exported as JSON imports into another store without re-analysis', () => {
  const a = openStore(tmp(), { analyzer: miniAnalyze });
  a.ingest(SPILL.map(([t, d], i) => art(t, d, { id: `sp${i}` })));
  const id = a.listStories()[0].id;
  const json = a.exportStory(id, 'json');
  const parsed = JSON.parse(json);
  assert.equal(parsed.format, 'chronicle-story');
  assert.equal(parsed.articles.length, 4);
  for (const f of ['markdown', 'html', 'timelinejs'] as const) assert.ok(a.exportStory(id, f).length > 20);
  assert.doesNotThrow(() => JSON.parse(a.exportStory(id, 'timelinejs')));
  const b = openStore(tmp(), {
    analyzer: () => {
      throw new Error('import must not re-analyse');
    },
  });
  const r = b.importStory(json);
  assert.equal(r.articles, 4);
  assert.equal(b.getStory(r.storyId)!.articles, 4);
  assert.deepEqual(
    b.storyAnalysis(r.storyId).articles.map((x) => x.sentences.length),
    a.storyAnalysis(id).articles.map((x) => x.sentences.length),
  );
  assert.deepEqual(
    b.quotes({}).map((q) => q.text),
    a.quotes({}).map((q) => q.text),
  );
  // Importing again adds nothing.
  assert.equal(b.importStory(json).articles, 0);
  a.close();
  b.close();
});

test('a malformed import names the file and the problem', () => {
  const b = openStore(tmp(), { analyzer: miniAnalyze });
  assert.throws(
    () => b.importStory('{"format": "chronicle-story", "version": 1, "story": {"id": "s1"}}', 'in.json'),
    /in\.json: missing "articles"/,
  );
  assert.throws(
    () => b.importStory('{"format": "other"}', 'x.json'),
    /x\.json: not a Chronicle story export/,
  );
  assert.throws(() => b.importStory('{\n"format": \n', 'y.json'), /y\.json(:\d+)?: not valid JSON/);
  b.close();
});
