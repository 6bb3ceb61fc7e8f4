/**
 * The read paths the API serves, as every store must answer them: an unknown story is a no-story StoreError (the
 * API's 404), story summaries (order, counts, span, outlets, top entities, versions), a story timeline's shape
 * (dates in order and in range, sentences traced to the story's stored articles), and the listings' limits and
 * orders.
 */
import assert from 'node:assert/strict';
import { contract } from './backends.js';
import { StoreError } from '../../../src/store/index.js';
import { councilArticles, miniAnalyze, spillArticles } from '../helpers.js';

const spill = spillArticles;
const council = councilArticles;

contract(
  'an unknown story: getStory is null, its reads are no-story StoreErrors, a search within it finds nothing',
  async (b) => {
    const s = await b.open({ analyzer: miniAnalyze });
    await s.ingest(spill());
    assert.equal(await s.getStory('nonesuch'), null);
    const reads: [string, () => Promise<unknown>][] = [
      ['timeline', () => s.storyTimeline('nonesuch')],
      ['days', () => s.storyDays('nonesuch')],
      ['analysis', () => s.storyAnalysis('nonesuch')],
      ['entities', () => s.entities({ story: 'nonesuch' })],
      ['quotes', () => s.quotes({ story: 'nonesuch' })],
    ];
    for (const [what, read] of reads)
      await assert.rejects(
        read,
        (e: Error) => e instanceof StoreError && e.code === 'no-story' && /nonesuch/.test(e.message),
        what,
      );
    assert.deepEqual(await s.search('diesel', { story: 'nonesuch' }), []);
    await s.close();
  },
);

contract(
  'story summaries: largest first, with counts, span, outlets and top entities; a write moves only its story on',
  async (b) => {
    const s = await b.open({ analyzer: miniAnalyze });
    const sp = spill();
    // The smaller story first in: the list is by size, not by age.
    await s.ingest([...council(), sp[0]!, sp[1]!, sp[2]!]);
    const [big, small] = await s.listStories();
    assert.equal((await s.listStories()).length, 2);
    assert.equal(big!.articles, 3);
    assert.equal(small!.articles, 2);
    assert.deepEqual([big!.from, big!.to], ['2024-03-04', '2024-03-07']);
    assert.deepEqual([small!.from, small!.to], ['2024-03-04', '2024-03-06']);
    // Most frequent outlet first.
    assert.deepEqual(big!.sources, ['Bay Gazette', 'Harbour Courier']);
    assert.deepEqual(small!.sources, ['Bay Gazette']);
    assert.ok(big!.topEntities.some((e) => e.name === 'Northern Gull' && e.mentions === 3));
    assert.ok(!big!.topEntities.some((e) => e.name === 'Petra Vance'));
    assert.ok(big!.title.length > 0);
    assert.deepEqual(await s.getStory(big!.id), big);
    const stats = await s.stats();
    assert.deepEqual([stats.articles, stats.stories], [5, 2]);

    const r = await s.ingest([sp[3]!]);
    assert.deepEqual(r.added, ['spill3']);
    assert.deepEqual(r.storiesTouched, [big!.id]);
    const grown = (await s.getStory(big!.id))!;
    assert.equal(grown.articles, 4);
    assert.equal(grown.to, '2024-03-09');
    assert.ok(grown.version > big!.version);
    assert.equal((await s.getStory(small!.id))!.version, small!.version);
    await s.close();
  },
);

contract(
  "a story's timeline: days in order and in range, at most k sentences each, all from the story's articles",
  async (b) => {
    const s = await b.open({ analyzer: miniAnalyze });
    await s.ingest([...spill(), ...council()]);
    const [story] = await s.listStories();
    const stored = new Map((await s.storyAnalysis(story!.id)).articles.map((a) => [a.id, a]));
    assert.deepEqual([...stored.keys()].sort(), ['spill0', 'spill1', 'spill2', 'spill3']);
    const check = (t: Awaited<ReturnType<typeof s.storyTimeline>>, k: number, from = '', to = '9') => {
      assert.ok(t.entries.length > 0);
      const dates = t.entries.map((e) => e.date);
      assert.deepEqual(dates, [...new Set(dates)].sort());
      for (const e of t.entries) {
        assert.ok(e.date >= from && e.date <= to, e.date);
        assert.ok(e.summary.length >= 1 && e.summary.length <= k);
        assert.deepEqual(
          e.summary,
          e.sentences.map((x) => x.text),
        );
        // Each sentence is a stored sentence of one of the story's articles.
        for (const x of e.sentences)
          assert.equal(stored.get(x.articleId)?.sentences[x.sentenceIndex]?.text, x.text);
        assert.ok(e.sources.length > 0 && e.sources.every((r) => stored.has(r.articleId)));
      }
      for (const q of t.quotes) assert.ok(q.sources.every((r) => stored.has(r.articleId)));
    };
    const t = await s.storyTimeline(story!.id);
    check(t, 2);
    assert.deepEqual(
      t.quotes.map((q) => q.text).sort(),
      (await s.quotes({ story: story!.id })).map((q) => q.text).sort(),
    );
    const names = new Set((await s.entities({ story: story!.id, limit: 1000 })).map((e) => e.name));
    assert.ok(t.entities.length > 0 && t.entities.every((e) => names.has(e.name)));
    check(
      await s.storyTimeline(story!.id, { from: '2024-03-05', to: '2024-03-07', sentences: 1 }),
      1,
      '2024-03-05',
      '2024-03-07',
    );
    await s.close();
  },
);

contract(
  'listings honour their limits and orders: entities by mentions, quotes by date, hits by score',
  async (b) => {
    const s = await b.open({ analyzer: miniAnalyze });
    await s.ingest([...council(), ...spill()]);
    const all = await s.entities({ limit: 1000 });
    assert.ok(all.length > 2);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.mentions >= all[i]!.mentions);
    assert.deepEqual(await s.entities({ limit: 2 }), all.slice(0, 2));
    assert.ok((await s.entities({ type: 'PERSON' })).every((e) => e.type === 'PERSON'));
    const quotes = await s.quotes();
    // By publication day, then in the order stored.
    assert.deepEqual(
      quotes.map((q) => q.text),
      ['Books matter', 'We are containing the diesel', 'The slick is gone'],
    );
    assert.deepEqual(await s.quotes({ limit: 1 }), quotes.slice(0, 1));
    // A speaker matches by part of the name, in any case.
    assert.deepEqual(
      (await s.quotes({ speaker: 'VANCE' })).map((q) => q.text),
      ['Books matter'],
    );
    const hits = await s.search('harbour');
    assert.equal(hits.length, 4);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
    assert.equal((await s.search('harbour', { limit: 2 })).length, 2);
    assert.ok(hits.every((h) => /\[harbour\]/i.test(h.snippet)));
    await s.close();
  },
);
