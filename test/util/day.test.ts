import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  calendarDay,
  dayOrdinal,
  daysBetween,
  daysInMonth,
  isCalendarDay,
  MONTH_NAMES,
  msToDay,
  dayToMs,
  WEEKDAY_NAMES,
} from '../../src/util/day.js';
import { VERSION } from '../../src/version.js';
import { readFileSync } from 'node:fs';

test('addDays crosses month, year and leap-day boundaries both ways', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2023-02-28', 1), '2023-03-01');
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2025-01-01', -1), '2024-12-31');
  assert.equal(addDays('2024-03-10', 0), '2024-03-10');
});

test('daysBetween and dayOrdinal agree and are signed', () => {
  assert.equal(daysBetween('2024-01-01', '2024-03-01'), 60);
  assert.equal(daysBetween('2024-03-01', '2024-01-01'), -60);
  assert.equal(dayOrdinal('1970-01-02'), 1);
  assert.equal(dayOrdinal('2024-03-01') - dayOrdinal('2024-01-01'), 60);
  assert.equal(msToDay(dayToMs('2031-07-04') + 5 * 3_600_000), '2031-07-04');
});

test('calendar checks refuse days the calendar lacks', () => {
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(calendarDay(2023, 2, 29), null);
  assert.equal(calendarDay(2024, 2, 29), '2024-02-29');
  assert.equal(calendarDay(2024, 13, 1), null);
  assert.equal(calendarDay(987, 4, 9), '0987-04-09');
  assert.equal(isCalendarDay('2024-02-30'), false);
  assert.equal(isCalendarDay('2024-2-3'), false);
  assert.equal(isCalendarDay('2024-02-03'), true);
});

test('month and weekday names are in calendar order', () => {
  assert.equal(MONTH_NAMES.length, 12);
  assert.equal(MONTH_NAMES[0], 'january');
  assert.equal(MONTH_NAMES[11], 'december');
  assert.deepEqual([WEEKDAY_NAMES[0], WEEKDAY_NAMES[6]], ['monday', 'sunday']);
});

test('the version is the one package.json states', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(VERSION, pkg.version);
});
