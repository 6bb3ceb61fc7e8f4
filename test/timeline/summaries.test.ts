import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimelineFromAnalysis } from '../../src/timeline/index.js';
import { article, analysis } from './helpers.js';

test('near-duplicate sentences are one fact with all their sources', () => {
  const t = buildTimelineFromAnalysis(
    analysis([
      article('w1', '2024-02-13', [
        {
          text: 'Two anti-pollution vessels were sent to the bay on Monday.',
          days: ['2024-02-12'],
          dupGroup: 4,
        },
      ]),
      article('w2', '2024-02-13', [
        {
          text: 'Two anti-pollution vessels were sent to the bay on Monday.',
          days: ['2024-02-12'],
          dupGroup: 4,
        },
      ]),
    ]),
    { dates: 1, sentences: 2 },
  );
  const e = t.entries[0]!;
  assert.equal(e.summary.length, 1, 'the copy is not repeated');
  assert.deepEqual(
    e.sentences[0]!.sources.map((s) => s.articleId),
    ['w1', 'w2'],
  );
  assert.equal(e.sentences[0]!.sources[0]!.title, 'Title w1');
});

test('k sentences per date at most, and quality filters drop questions and fragments', () => {
  const t = buildTimelineFromAnalysis(
    analysis([
      article('q', '2024-04-03', [
        { text: 'Was the storm barrier closed too late on Tuesday night?', days: ['2024-04-02'] },
        { text: 'and then the water rose over the quay on Tuesday', days: ['2024-04-02'] },
        { text: 'The storm barrier was closed late on Tuesday night after warnings.', days: ['2024-04-02'] },
        { text: 'Flood water covered the harbour road for six hours on Tuesday.', days: ['2024-04-02'] },
        { text: 'Emergency crews pumped water from flooded cellars on Tuesday.', days: ['2024-04-02'] },
      ]),
    ]),
    { dates: 1, sentences: 2 },
  );
  const summary = t.entries[0]!.summary;
  assert.equal(summary.length, 2);
  assert.ok(summary.every((s) => !s.endsWith('?') && /^[A-Z]/.test(s)));
});

test('no redundancy across dates: a sentence chosen for one day is not repeated for another', () => {
  const same = 'The tanker Aster Dawn struck the eastern quay and spilled crude oil.';
  const t = buildTimelineFromAnalysis(
    analysis([
      article('r1', '2024-02-06', [{ text: same, days: ['2024-02-05', '2024-02-06'] }]),
      article('r2', '2024-02-06', [
        {
          text: 'Oil reached the northern beaches and volunteers began cleaning on Tuesday.',
          days: ['2024-02-06'],
        },
      ]),
      article('r3', '2024-02-06', [
        { text: 'Divers inspected the damaged hull of the tanker on Monday.', days: ['2024-02-05'] },
      ]),
    ]),
    { dates: 2, sentences: 1 },
  );
  const texts = t.entries.map((e) => e.summary[0]);
  assert.equal(new Set(texts).size, texts.length);
});
