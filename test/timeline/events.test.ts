import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimelineFromAnalysis } from '../../src/timeline/index.js';
import { timelineText } from '../../src/render/text.js';
import { article, analysis } from './helpers.js';

const DAY = '2024-09-10';

/** Three outlets paraphrase one event (the ferry), one outlet reports another (the strike). */
const corpus = () =>
  analysis([
    article(
      'g1',
      '2024-09-11',
      [{ text: 'The Skarholm ferry ran aground near the northern pier on Tuesday evening.', days: [DAY] }],
      { source: 'Harbour Gazette' },
    ),
    article(
      'g2',
      '2024-09-11',
      [{ text: 'On Tuesday evening the Skarholm ferry ran aground near the northern pier.', days: [DAY] }],
      { source: 'Harbour Gazette' },
    ),
    article(
      'l1',
      '2024-09-11',
      [
        {
          text: 'The Skarholm ferry ran aground on Tuesday evening near the northern pier, stranding passengers.',
          days: [DAY],
        },
      ],
      { source: 'Northern Ledger' },
    ),
    article(
      'w1',
      '2024-09-11',
      [
        {
          text: 'Passengers were stranded after the Skarholm ferry ran aground near the northern pier on Tuesday.',
          days: [DAY],
        },
      ],
      { source: 'Coast Wire' },
    ),
    article(
      's1',
      '2024-09-11',
      [
        {
          text: 'Bus drivers in the capital began a two-day strike over shift patterns on Tuesday.',
          days: [DAY],
        },
      ],
      { source: 'City Post' },
    ),
  ]);

test('one sentence per event: paraphrases of one event are not picked twice', () => {
  const t = buildTimelineFromAnalysis(corpus(), { dates: 1, sentences: 2, params: { eventSimilarity: 0.4 } });
  const e = t.entries[0]!;
  assert.equal(e.summary.length, 2);
  assert.equal(e.summary.filter((s) => /ferry/.test(s)).length, 1, e.summary.join(' | '));
  assert.equal(e.summary.filter((s) => /strike/.test(s)).length, 1);
  assert.equal(e.events, 2, 'the day had two events');
});

test('entries and sentences say how many outlets carried them (outlets, not articles)', () => {
  const t = buildTimelineFromAnalysis(corpus(), { dates: 1, sentences: 2, params: { eventSimilarity: 0.4 } });
  const e = t.entries[0]!;
  const ferry = e.sentences.find((s) => /ferry/.test(s.text))!;
  const strike = e.sentences.find((s) => /strike/.test(s.text))!;
  assert.equal(ferry.outlets, 3, 'four articles, three outlets');
  assert.equal(strike.outlets, 1);
  assert.equal(e.outlets, 4);
  assert.ok(e.summary[0]!.includes('ferry'), 'the event more outlets report comes first');
  const text = timelineText(t);
  assert.match(text, /ferry[^-]*\(3 outlets\)/);
  assert.doesNotMatch(text, /strike[^\n]*outlets\)/, 'one outlet is not shown as corroboration');
});
