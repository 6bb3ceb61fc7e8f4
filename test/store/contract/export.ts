import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contract } from './backends.js';
import { exportStory, importStory, timelineJs } from '../../../src/render/story-export.js';
import type { Timeline } from '../../../src/model.js';
import { art, miniAnalyze, SPILL } from '../helpers.js';

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

// Not a store test: registered once, not per backend.
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

contract('a story exported as JSON imports into another store without re-analysis', async (be) => {
  const a = await be.open({ analyzer: miniAnalyze });
  await a.ingest(SPILL.map(([t, d], i) => art(t, d, { id: `sp${i}` })));
  const id = (await a.listStories())[0].id;
  const json = await exportStory(a, id, 'json');
  const parsed = JSON.parse(json);
  assert.equal(parsed.format, 'chronicle-story');
  assert.equal(parsed.articles.length, 4);
  for (const f of ['markdown', 'html', 'timelinejs'] as const)
    assert.ok((await exportStory(a, id, f)).length > 20);
  assert.ok(JSON.parse(await exportStory(a, id, 'timelinejs')));
  const b = await be.open({
    analyzer: () => {
      throw new Error('import must not re-analyse');
    },
  });
  const r = await importStory(b, json);
  assert.equal(r.articles, 4);
  assert.equal((await b.getStory(r.storyId!))!.articles, 4);
  assert.deepEqual(
    (await b.storyAnalysis(r.storyId!)).articles.map((x) => x.sentences.length),
    (await a.storyAnalysis(id)).articles.map((x) => x.sentences.length),
  );
  assert.deepEqual(
    (await b.quotes({})).map((q) => q.text),
    (await a.quotes({})).map((q) => q.text),
  );
  // Importing again adds nothing.
  assert.equal((await importStory(b, json)).articles, 0);
  await a.close();
  await b.close();
});

contract('a malformed import names the file and the problem', async (be) => {
  const b = await be.open({ analyzer: miniAnalyze });
  await assert.rejects(
    () => importStory(b, '{"format": "chronicle-story", "version": 1, "story": {"id": "s1"}}', 'in.json'),
    /in\.json: missing "articles"/,
  );
  await assert.rejects(
    () => importStory(b, '{"format": "other"}', 'x.json'),
    /x\.json: not a Chronicle story export/,
  );
  await assert.rejects(() => importStory(b, '{\n"format": \n', 'y.json'), /y\.json(:\d+)?: not valid JSON/);
  await b.close();
});
