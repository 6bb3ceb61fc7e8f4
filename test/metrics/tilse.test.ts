import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatTilseTimeline,
  parseTilseTimeline,
  scoreTimeline,
  type TilseTimeline,
} from '../../src/eval/tilse.js';

const gold: TilseTimeline = new Map([
  ['2020-01-01', ['Storm hits coast']],
  ['2020-01-03', ['Power restored in town']],
]);
const pred: TilseTimeline = new Map([
  ['2020-01-01', ['Storm hits coast']],
  ['2020-01-02', ['Power restored']],
]);

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} != ${b}`);

test('date precision/recall/F1 over date sets', () => {
  const s = scoreTimeline(pred, [gold]);
  near(s.date.p, 0.5);
  near(s.date.r, 0.5);
  near(s.date.f, 0.5);
});

test('concat ROUGE-1/2 (hand-checked: tokens storm hit coast power restor [town])', () => {
  const s = scoreTimeline(pred, [gold]);
  near(s.concat.rouge1.p, 1);
  near(s.concat.rouge1.r, 5 / 6);
  near(s.concat.rouge1.f, 10 / 11);
  near(s.concat.rouge2.p, 1);
  near(s.concat.rouge2.r, 0.8);
});

test('agreement compares only common dates, normalised by all content', () => {
  const s = scoreTimeline(pred, [gold]);
  near(s.agreement.rouge1.p, 3 / 5);
  near(s.agreement.rouge1.r, 3 / 6);
  near(s.agreement.rouge1.f, 6 / 11);
});

test('alignM1 aligns each date to its cheapest counterpart and discounts by 1/(days+1)', () => {
  const s = scoreTimeline(pred, [gold]);
  // precision: 01↔01 (3 hits) + 02→03 (2 hits × 1/2) over 5 predicted unigrams
  near(s.alignM1.rouge1.p, 4 / 5);
  // recall: 01↔01 (3) + 03→02 (2 × 1/2) over 6 reference unigrams
  near(s.alignM1.rouge1.r, 4 / 6);
  near(s.alignM1.rouge2.p, 2.5 / 3);
  near(s.alignM1.rouge2.r, 2.5 / 4);
});

test("alignM1's content cost counts quote tokens but not single punctuation (tilse's string.punctuation test)", () => {
  // The predicted date 01-10 shares `` and '' (and Boats, once the comma is dropped) with two references.
  // Approximate ROUGE-1 with tilse's token filter: vs 01-09 {`` Cars ''} F = 2/3, cost (1/2)(1/3) = 0.167;
  // vs 01-07 {Boats sank} F = 0.4, cost (3/4)(0.6) = 0.45, so 01-10 aligns to 01-09. Were the quote tokens
  // dropped too, 01-07 would win (cost 0.25 against 0.5) and precision would be 0.25 instead of 0.
  const ref: TilseTimeline = new Map([
    ['2020-01-07', ['Boats sank']],
    ['2020-01-09', ["`` Cars ''"]],
  ]);
  const sys: TilseTimeline = new Map([['2020-01-10', ["`` Boats '' ,"]]]);
  const s = scoreTimeline(sys, [ref]);
  near(s.alignM1.rouge1.p, 0);
  // recall: both reference dates align to the only predicted date; boat matches 01-07 at 1/4 weight,
  // over 3 reference unigrams (car, boat, sank).
  near(s.alignM1.rouge1.r, 0.25 / 3);
});

test('an empty predicted timeline scores 0', () => {
  const s = scoreTimeline(new Map(), [gold]);
  for (const v of [s.concat.rouge1, s.agreement.rouge2, s.alignM1.rouge1, s.date])
    assert.deepEqual(v, { p: 0, r: 0, f: 0 });
});

test('reader: tilse semantics, the truncated-day repair and warnings', () => {
  const dashes = '-'.repeat(32);
  const text = [
    '2011-04-0',
    'Jury selection begins .',
    dashes,
    '2011-05-02',
    'First .',
    dashes,
    '2011-05-02',
    'Second .',
    dashes,
    '2011-06-01',
    'Unclosed .',
  ].join('\n');
  const { timeline, warnings } = parseTilseTimeline(text, 'x.txt');
  assert.deepEqual([...timeline.keys()], ['2011-04-02', '2011-05-02']);
  assert.deepEqual(timeline.get('2011-05-02'), ['Second .']); // a later block replaces an earlier one
  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!, /x\.txt:1: malformed date "2011-04-0" read as 2011-04-02/);
  assert.match(warnings[1]!, /no closing separator/);
});

test('writer round-trips through the reader', () => {
  const again = parseTilseTimeline(formatTilseTimeline(pred)).timeline;
  assert.deepEqual([...again.entries()], [...pred.entries()]);
});
