/** Absolute dates: "Feb. 3", "3 February 2011", "February 3rd, 2011", "2011-02-03", "02/03/2011", "March 1996", "1987". */
import { isValidDay, fmtDay, fmtMonth, fmtYear, weekday } from '../calendar.js';
import {
  CARDINAL_WORDS,
  DAY_ORDINAL_RE,
  MONTHS,
  MONTH_RE,
  WEEKDAYS,
  WEEKDAY_RE,
  dayOrdinal,
} from '../lexicon.js';
import { yearForMonthDay, yearForMonth } from '../resolve.js';
import type { Parser, ResolveContext } from '../types.js';
import { isName, key, whole } from './util.js';

const YEAR_TAIL = `(?:,?\\s+(\\d{4})(?![\\d,.]\\d))?`;
/** What may stand before a weekday that opens a date: "this coming Sunday, March 8" is one TIMEX3. */
const WD_LEAD = '(?:(?:(?:[Tt]his|[Ll]ast|[Nn]ext)(?:\\s+(?:coming|past))?|[Cc]oming|[Pp]ast)\\s+)?';

export function dayValue(
  ctx: ResolveContext,
  month: number,
  day: number,
  year: number | null,
  weekdayName?: string,
): string | null {
  if (year !== null) return isValidDay(year, month, day) ? fmtDay({ y: year, m: month, d: day }) : null;
  if (day < 1 || day > 31) return null;
  if (!ctx.dct) return `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let y = yearForMonthDay(ctx.dct, month, day, ctx.dir);
  // "Sunday, March 6": when the weekday fits the neighbouring year and not this one, it decides.
  if (weekdayName) {
    const wd = WEEKDAYS[weekdayName.toLowerCase()];
    const fits = (yy: number) => isValidDay(yy, month, day) && weekday({ y: yy, m: month, d: day }) === wd;
    if (!fits(y)) y = [y - 1, y + 1].find(fits) ?? y;
  }
  return isValidDay(y, month, day) ? fmtDay({ y, m: month, d: day }) : null;
}

/** Expand a two-digit year the way news does: 00-49 → 2000s, 50-99 → 1900s. */
function fullYear(s: string): number {
  const n = Number(s);
  return s.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

export const monthDay: Parser = {
  name: 'month-day',
  pattern: new RegExp(
    `\\b(?:${WD_LEAD}(${WEEKDAY_RE}),?\\s+)?(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d)\\b${YEAR_TAIL}`,
    'g',
  ),
  extract(m) {
    if (!isName(m[2])) return null;
    const month = MONTHS[key(m[2])];
    const day = Number(m[3]);
    const year = m[4] ? Number(m[4]) : null;
    return whole(
      m,
      'month-day',
      (ctx) => {
        const v = dayValue(ctx, month, day, year, m[1]);
        return v ? { type: 'DATE', value: v } : null;
      },
      2,
    );
  },
};

export const dayMonth: Parser = {
  name: 'day-month',
  pattern: new RegExp(
    `\\b(?:${WD_LEAD}(${WEEKDAY_RE}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE})(?![a-z])${YEAR_TAIL}`,
    'g',
  ),
  extract(m) {
    if (!isName(m[3])) return null;
    const month = MONTHS[key(m[3])];
    const day = Number(m[2]);
    const year = m[4] ? Number(m[4]) : null;
    return whole(
      m,
      'day-month',
      (ctx) => {
        const v = dayValue(ctx, month, day, year, m[1]);
        return v ? { type: 'DATE', value: v } : null;
      },
      2,
    );
  },
};

/** A day spelled as an ordinal after the month, as transcripts write it: "March eighth", "June the twenty-first". */
export const monthOrdinal: Parser = {
  name: 'month-ordinal',
  pattern: new RegExp(
    `\\b(?:${WD_LEAD}(${WEEKDAY_RE}),?\\s+)?(${MONTH_RE})\\s+(?:the\\s+)?(${DAY_ORDINAL_RE})\\b(?![\\s-]+(?:time|place|quarter|half|round|day|week|anniversary)\\b)${YEAR_TAIL}`,
    'gi',
  ),
  extract(m) {
    if (!isName(m[2])) return null;
    const month = MONTHS[key(m[2])];
    const day = dayOrdinal(m[3]);
    if (day === null) return null;
    const year = m[4] ? Number(m[4]) : null;
    return whole(
      m,
      'month-ordinal',
      (ctx) => {
        const v = dayValue(ctx, month, day, year, m[1]);
        return v ? { type: 'DATE', value: v } : null;
      },
      2,
    );
  },
};

/** "the twenty-first of June", "the eighth of March 2011": a spelled ordinal day before "of" and the month. */
export const ordinalOfMonth: Parser = {
  name: 'ordinal-of-month',
  pattern: new RegExp(
    `\\b(?:${WD_LEAD}(${WEEKDAY_RE}),?\\s+)?(?:the\\s+)?(${DAY_ORDINAL_RE})\\s+of\\s+(${MONTH_RE})(?![a-z])${YEAR_TAIL}`,
    'gi',
  ),
  extract(m) {
    if (!isName(m[3])) return null;
    const month = MONTHS[key(m[3])];
    const day = dayOrdinal(m[2]);
    if (day === null) return null;
    const year = m[4] ? Number(m[4]) : null;
    return whole(
      m,
      'ordinal-of-month',
      (ctx) => {
        const v = dayValue(ctx, month, day, year, m[1]);
        return v ? { type: 'DATE', value: v } : null;
      },
      2,
    );
  },
};

export const isoDate: Parser = {
  name: 'iso-date',
  pattern: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?\b/g,
  extract(m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!isValidDay(y, mo, d)) return null;
    const day = fmtDay({ y, m: mo, d });
    return whole(
      m,
      'iso-date',
      () => (m[4] ? { type: 'TIME', value: `${day}T${m[4]}:${m[5]}` } : { type: 'DATE', value: day }),
      3,
    );
  },
};

/** US order month/day/year, as American news writes it. */
export const usNumeric: Parser = {
  name: 'us-numeric',
  pattern: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
  extract(m) {
    const mo = Number(m[1]);
    const d = Number(m[2]);
    const y = fullYear(m[3]);
    if (!isValidDay(y, mo, d)) return null;
    return whole(m, 'us-numeric', () => ({ type: 'DATE', value: fmtDay({ y, m: mo, d }) }), 2);
  },
};

const SPELLED_YEAR_RE =
  '(?:nineteen|eighteen)[\\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';

export function spelledToYear(s: string): number | null {
  const [head, ...rest] = s.toLowerCase().split(/[\s-]+/);
  const n = wordsToNumber(rest.join(' '));
  return n === null ? null : (head === 'nineteen' ? 1900 : 1800) + n;
}

export const monthYear: Parser = {
  name: 'month-year',
  pattern: new RegExp(`\\b(${MONTH_RE}),?\\s+(?:of\\s+)?(\\d{4}(?![\\d,.]\\d)|${SPELLED_YEAR_RE})\\b`, 'g'),
  extract(m) {
    if (!isName(m[1])) return null;
    const month = MONTHS[key(m[1])];
    const y = /^\d/.test(m[2]) ? Number(m[2]) : spelledToYear(m[2]);
    if (y === null) return null;
    return whole(m, 'month-year', () => ({ type: 'DATE', value: fmtMonth(y, month) }), 2);
  },
};

/** A month on its own, maybe with last/this/next or "last year": "in March", "last November", "June last year". */
export const monthName: Parser = {
  name: 'month-name',
  pattern: new RegExp(
    `\\b(?:(last|this|next|this past|this coming|this|past|coming)\\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.)(?![\\w-])(?:\\s+(last|this|next) year\\b)?`,
    'gi',
  ),
  extract(m, text) {
    if (!isName(m[2])) return null;
    const month = MONTHS[key(m[2])];
    // "the annual March for Clean Water", "the March of the Fishing Towns": a named march, not the month
    // ("the March accession", "a June agreement" stay dates).
    if (
      !m[1] &&
      !m[3] &&
      /\b(?:the|a|an|annual)\s+$/i.test(text.slice(Math.max(0, m.index - 16), m.index)) &&
      /^\s+(?:for|of)\s+(?:the\s+)?[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))
    )
      return null;
    // "May" at a sentence start is usually the modal verb ("May I ...") → need a modifier or context.
    if (month === 5 && !m[1] && !m[3]) {
      return whole(m, 'month-name', (ctx) => monthResolve(ctx, month, undefined, undefined), -1);
    }
    const rel = m[1]?.toLowerCase();
    const tail = m[3]?.toLowerCase();
    return whole(m, 'month-name', (ctx) => monthResolve(ctx, month, rel, tail), 0);
  },
};

function monthResolve(ctx: ResolveContext, month: number, rel: string | undefined, tail: string | undefined) {
  if (!ctx.dct) return { type: 'DATE' as const, value: `XXXX-${String(month).padStart(2, '0')}` };
  let y: number;
  if (tail) y = ctx.dct.y + (tail === 'last' ? -1 : tail === 'next' ? 1 : 0);
  else if (rel === 'last' || rel === 'this past' || rel === 'past')
    y = month < ctx.dct.m ? ctx.dct.y : ctx.dct.y - 1;
  else if (rel === 'next' || rel === 'this coming' || rel === 'coming')
    y = month > ctx.dct.m ? ctx.dct.y : ctx.dct.y + 1;
  else if (rel === 'this') y = ctx.dct.y;
  else y = yearForMonth(ctx.dct, month, ctx.dir);
  return { type: 'DATE' as const, value: fmtMonth(y, month) };
}

/** A year on its own ("in 1987", "fiscal 1989"); guarded against amounts and counts. */
export const yearOnly: Parser = {
  name: 'year',
  pattern:
    /(?<![$£€#\d.,/]|[^d]-)\b(?:(fiscal(?: year)?|calendar(?: year)?|the year|FY)\s*)?((?:1[6-9]|20)\d\d)\b(?![\d%]|[.,]\d|-\d|\s*(?:%|percent|per cent|yen|dollars|feet|meters|metres|miles|tons|people|points|shares|cars|units|acres|pounds|kilograms)\b)/gi,
  extract(m) {
    const y = Number(m[2]);
    return whole(m, 'year', () => ({ type: 'DATE', value: fmtYear(y) }), 0);
  },
};

const DECADE_WORDS: Record<string, number> = {
  twenties: 2,
  thirties: 3,
  forties: 4,
  fifties: 5,
  sixties: 6,
  seventies: 7,
  eighties: 8,
  nineties: 9,
};

/** Decades: "the 1990s", "the '80s", "the nineties", "the late 1970s", "mid-1990s". */
export const decade: Parser = {
  name: 'decade',
  pattern:
    /\b(?:the\s+)?(?:(early|mid|late|middle)[\s-]+)?(?:(1[5-9]|20)(\d)0'?s|'(\d)0'?s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi,
  extract(m) {
    const modWord = m[1]?.toLowerCase();
    const mod = modWord === 'early' ? 'START' : modWord === 'late' ? 'END' : modWord ? 'MID' : undefined;
    let value: string;
    if (m[2]) value = m[2] + m[3];
    else if (m[4]) value = '19' + m[4];
    else value = '19' + DECADE_WORDS[m[5].toLowerCase()];
    // A bare "the nineties" could be temperatures or ages; only the "the" form and digit forms are taken.
    if (m[5] && !/^the\s/i.test(m[0])) return null;
    return whole(m, 'decade', () => ({ type: 'DATE', value, ...(mod ? { mod } : {}) }), 1);
  },
};

function wordsToNumber(s: string): number | null {
  let n = 0;
  for (const w of s.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (CARDINAL_WORDS[w] !== undefined) n += CARDINAL_WORDS[w];
    else return null;
  }
  return n;
}

/** Years spelled out, as broadcast transcripts write them: "nineteen ninety-six", "two thousand one". */
export const spelledYear: Parser = {
  name: 'spelled-year',
  pattern:
    /\b(?:the year\s+)?(?:(nineteen|eighteen)[\s-]+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two thousand(?:(?:\s+and)?\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)\b(?![\s-]+(?:years?|people|dollars|troops|times|miles|men|women|soldiers|of)\b)/gi,
  extract(m) {
    let y: number | null;
    if (m[1]) {
      const rest = wordsToNumber(m[2]);
      y = rest === null ? null : (m[1].toLowerCase() === 'nineteen' ? 1900 : 1800) + rest;
    } else y = 2000 + (m[3] ? (wordsToNumber(m[3]) ?? 0) : 0);
    if (y === null) return null;
    const value = fmtYear(y);
    return whole(m, 'spelled-year', () => ({ type: 'DATE', value }), 0);
  },
};

export const absoluteParsers: Parser[] = [
  monthDay,
  dayMonth,
  monthOrdinal,
  ordinalOfMonth,
  isoDate,
  usNumeric,
  monthYear,
  monthName,
  yearOnly,
  decade,
  spelledYear,
];
