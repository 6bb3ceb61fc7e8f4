import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline } from '../../src/index.js';

test("an article's own headline is not used as a summary sentence", () => {
  const t = buildTimeline(
    [
      {
        title: 'Old road bridge shut after a crack is found',
        publishedAt: '2025-04-02',
        text: 'Old road bridge shut after a crack is found\nEngineers closed the Millbrook bridge on Tuesday after a crack appeared in one of its piers.',
      },
      {
        title: 'Ferry service starts while the old bridge stays shut',
        publishedAt: '2025-04-03',
        text: 'Ferry service starts while the old bridge stays shut\nThe Millbrook bridge was closed on Tuesday, and a ferry began carrying commuters across the river today.',
      },
    ],
    { sentences: 3 },
  );
  const summaries = t.entries.flatMap((e) => e.summary);
  assert.ok(summaries.length > 0);
  assert.ok(
    summaries.every(
      (s) =>
        s !== 'Old road bridge shut after a crack is found' &&
        s !== 'Ferry service starts while the old bridge stays shut',
    ),
  );
  assert.ok(t.entries.some((e) => e.date === '2025-04-01'));
});
