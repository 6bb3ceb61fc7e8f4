/**
 * Publication days as the store takes them in and hands them out. A day must be a real calendar day in a
 * plausible range: "2024-99-99" once reached the store through the API and every later read of its story
 * failed (`new Date` of it is invalid). New impossible days are refused where they enter (the API's schemas,
 * the readers) and stored as undated here; one already stored is read back as undated, never thrown on.
 */
import type { IsoDay } from '../../model.js';

/** Earliest plausible publication year: the first printed newspapers (Strasbourg's "Relation") date from 1605. */
export const MIN_YEAR = 1600;
/** Latest plausible publication year: far enough ahead for any clock, near enough to catch typed-in nonsense. */
export const MAX_YEAR = 2199;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for "YYYY-MM-DD" naming a day that exists (no 2024-02-30) in MIN_YEAR..MAX_YEAR. */
export function isPlausibleDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A stored day read back: itself when plausible, else null (the article or story is treated as undated). */
export function storedDay(value: string | null | undefined): IsoDay | null {
  return value && isPlausibleDay(value) ? value : null;
}

/** SQLite's order of days: undated (null) first, then by day. */
export function dayOrder(a: IsoDay | null, b: IsoDay | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** An article about to be stored with an impossible publication day is stored undated, with a warning. */
export function undateImpossible(a: { publishedAt: IsoDay | null; warnings: string[] }): void {
  if (a.publishedAt === null || isPlausibleDay(a.publishedAt)) return;
  a.warnings.push(`publication date "${a.publishedAt}" is not a calendar day: stored undated`);
  a.publishedAt = null;
}
