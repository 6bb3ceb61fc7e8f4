import assert from 'node:assert/strict';
import { contract, storedTimelineRow } from './backends.js';
import type { Store } from '../../../src/store/index.js';
import { art, COUNCIL, miniAnalyze, SPILL } from '../helpers.js';

const spill = () =>
  SPILL.map(([t, d], i) =>
    art(t, d, { id: `spill${i}`, source: 'Bay Gazette', title: `Harbour report ${i}`, topic: 'spill' }),
  );
const council = () => COUNCIL.map(([t, d], i) => art(t, d, { id: `council${i}`, topic: 'council' }));
const spillStory = async (s: Store) =>
  (await s.listStories()).find((x) => x.topEntities.some((e) => e.name === 'Northern Gull'))!.id;

contract(
  'a stored timeline is updated by ingest and equals a full rebuild on the same articles',
  ['stored-timelines'],
  async (b) => {
    const inc = await b.open({ analyzer: miniAnalyze });
    const sp = spill();
    await inc.ingest([sp[0], sp[1], ...council()]);
    const id = await spillStory(inc);
    const before = await inc.storyTimeline(id, { sentences: 1 });
    const r = await inc.ingest([sp[2], sp[3]]);
    assert.ok(r.storiesTouched.includes(id));
    // The stored timeline was brought up to date by the ingest itself (same story version, no rebuild on read).
    const row = (await storedTimelineRow(inc, id))!;
    assert.equal(row.fresh, true);
    const updated = JSON.parse(row.json);
    assert.notDeepEqual(updated, before);

    const full = await b.open({ analyzer: miniAnalyze });
    await full.ingest([...spill(), ...council()]);
    const fid = await spillStory(full);
    assert.deepEqual(updated, await full.buildStoryTimeline!(fid, { sentences: 1 }));
    assert.deepEqual(await inc.storyTimeline(id, { sentences: 1 }), updated);
    assert.deepEqual(await inc.storyDays(id), await full.storyDays(fid));
    // Stories the batch did not touch keep their stored state.
    const councilId = (await inc.listStories()).find((x) => x.id !== id)!.id;
    assert.ok(!r.storiesTouched.includes(councilId));
    await inc.close();
    await full.close();
  },
);

contract('timelines rebuilt from the store match the analysis that was stored', async (b) => {
  const s = await b.open({ analyzer: miniAnalyze });
  const input = spill();
  await s.ingest(input);
  const id = await spillStory(s);
  const analysis = await s.storyAnalysis(id);
  assert.deepEqual(
    analysis.articles.map((a) => a.id),
    ['spill0', 'spill1', 'spill2', 'spill3'],
  );
  assert.deepEqual(
    analysis.articles.map((a) => a.sentences.map((x) => x.text)),
    input.map((a) => a.sentences.map((x) => x.text)),
  );
  // Sentences repeated across articles share a dup group; others do not.
  const groups = analysis.articles.flatMap((a) => a.sentences.map((x) => x.dupGroup));
  assert.equal(new Set(groups).size, groups.length);
  assert.ok(analysis.entities.some((e) => e.name === 'Mara Oduya' && e.articleIds.length === 3));
  await s.close();
});
