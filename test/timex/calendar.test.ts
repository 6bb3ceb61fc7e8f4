import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, fmtWeek, isoWeek, shiftToWeekday, weekday } from '../../src/nlp/timex/calendar.js';

test('ISO weeks across year boundaries (ISO 8601: week 1 holds the first Thursday)', () => {
  assert.deepEqual(isoWeek({ y: 2011, m: 3, d: 7 }), { year: 2011, week: 10 });
  assert.deepEqual(isoWeek({ y: 2010, m: 1, d: 3 }), { year: 2009, week: 53 });
  assert.deepEqual(isoWeek({ y: 2008, m: 12, d: 29 }), { year: 2009, week: 1 });
  assert.equal(fmtWeek({ y: 2022, m: 2, d: 9 }), '2022-W06');
});

test('weekday arithmetic and month clamping', () => {
  assert.equal(weekday({ y: 2011, m: 3, d: 7 }), 1);
  assert.deepEqual(shiftToWeekday({ y: 2011, m: 3, d: 9 }, 1, -1, false), { y: 2011, m: 3, d: 7 });
  assert.deepEqual(shiftToWeekday({ y: 2011, m: 3, d: 9 }, 3, 1, true), { y: 2011, m: 3, d: 16 });
  assert.deepEqual(addMonths({ y: 2011, m: 1, d: 31 }, 1), { y: 2011, m: 2, d: 28 });
});
