/** Calendar arithmetic on plain days (UTC, no time zones): the resolver's primitives, over src/util/day.ts. */
import { DAY_MS, daysInMonth } from '../../util/day.js';

export { daysInMonth };

export interface Day {
  y: number;
  m: number;
  d: number;
}

export function parseDay(s: string | null | undefined): Day | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function fmtDay(d: Day): string {
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
}
export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}
export function fmtYear(y: number): string {
  return pad(y, 4);
}

function toUtc(d: Day): number {
  return Date.UTC(d.y, d.m - 1, d.d);
}
function fromUtc(t: number): Day {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

export function addDays(d: Day, n: number): Day {
  return fromUtc(toUtc(d) + n * DAY_MS);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: Day, n: number): Day {
  const idx = d.y * 12 + (d.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { y, m, d: Math.min(d.d, daysInMonth(y, m)) };
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function weekday(d: Day): number {
  const w = new Date(toUtc(d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week (year and week number): weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - weekday(d));
  const jan1 = toUtc({ y: thursday.y, m: 1, d: 1 });
  const week = Math.floor((toUtc(thursday) - jan1) / DAY_MS / 7) + 1;
  return { year: thursday.y, week };
}

export function fmtWeek(d: Day): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** Compares two days: negative, zero or positive. */
export function cmpDay(a: Day, b: Day): number {
  return toUtc(a) - toUtc(b);
}

/** The weekday `wd` nearest to `from` in direction dir (-1 before, +1 after); same weekday → `from` unless strict. */
export function shiftToWeekday(from: Day, wd: number, dir: -1 | 1, strict: boolean): Day {
  const cur = weekday(from);
  let diff = dir > 0 ? (wd - cur + 7) % 7 : -((cur - wd + 7) % 7);
  if (diff === 0 && strict) diff = 7 * dir;
  return addDays(from, diff);
}
