import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isQuoted, parseAnn, QuoteScorer } from '../../src/eval/polnear.js';

const text = 'The port reopened. "It is a good day," the mayor said. Boats left early, officials said.';
const span = (s: string) => {
  const i = text.indexOf(s);
  return `${i} ${i + s.length}\t${s}`;
};
const ann = [
  `T1\tContent ${span('"It is a good day,"')}`,
  `T2\tSource ${span('the mayor')}`,
  `T3\tCue ${span('said')}`,
  `T4\tContent ${span('Boats left early')}`,
  `T5\tSource ${span('officials')}`,
  `E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2`,
  `E2\tAttribution:T3 Content:T4 Source:T5`,
].join('\n');

test('brat attributions are read with content, source and direct flag', () => {
  const { attributions, errors } = parseAnn('x.ann', ann, text);
  assert.deepEqual(errors, []);
  assert.equal(attributions.length, 2);
  assert.equal(attributions[0].direct, true);
  assert.equal(attributions[1].direct, false);
  assert.equal(text.slice(attributions[1].source![0].start, attributions[1].source![0].end), 'officials');
});

test('bad lines are reported with file and line, the rest is read', () => {
  const bad = ann + '\nT9\tContent 5 9999\tnothing\nT10 broken line\n';
  const { attributions, errors } = parseAnn('doc.ann', bad, text);
  assert.equal(attributions.length, 2);
  assert.equal(errors.length, 2);
  assert.match(errors[0].message, /^doc\.ann:8: span 5-9999 is beyond the text/);
  assert.match(errors[1].message, /^doc\.ann:9: malformed/);
});

test('an annotation file that does not fit its text is flagged', () => {
  const other =
    'A completely different text that is long enough to hold the offsets of the spans above, yes.';
  const { errors } = parseAnn('doc.ann', ann, other);
  assert.ok(errors.some((e) => /do not match the text/.test(e.message)));
});

test('quotation detection: marks inside or right outside the span', () => {
  const i = text.indexOf('It is');
  assert.ok(isQuoted(text, i, i + 'It is a good day,'.length));
  assert.ok(!isQuoted(text, 0, 18));
});

test('scorer: overlap and exact matches, source agreement, direct subset', () => {
  const { attributions } = parseAnn('x.ann', ann, text);
  const sc = new QuoteScorer();
  const q = text.indexOf('It is');
  const m = text.indexOf('the mayor');
  sc.add(text, attributions, [
    { content: { start: q, end: q + 'It is a good day,'.length }, source: { start: m, end: m + 9 } },
    { content: { start: 0, end: 18 }, source: null },
  ]);
  const s = sc.score();
  assert.equal(s.direct.content.r, 1);
  assert.equal(s.direct.content.exact.r, 1);
  assert.equal(s.direct.source.acc, 1);
  assert.equal(s.all.content.r, 0.5);
  assert.equal(s.all.content.p, 0.5);
});
