import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTimeline17Layout } from '../../src/eval/timeline17.js';
import { cachedTopicAnalysis } from '../../src/eval/tls-prepare.js';
import { makeTask, spanOptions } from '../../src/eval/tls-train.js';
import { buildTimelineFromAnalysis } from '../../src/timeline/index.js';
import { writeT17Fixture } from './t17-fixture.js';

test('a cached topic analysis gives the same timeline as a fresh one; a changed input is re-analysed', () => {
  const root = writeT17Fixture();
  const cache = mkdtempSync(join(tmpdir(), 't17-cache-'));
  const { topics } = readTimeline17Layout(root);
  const topic = topics.find((t) => t.name === 'flood')!;
  const timeline = (analysis: Parameters<typeof makeTask>[4]) => {
    const t = makeTask(0, topic.name, topic.tasks[0]!, topic.keywords, analysis);
    return buildTimelineFromAnalysis(t.analysis, { ...spanOptions(t), dates: 3, sentences: 2 }).entries;
  };
  const fresh = cachedTopicAnalysis(root, topic, undefined, () => {});
  const first = cachedTopicAnalysis(root, topic, cache, () => {});
  const again = cachedTopicAnalysis(root, topic, cache, () => {});
  assert.deepEqual([fresh.fromCache, first.fromCache, again.fromCache], [false, false, true]);
  assert.deepEqual(timeline(again.analysis), timeline(fresh.analysis));
  assert.ok(timeline(fresh.analysis).length > 0);
  assert.equal(readdirSync(cache).length, 1);
  writeFileSync(
    join(root, 'flood_gazette/InputDocs/2021-03-01/9.htm.txt'),
    'Boats were moved to higher moorings .\n',
  );
  assert.equal(cachedTopicAnalysis(root, topic, cache, () => {}).fromCache, false);
});
