/** The resolver layer: turns granular offsets from the DCT or an anchor into TIMEX3 values. */
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, fmtYear, quarterOf, type Day } from './calendar.js';
import type { Direction } from './types.js';

export type Gran = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

/** Value with X placeholders for a granularity when there is no reference date. */
export function unknownValue(g: Gran): string {
  switch (g) {
    case 'day':
      return 'XXXX-XX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'month':
      return 'XXXX-XX';
    case 'quarter':
      return 'XXXX-QX';
    case 'half':
      return 'XXXX-HX';
    case 'year':
      return 'XXXX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
  }
}

/** Formats a day at a granularity ("2011-W09", "2011-Q1", "201"). */
export function valueAt(d: Day, g: Gran): string {
  switch (g) {
    case 'day':
      return fmtDay(d);
    case 'week':
      return fmtWeek(d);
    case 'weekend':
      return fmtWeek(d) + '-WE';
    case 'month':
      return fmtMonth(d.y, d.m);
    case 'quarter':
      return `${fmtYear(d.y)}-Q${quarterOf(d.m)}`;
    case 'half':
      return `${fmtYear(d.y)}-H${d.m <= 6 ? 1 : 2}`;
    case 'year':
      return fmtYear(d.y);
    case 'decade':
      return fmtYear(d.y).slice(0, 3);
    case 'century':
      return fmtYear(d.y).slice(0, 2);
  }
}

/** Shifts a day by n units of a granularity. */
export function shift(d: Day, g: Gran, n: number): Day {
  switch (g) {
    case 'day':
      return addDays(d, n);
    case 'week':
    case 'weekend':
      return addDays(d, 7 * n);
    case 'month':
      return addMonths(d, n);
    case 'quarter':
      return addMonths(d, 3 * n);
    case 'half':
      return addMonths(d, 6 * n);
    case 'year':
      return addMonths(d, 12 * n);
    case 'decade':
      return addMonths(d, 120 * n);
    case 'century':
      return addMonths(d, 1200 * n);
  }
}

/** "last/this/next <unit>" relative to the DCT: the value of the unit n steps away. */
export function relativeUnit(dct: Day | null, g: Gran, n: number): string {
  if (!dct) return unknownValue(g);
  return valueAt(shift(dct, g, n), g);
}

/**
 * Year of a month named without a year ("in March"). Future cues are reliable, so a future month earlier
 * in the year is next year's; past cues are noisy (participles, reported speech), so they only move a
 * month well ahead of the DCT to the previous year; otherwise the nearest occurrence wins.
 */
export function yearForMonth(dct: Day, month: number, dir: Direction): number {
  const gap = month - dct.m;
  if (dir > 0 && gap < 0) return dct.y + 1;
  if (dir < 0 && gap > 3) return dct.y - 1;
  if (gap > 6 && dir <= 0) return dct.y - 1;
  if (gap < -6 && dir >= 0) return dct.y + 1;
  return dct.y;
}

/** Year of a day-of-month named without a year ("Feb. 3"): like yearForMonth but day-precise. */
export function yearForMonthDay(dct: Day, month: number, day: number, dir: Direction): number {
  // Days from the DCT to the date in the DCT's year (approximate months are enough here).
  const gap = (month - dct.m) * 30.5 + (day - dct.d);
  if (dir > 0 && gap < -7) return dct.y + 1;
  if (dir < 0 && gap > 120) return dct.y - 1;
  if (gap > 183 && dir <= 0) return dct.y - 1;
  if (gap < -183 && dir >= 0) return dct.y + 1;
  return dct.y;
}

/** Parses a previously emitted DATE value back to a day and its granularity (for anchored expressions). */
export function parseValue(v: string): { day: Day; gran: Gran } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return { day: { y: +m[1], m: +m[2], d: +m[3] }, gran: 'day' };
  m = /^(\d{4})-Q(\d)$/.exec(v);
  if (m) return { day: { y: +m[1], m: (+m[2] - 1) * 3 + 1, d: 1 }, gran: 'quarter' };
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return { day: { y: +m[1], m: +m[2], d: 1 }, gran: 'month' };
  m = /^(\d{4})$/.exec(v);
  if (m) return { day: { y: +m[1], m: 1, d: 1 }, gran: 'year' };
  return null;
}
