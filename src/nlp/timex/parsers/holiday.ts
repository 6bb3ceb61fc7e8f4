/**
 * Named holidays: "Christmas", "New Year's Day", "Thanksgiving", "Election Day", "Easter".
 * Calendar rules: fixed dates; US Thanksgiving = fourth Thursday of November; US Election Day = the
 * Tuesday after the first Monday of November; Labor Day = first Monday of September; Memorial Day =
 * last Monday of May; Easter by the anonymous Gregorian computus (Meeus/Jones/Butcher algorithm).
 */
import { addDays, daysInMonth, fmtDay, shiftToWeekday, type Day } from '../calendar.js';
import { yearForMonthDay } from '../resolve.js';
import type { Parser, Resolved } from '../types.js';
import { whole } from './util.js';

/** Gregorian Easter Sunday (Meeus/Jones/Butcher). */
export function easter(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

const nthWeekday = (y: number, m: number, wd: number, n: number): Day =>
  addDays(shiftToWeekday({ y, m, d: 1 }, wd, 1, false), 7 * (n - 1));
const lastWeekday = (y: number, m: number, wd: number): Day =>
  shiftToWeekday({ y, m, d: daysInMonth(y, m) }, wd, -1, false);

const HOLIDAYS: Record<string, (y: number) => Day> = {
  christmas: (y) => ({ y, m: 12, d: 25 }),
  'christmas day': (y) => ({ y, m: 12, d: 25 }),
  'christmas eve': (y) => ({ y, m: 12, d: 24 }),
  "new year's day": (y) => ({ y, m: 1, d: 1 }),
  "new year's eve": (y) => ({ y, m: 12, d: 31 }),
  'independence day': (y) => ({ y, m: 7, d: 4 }),
  'fourth of july': (y) => ({ y, m: 7, d: 4 }),
  halloween: (y) => ({ y, m: 10, d: 31 }),
  "valentine's day": (y) => ({ y, m: 2, d: 14 }),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => lastWeekday(y, 5, 1),
  easter: (y) => easter(y),
  'easter sunday': (y) => easter(y),
  'good friday': (y) => addDays(easter(y), -2),
};

export const holidayParser: Parser = {
  name: 'holiday',
  pattern:
    /\b(?:(last|this|next)\s+)?(Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Independence Day|Fourth of July|Halloween|Valentine's Day|Thanksgiving(?: Day)?|Election Day|Labor Day|Memorial Day|Easter(?: Sunday)?|Good Friday)(?:\s+((?:19|20)\d\d))?\b/g,
  extract(m) {
    const rel = m[1]?.toLowerCase();
    const rule = HOLIDAYS[m[2].toLowerCase().replace(/’/g, "'")];
    if (!rule) return null;
    const year = m[3] ? Number(m[3]) : null;
    return whole(
      m,
      'holiday',
      (ctx): Resolved => {
        if (year !== null) return { type: 'DATE', value: fmtDay(rule(year)) };
        if (!ctx.dct) {
          // Fixed-date holidays keep their month and day; movable ones are unknown without a year.
          const a = rule(2001);
          const b = rule(2002);
          return {
            type: 'DATE',
            value:
              a.m === b.m && a.d === b.d
                ? `XXXX-${String(a.m).padStart(2, '0')}-${String(a.d).padStart(2, '0')}`
                : 'XXXX-XX-XX',
          };
        }
        let y: number;
        if (rel === 'last') y = fmtDay(rule(ctx.dct.y)) < fmtDay(ctx.dct) ? ctx.dct.y : ctx.dct.y - 1;
        else if (rel === 'next') y = fmtDay(rule(ctx.dct.y)) > fmtDay(ctx.dct) ? ctx.dct.y : ctx.dct.y + 1;
        else if (rel === 'this') y = ctx.dct.y;
        else {
          const guess = rule(ctx.dct.y);
          y = yearForMonthDay(ctx.dct, guess.m, guess.d, ctx.dir);
        }
        return { type: 'DATE', value: fmtDay(rule(y)) };
      },
      2,
    );
  },
};

export const holidayParsers: Parser[] = [holidayParser];
