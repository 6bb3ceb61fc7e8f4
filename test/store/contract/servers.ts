import assert from 'node:assert/strict';
import { contract } from './backends.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { art, COUNCIL, miniAnalyze, SPILL } from '../helpers.js';

// Several servers on one database (issue 18.5): two store instances with their own connections and their
// own in-memory caches answer alike, and a write through one is seen by the other's next read (stored
// timelines are keyed by the story's version in the database, never by what an instance remembers).

const spill = () => SPILL.map(([t, d], i) => art(t, d, { id: `spill${i}`, source: 'Bay Gazette' }));
const council = () => COUNCIL.map(([t, d], i) => art(t, d, { id: `council${i}` }));
const spillStory = async (s: Store) =>
  (await s.listStories()).find((x) => x.topEntities.some((e) => e.name === 'Northern Gull'))!.id;

contract(
  'two store instances on one database give the same answers after either writes',
  ['storage'],
  async (b) => {
    const a = await b.open({ analyzer: miniAnalyze });
    const other = await openStore(b.lastLocation(), { analyzer: miniAnalyze });
    try {
      const sp = spill();
      await a.ingest([sp[0], sp[1], ...council()]);
      const id = await spillStory(a);
      assert.equal(await spillStory(other), id);
      // both read (and cache) the story's timeline at this version
      const first = await a.storyTimeline(id, { sentences: 1 });
      assert.deepEqual(await other.storyTimeline(id, { sentences: 1 }), first);
      // the other instance writes: the first one's next read follows, from the version in the database
      const r = await other.ingest([sp[2], sp[3]]);
      assert.ok(r.storiesTouched.includes(id));
      const updated = await other.storyTimeline(id, { sentences: 1 });
      assert.notDeepEqual(updated, first);
      assert.deepEqual(await a.storyTimeline(id, { sentences: 1 }), updated);
      assert.deepEqual(await a.storyDays(id), await other.storyDays(id));
      assert.deepEqual(
        (await a.search('tanker')).map((h) => h.articleId),
        (await other.search('tanker')).map((h) => h.articleId),
      );
      assert.deepEqual(await a.listStories(), await other.listStories());
    } finally {
      await other.close();
      await a.close();
    }
  },
);
