/**
 * Incremental ingest: adding articles to the store in batches (day by day, or a few at a time) gives the same
 * stories as clustering them in one batch. Three events overlap in time and share everyday vocabulary, so a
 * new event's first small story is exactly what a too-eager fragment merge would feed to an older story.
 * All fixture text is our own writing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterArticles } from '../../src/stories/index.js';
import { clusterThroughStore } from '../../src/cli/eval/stories.js';
import { fixture, partition } from './events.js';

test('one batch finds the three events', async () => {
  const { articles, event } = fixture();
  const storyOf = clusterArticles(articles);
  assert.equal(
    partition(storyOf),
    partition(new Map(articles.map((a) => [a.id, event.get(a.id)!]))),
    'one story per event',
  );
});

test('day-by-day and small batches through the store give the one-batch partition', async () => {
  const { articles } = fixture();
  const want = partition(clusterArticles(articles));
  assert.equal(partition(await clusterThroughStore(articles, articles.length)), want, 'one store batch');
  assert.equal(partition(await clusterThroughStore(articles, 'day')), want, 'one batch per day');
  for (const n of [1, 3, 4])
    assert.equal(partition(await clusterThroughStore(articles, n)), want, `batches of ${n}`);
});
