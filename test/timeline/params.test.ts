import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimelineFromAnalysis, DEFAULT_PARAMS, timelineParams } from '../../src/timeline/index.js';
import { article, analysis } from './helpers.js';

test('the default parameters are frozen; overrides make a new object', () => {
  assert.ok(Object.isFrozen(DEFAULT_PARAMS));
  assert.throws(() => {
    (DEFAULT_PARAMS as { redundancy: number }).redundancy = 0.9;
  }, TypeError);
  const p = timelineParams({ redundancy: 0.3 });
  assert.equal(p.redundancy, 0.3);
  assert.notEqual(DEFAULT_PARAMS.redundancy, 0.3);
  assert.ok(Object.isFrozen(p));
  assert.throws(() => timelineParams({ nosuch: 1 } as never), /unknown timeline parameter "nosuch"/);
  assert.throws(() => timelineParams({ minWords: Number.NaN }), /must be a finite number/);
});

test('parameters are passed to the method, not set globally', () => {
  const a = analysis([
    article('s', '2024-06-02', [
      { text: 'Crews reopened the coast road on Saturday after the landslide.', days: ['2024-06-01'] },
      {
        text: 'The landslide had blocked the coast road near Trevane for a week before crews cleared it.',
        days: ['2024-06-01'],
      },
    ]),
  ]);
  const before = { ...DEFAULT_PARAMS };
  const short = buildTimelineFromAnalysis(a, {
    dates: 1,
    sentences: 2,
    params: { maxWords: 12, eventSimilarity: 2 },
  });
  assert.deepEqual(short.entries[0]!.summary, [
    'Crews reopened the coast road on Saturday after the landslide.',
  ]);
  assert.deepEqual({ ...DEFAULT_PARAMS }, before);
  // eventSimilarity 2: the two sentences are never one event, so only maxWords decides
  const both = buildTimelineFromAnalysis(a, { dates: 1, sentences: 2, params: { eventSimilarity: 2 } });
  assert.equal(both.entries[0]!.summary.length, 2, 'the override did not stay behind');
});
