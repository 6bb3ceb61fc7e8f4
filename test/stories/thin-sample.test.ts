/**
 * Small stories are judged as fragments (merged into their nearest story at the low smallMergeThreshold) only
 * once the store is dense enough (settleArticles): a thin sample of a long period — the first batches of an
 * archive ingested in random order — has only small stories, and judging them then chains unrelated events.
 * Hand-made feature vectors; no dataset text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  STORY_PARAMS,
  StoryClusterer,
  type ArticleFeatures,
  type DocFreq,
} from '../../src/stories/cluster.js';
import { shuffled } from '../../src/cli/eval/stories.js';
import { addDays as shiftDay } from '../../src/util/day.js';

/** Joins only near-identical articles, so every article starts its own story and only the merge pass joins. */
const params = { ...STORY_PARAMS, threshold: 0.9, mergeThreshold: 0.95 };

function feature(id: string, day: string, terms: Record<string, number>): ArticleFeatures {
  const norm = Math.hypot(...Object.values(terms));
  return {
    id,
    day,
    terms: new Map(Object.entries(terms).map(([t, w]) => [t, w / norm])),
    entities: new Map(),
  };
}

/** Two small stories 9 days apart sharing some vocabulary (similar well above smallMergeThreshold), an unrelated
 * later article that settles them, and `filler` unrelated articles spread over the same year. */
function run(filler: number): [string, string][] {
  const df: DocFreq = { docs: 10_000, df: new Map() };
  let n = 0;
  const c = new StoryClusterer([], df, () => `s${++n}`, params);
  c.add(feature('a', '2020-01-01', { harbour: 1, strike: 1, shared: 1 }));
  c.add(feature('b', '2020-01-10', { harbour: 1, ferry: 1, shared: 1 }));
  for (let i = 0; i < filler; i++)
    c.add(feature(`f${i}`, shiftDay('2020-01-01', i % 366), { [`other${i}`]: 1, [`word${i}`]: 1 }));
  c.add(feature('z', '2021-01-01', { unrelated: 1 }));
  return c.mergeSimilar([...c.stories.keys()].sort());
}

test('a thin sample of a long period leaves its small stories alone', () => {
  // 3 articles over a year: at that density a story's window holds far fewer than settleArticles articles.
  assert.deepEqual(run(0), []);
});

test('once the store covers the period densely, the same small stories merge', () => {
  // ~2,000 articles over the year: about 400 in a story's two-month window, well over settleArticles.
  const merges = run(2000);
  assert.deepEqual(merges, [['s2', 's1']]);
});

test('the eval shuffle is seeded and reproducible', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  assert.deepEqual(shuffled(items, 7), shuffled(items, 7));
  assert.notDeepEqual(shuffled(items, 7), shuffled(items, 8));
  assert.deepEqual(
    [...shuffled(items, 7)].sort((x, y) => x - y),
    items,
  );
});
