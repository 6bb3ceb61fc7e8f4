/**
 * Ranges and weeks named by a day. TempEval-3 tags each end of a range as its own TIMEX3 ("from 2009 to
 * 2011", "March 3-5": "March 3" and "5"), so a range parser gives two candidates; the second end borrows
 * the month (and the year) of the first. "the week of March 6" is one TIMEX3 whose value is that week.
 */
import { fmtWeek, fmtYear, isValidDay } from '../calendar.js';
import { MONTHS, MONTH_RE, WEEKDAY_RE } from '../lexicon.js';
import { yearForMonthDay } from '../resolve.js';
import type { Candidate, Parser, ResolveContext, Resolved } from '../types.js';
import { dayValue } from './absolute.js';
import { isName, key } from './util.js';

/** Words and dashes that join the two ends of a range. */
const JOIN = '\\s*(?:-|–|—|\\bto\\b|\\bthrough\\b|\\bthru\\b|\\buntil\\b|\\btill\\b|\\band\\b)\\s*';
/** What must not follow the second day: a clock time, an amount, a decimal. */
const NOT_A_DAY = "(?![\\d:]|[.,]\\d|\\s*(?:%|percent|per cent|[ap]\\.?m\\b|o'clock|million|billion))";
const YEAR_TAIL = '(?:,?\\s+(\\d{4})(?![\\d,.]\\d))?';

/** A candidate over text[start, end). */
function span(
  start: number,
  end: number,
  rule: string,
  resolve: Candidate['resolve'],
  priority = 3,
): Candidate {
  return { start, end, rule, priority, resolve };
}

/** The year a day range without a year falls in: the first day's, as the tense places it. */
function rangeYear(ctx: ResolveContext, month: number, firstDay: number): number | null {
  return ctx.dct ? yearForMonthDay(ctx.dct, month, firstDay, ctx.dir) : null;
}

function dayIn(
  ctx: ResolveContext,
  month: number,
  firstDay: number,
  day: number,
  year: number | null,
): Resolved | null {
  const y = year ?? rangeYear(ctx, month, firstDay);
  if (y === null) {
    const v = dayValue(ctx, month, day, null);
    return v ? { type: 'DATE', value: v } : null;
  }
  return isValidDay(y, month, day) ? { type: 'DATE', value: dayValue(ctx, month, day, y)! } : null;
}

/** "March 3-5", "March 3 to 5, 2011", "Sunday, March 3 through 5": "March 3" and "5". */
export const monthDayRange: Parser = {
  name: 'month-day-range',
  pattern: new RegExp(
    `\\b((?:${WEEKDAY_RE},?\\s+)?(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?)${JOIN}((\\d{1,2})(?:st|nd|rd|th)?\\b${NOT_A_DAY}${YEAR_TAIL})`,
    'g',
  ),
  extract(m) {
    if (!isName(m[2])) return null;
    const month = MONTHS[key(m[2])];
    const first = Number(m[3]);
    const second = Number(m[5]);
    if (!(first >= 1 && second > first && second <= 31)) return null;
    const year = m[6] ? Number(m[6]) : null;
    const secondStart = m.index + m[0].length - m[4].length;
    return [
      span(m.index, m.index + m[1].length, 'month-day-range', (ctx) => dayIn(ctx, month, first, first, year)),
      span(secondStart, m.index + m[0].length, 'month-day-range', (ctx) =>
        dayIn(ctx, month, first, second, year),
      ),
    ];
  },
};

/** "3-5 March", "3 to 5 March 2011": "3" and "5 March". */
export const dayMonthRange: Parser = {
  name: 'day-month-range',
  pattern: new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th)?${JOIN}((\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE})(?![a-z])${YEAR_TAIL})`,
    'g',
  ),
  extract(m) {
    if (!isName(m[4])) return null;
    const month = MONTHS[key(m[4])];
    const first = Number(m[1]);
    const second = Number(m[3]);
    if (!(first >= 1 && second > first && second <= 31)) return null;
    const year = m[5] ? Number(m[5]) : null;
    const secondStart = m.index + m[0].length - m[2].length;
    return [
      span(m.index, m.index + m[1].length, 'day-month-range', (ctx) => dayIn(ctx, month, first, first, year)),
      span(secondStart, m.index + m[0].length, 'day-month-range', (ctx) =>
        dayIn(ctx, month, first, second, year),
      ),
    ];
  },
};

/** "2009-2011", "1990-95", "2009 to 2011": two years ("from 2009 to 2011" the year parser already splits). */
export const yearRange: Parser = {
  name: 'year-range',
  pattern:
    /(?<![$£€#\d.,/-]|\bfiscal(?: year)?\s+|\bFY\s*)\b((?:1[6-9]|20)\d\d)\s*(?:-|–|—)\s*((?:1[6-9]|20)\d\d|\d\d)\b(?![\d%-]|[.,]\d|\s*(?:%|percent|per cent|yen|dollars|people|points|shares|units)\b)/gi,
  extract(m) {
    const first = Number(m[1]);
    const second = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (second <= first || second - first > 100) return null;
    const secondStart = m.index + m[0].length - m[2].length;
    return [
      span(m.index, m.index + m[1].length, 'year-range', () => ({ type: 'DATE', value: fmtYear(first) }), 1),
      span(
        secondStart,
        m.index + m[0].length,
        'year-range',
        () => ({ type: 'DATE', value: fmtYear(second) }),
        1,
      ),
    ];
  },
};

/** "the week of March 6": the calendar week holding that day. */
export const weekOf: Parser = {
  name: 'week-of',
  pattern: new RegExp(
    `\\b(?:the\\s+)?week\\s+of\\s+(?:(${WEEKDAY_RE}),?\\s+)?(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d)\\b${YEAR_TAIL}`,
    'gi',
  ),
  extract(m) {
    if (!isName(m[2])) return null;
    const month = MONTHS[key(m[2])];
    const day = Number(m[3]);
    const year = m[4] ? Number(m[4]) : null;
    return span(m.index, m.index + m[0].length, 'week-of', (ctx) => {
      const v = dayValue(ctx, month, day, year, m[1]);
      if (!v) return null;
      if (v.startsWith('X')) return { type: 'DATE', value: 'XXXX-WXX' };
      const [y, mo, d] = v.split('-').map(Number);
      return { type: 'DATE', value: fmtWeek({ y, m: mo, d }) };
    });
  },
};

export const rangeParsers: Parser[] = [monthDayRange, dayMonthRange, yearRange, weekOf];
