import assert from 'node:assert/strict';
import { contract } from './backends.js';
import { art, councilArticles, miniAnalyze, spillArticles } from '../helpers.js';

const spill = spillArticles;
const council = councilArticles;

contract('ingest stores articles once: same content or same canonical URL is a duplicate', async (be) => {
  const s = await be.open({ analyzer: miniAnalyze });
  const r1 = await s.ingest(spill());
  assert.equal(r1.added.length, 4);
  const r2 = await s.ingest(spill());
  assert.deepEqual(r2.added, []);
  assert.equal(r2.duplicates.length, 4);
  const a = art('Completely new text about the pier.', '2024-03-10', {
    url: 'https://news.example/pier#top',
  });
  const b = art('Edited text about the pier, later version.', '2024-03-10', {
    url: 'https://news.example/pier',
  });
  const r3 = await s.ingest([a, b]);
  assert.equal(r3.added.length, 1);
  assert.equal(r3.duplicates.length, 1);
  assert.equal((await s.stats()).articles, 5);
  await s.close();
});

contract(
  'stored articles come back with their analysis intact (offsets, timexes, mentions, quotes)',
  async (be) => {
    const s = await be.open({ analyzer: miniAnalyze });
    const input = spill();
    await s.ingest(input);
    const [orig] = input;
    const [back] = await s.getArticles([orig.id]);
    assert.equal(back.text, orig.text);
    assert.equal(back.sentences.length, orig.sentences.length);
    assert.deepEqual(
      back.sentences.map((x) => [x.start, x.end, x.text, x.tokens.length]),
      orig.sentences.map((x) => [x.start, x.end, x.text, x.tokens.length]),
    );
    assert.deepEqual(back.sentences[0].timexes, orig.sentences[0].timexes);
    assert.deepEqual(
      back.mentions.map((m) => m.text),
      orig.mentions.map((m) => m.text),
    );
    assert.ok(back.mentions.every((m) => /^e\d+$/.test(m.entityId ?? '')));
    assert.equal(back.quotes[0].text, 'We are containing the diesel');
    assert.equal(back.quotes[0].speaker, 'Mara Oduya');
    await s.close();
  },
);

contract(
  'articles about a different event on the same day form a separate story',
  ['clustering'],
  async (be) => {
    const s = await be.open({ analyzer: miniAnalyze });
    await s.ingest([...spill(), ...council()]);
    const stories = await s.listStories();
    assert.equal(stories.length, 2);
    assert.equal(stories[0].articles, 4);
    assert.equal(stories[1].articles, 2);
    assert.equal(stories[0].from, '2024-03-04');
    assert.equal(stories[0].to, '2024-03-09');
    assert.deepEqual(stories[0].sources.sort(), ['Bay Gazette', 'Harbour Courier']);
    assert.ok(stories[0].topEntities.some((e) => e.name === 'Northern Gull'));
    assert.ok(stories[1].topEntities.some((e) => e.name === 'Petra Vance'));
    await s.close();
  },
);

contract('incremental ingest joins new articles to the right existing story', ['clustering'], async (be) => {
  const s = await be.open({ analyzer: miniAnalyze });
  const sp = spill();
  await s.ingest([sp[0], sp[1], ...council()]);
  const spillStory = (await s.listStories()).find((x) =>
    x.topEntities.some((e) => e.name === 'Northern Gull'),
  )!;
  const r = await s.ingest([sp[2], sp[3]]);
  assert.deepEqual(r.storiesTouched, [spillStory.id]);
  assert.equal((await s.getStory(spillStory.id))!.articles, 4);
  await s.close();
});

contract('search ranks by relevance, returns snippets and honours filters', async (be) => {
  const s = await be.open({ analyzer: miniAnalyze });
  await s.ingest([...spill(), ...council()]);
  const hits = await s.search('diesel slick');
  assert.ok(hits.length >= 2);
  assert.ok(hits.every((h) => h.articleId.startsWith('spill')));
  assert.match(hits[0].snippet, /\[(diesel|slick)\]/i);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score);
  assert.deepEqual((await s.search('library', { source: 'bay gazette' })).map((h) => h.articleId).sort(), [
    'council0',
    'council1',
  ]);
  assert.deepEqual(await s.search('library', { source: 'Harbour Courier' }), []);
  assert.deepEqual(
    (await s.search('harbour', { from: '2024-03-06', to: '2024-03-08' })).map((h) => h.articleId),
    ['spill2'],
  );
  assert.deepEqual((await s.search('library', { entity: 'petra vance' })).length, 2);
  assert.deepEqual(await s.search('harbour', { entity: 'petra vance' }), []);
  const story = (await s.listStories())[1].id;
  assert.deepEqual((await s.search('council', { story })).length, 2);
  // FTS syntax in user input is neutralised, not an error.
  await assert.doesNotReject(() => s.search('diesel AND (NEAR "'));
  assert.deepEqual(await s.search('***'), []);
  await s.close();
});

contract('entities and quotes can be filtered by story, type and speaker', async (be) => {
  const s = await be.open({ analyzer: miniAnalyze });
  await s.ingest([...spill(), ...council()]);
  const [spillStory, councilStory] = await s.listStories();
  const ents = await s.entities({ story: spillStory.id });
  assert.equal(ents[0].mentions >= ents[ents.length - 1].mentions, true);
  assert.ok(ents.some((e) => e.name === 'Kessel Bay'));
  assert.ok(!ents.some((e) => e.name === 'Petra Vance'));
  assert.ok((await s.entities({ type: 'LOC' })).every((e) => e.type === 'LOC'));
  const q = await s.quotes({ speaker: 'oduya' });
  assert.deepEqual(
    q.map((x) => x.text),
    ['We are containing the diesel', 'The slick is gone'],
  );
  assert.equal(q[0].storyId, spillStory.id);
  assert.deepEqual(
    (await s.quotes({ story: councilStory.id })).map((x) => x.speaker),
    ['Petra Vance'],
  );
  await s.close();
});

contract('entities from different batches merge by name and alias', async (be) => {
  const s = await be.open({ analyzer: miniAnalyze });
  const sp = spill();
  await s.ingest([sp[0]]);
  await s.ingest([sp[1]]);
  const gull = (await s.entities({})).filter((e) => e.name === 'Northern Gull');
  assert.equal(gull.length, 1);
  assert.equal(gull[0].mentions, 2);
  assert.deepEqual(gull[0].articleIds.sort(), ['spill0', 'spill1']);
  await s.close();
});

contract('per-story date statistics are kept incrementally', async (be) => {
  const s = await be.open({ analyzer: miniAnalyze });
  const sp = spill();
  await s.ingest([sp[0], sp[1]]);
  await s.ingest([sp[2], sp[3]]);
  const id = (await s.listStories())[0].id;
  const days = await s.storyDays(id);
  assert.deepEqual(
    days.find((d) => d.day === '2024-03-07'),
    { day: '2024-03-07', articles: 1, refs: 1 },
  );
  assert.deepEqual(
    days.find((d) => d.day === '2024-03-04'),
    { day: '2024-03-04', articles: 1, refs: 1 },
  );
  await s.close();
});
