import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tagTimexes } from '../../src/nlp/timex/index.js';
import { removeOverlaps } from '../../src/nlp/timex/refine.js';
import type { Candidate } from '../../src/nlp/timex/types.js';

const cand = (start: number, end: number, rule: string, priority = 0): Candidate => ({
  start,
  end,
  rule,
  priority,
  resolve: () => null,
});

test('the longest of overlapping candidates wins, then the higher priority', () => {
  const kept = removeOverlaps(
    [cand(0, 6, 'a'), cand(0, 12, 'b'), cand(8, 14, 'c'), cand(20, 25, 'd', 0), cand(20, 25, 'e', 2)],
    30,
  );
  assert.deepEqual(
    kept.map((c) => c.rule),
    ['b', 'e'],
  );
});

test('no two timexes overlap and offsets always match the text, in past and future sentences', () => {
  const text =
    'Talks that began on Monday, March 7, 2011 at 10 a.m. will resume next Monday at noon. Earlier this month, two weeks ago, the fund lost more than a third of its value; a year earlier it had gained for three straight years.';
  const all = tagTimexes(text, { dct: '2011-03-09' });
  for (let i = 0; i < all.length; i++) {
    assert.equal(text.slice(all[i].start, all[i].end), all[i].text);
    if (i) assert.ok(all[i - 1].end <= all[i].start, `${all[i - 1].text} overlaps ${all[i].text}`);
  }
  assert.ok(all.some((t) => t.text === 'Monday, March 7, 2011' && t.value === '2011-03-07'));
  assert.ok(all.some((t) => t.text === 'next Monday at noon' || t.text === 'next Monday'));
});

test('approximate dates keep their modifier in the extent', () => {
  const s = 'The Kelso plant will close around Nov. 1, and a new one may open sometime next year.';
  const all = tagTimexes(s, { dct: '2011-03-09' });
  const around = all.find((t) => t.text === 'around Nov. 1');
  assert.ok(around, JSON.stringify(all.map((t) => t.text)));
  assert.equal(around.mod, 'APPROX');
  assert.ok(all.some((t) => t.text === 'sometime next year' && t.value === '2012'));
});
