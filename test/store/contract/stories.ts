/**
 * Stable story ids: a story merged into another keeps its id as an alias, so ids handed out before the merge
 * (links, `--story`) still reach the story; aliases follow further merges, and new stories never reuse them.
 */
import assert from 'node:assert/strict';
import { contract, type Backend } from './backends.js';
import { exportStory } from '../../../src/render/story-export.js';
import { art, COUNCIL, miniAnalyze, SPILL } from '../helpers.js';

const MORE_HARBOUR = [
  'Divers checked the hull of the tanker Northern Gull in Kessel Bay for more diesel. Mara Oduya said the harbour water was clean.',
  'The owners of the tanker Northern Gull paid for the Kessel Bay diesel cleanup. Mara Oduya thanked the harbour crews.',
  'Inspectors blamed a faulty engine for the grounding of the tanker Northern Gull in Kessel Bay. Mara Oduya said harbour rules would change.',
  'The tanker Northern Gull left Kessel Bay under tow. The harbour diesel booms were removed, said Mara Oduya.',
];

/** Two forced stories on one subject, then a clustered batch that shows they are one: s2 merges into s1. */
async function mergedStore(b: Backend) {
  const s = await b.open({ analyzer: miniAnalyze });
  await s.ingest([art(SPILL[0][0], SPILL[0][1])], { story: 's1' });
  await s.ingest([art(SPILL[1][0], SPILL[1][1])], { story: 's2' });
  const r = await s.ingest([art(SPILL[2][0], SPILL[2][1])]);
  assert.deepEqual(r.merged, [{ from: 's2', into: 's1' }]);
  return s;
}

contract('a merged story id still finds the story it joined, in every read', ['clustering'], async (b) => {
  const s = await mergedStore(b);
  assert.equal((await s.getStory('s2'))?.id, 's1');
  assert.equal((await s.getStory('s2'))?.articles, 3);
  assert.deepEqual(await s.storyTimeline('s2'), await s.storyTimeline('s1'));
  assert.deepEqual(
    (await s.entities({ story: 's2' })).map((e) => e.name),
    (await s.entities({ story: 's1' })).map((e) => e.name),
  );
  assert.equal((await s.quotes({ story: 's2' })).length, (await s.quotes({ story: 's1' })).length);
  assert.ok((await s.quotes({ story: 's2' })).length > 0);
  assert.equal((await s.search('diesel', { story: 's2' })).length, 3);
  assert.equal((await s.storyAnalysis('s2')).articles.length, 3);
  assert.equal(JSON.parse(await exportStory(s, 's2', 'json')).story.id, 's1');
  // Articles sent to the old id go to the story it joined.
  const r = await s.ingest([art(SPILL[3][0], SPILL[3][1])], { story: 's2' });
  assert.deepEqual(r.storiesTouched, ['s1']);
  assert.equal((await s.getStory('s1'))?.articles, 4);
  await s.close();
});

contract('a new story never takes the id of a merged one', ['clustering'], async (b) => {
  const s = await mergedStore(b);
  // s2's row was the last one: a new story gets its rowid again, but not its id.
  const r = await s.ingest([art(COUNCIL[0][0], COUNCIL[0][1])]);
  assert.equal(r.storiesTouched.length, 1);
  assert.notEqual(r.storiesTouched[0], 's2');
  assert.equal((await s.getStory('s2'))?.id, 's1');
  await s.close();
});

contract('aliases follow a story that is merged in turn', ['clustering'], async (b) => {
  const s = await mergedStore(b);
  await s.ingest(
    MORE_HARBOUR.map((t, i) => art(t, `2024-03-1${i}`)),
    { story: 'later' },
  );
  const r = await s.ingest([art(SPILL[3][0], SPILL[3][1])]);
  assert.deepEqual(r.merged, [{ from: 's1', into: 'later' }]);
  assert.equal((await s.getStory('s1'))?.id, 'later');
  assert.equal((await s.getStory('s2'))?.id, 'later');
  assert.equal(await s.getStory('nonesuch'), null);
  await s.close();
});
