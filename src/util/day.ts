/**
 * Day arithmetic on ISO days ("YYYY-MM-DD", UTC, no time zones) and the English calendar names, in one
 * place: before this file the same millisecond sums were written out in eight modules and the month names
 * in three, and copies drift. Every function is UTC-only, so a result never depends on the machine's zone.
 */
import type { IsoDay } from '../model.js';

/** Milliseconds in a UTC day (no leap seconds in ECMAScript time). */
export const DAY_MS = 86_400_000;

/** Midnight UTC of `day` in epoch milliseconds; NaN when `day` is not a date Date.parse accepts. */
export function dayToMs(day: IsoDay): number {
  return Date.parse(day + 'T00:00:00Z');
}

/** The UTC day that holds the instant `ms`. */
export function msToDay(ms: number): IsoDay {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: IsoDay, n: number): IsoDay {
  return msToDay(dayToMs(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` comes first). */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  return Math.round((dayToMs(b) - dayToMs(a)) / DAY_MS);
}

/** Days since 1970-01-01: a number per day, for arithmetic on many days at once. */
export function dayOrdinal(day: IsoDay): number {
  return Math.round(dayToMs(day) / DAY_MS);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian leap year (proleptic before 1582, as ECMAScript dates are). */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month `m` (1..12) of year `y`, leap years included. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** True when `day` is written YYYY-MM-DD and names a day the calendar has (no 2024-02-30). */
export function isCalendarDay(day: string): boolean {
  const t = dayToMs(day);
  return !Number.isNaN(t) && msToDay(t) === day;
}

/**
 * Year, month (1..12) and day as "YYYY-MM-DD" when they name a day the calendar has, else null. Callers
 * add their own plausible year range.
 */
export function calendarDay(y: number, m: number, d: number): IsoDay | null {
  if (!(Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** English month names, lower case, January first (a calendar fact). */
export const MONTH_NAMES: readonly string[] = Object.freeze(
  'january february march april may june july august september october november december'.split(' '),
);

/** English weekday names, lower case, Monday first (ISO 8601 order). */
export const WEEKDAY_NAMES: readonly string[] = Object.freeze(
  'monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
