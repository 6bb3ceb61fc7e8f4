/**
 * Parsing of date strings as they appear in page metadata and visible text, to a calendar day.
 * The day is the one written (a timestamp's local date as published), not converted to UTC.
 * Month names: the CLDR tables of ./month-names.ts. Digits in other scripts (Arabic-Indic, Persian,
 * full-width) are read as ASCII digits.
 */
import type { IsoDay } from '../model.js';
import { monthNameTable } from './month-names.js';

const MONTHS = monthNameTable();
const MONTH_RE = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

export function monthNumber(name: string): number | null {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, '')) ?? null;
}

export function isoDay(y: number, m: number, d: number): IsoDay | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1000 && y <= 9999)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31 February and the like
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO_RE = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:T?\d{4,6})?(?:Z|[+-]\d{2}:?\d{2})?$/;
const SLASH_YMD_RE = /(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
const DMY_RE = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})[./-](\d{4})(?!\d)/;
/** After a year: no further digit, unless a time follows glued to it ("Nov 20 20194:29 AM", copied text). */
const YEAR_END = '(?:(?!\\d)|(?=\\d{1,2}:\\d{2}))';
const NAMED_DMY_RE = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?\\s*(?:de\\s+)?(${MONTH_RE})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})${YEAR_END}`,
  'iu',
);
const NAMED_MDY_RE = new RegExp(
  `(?<![\\p{L}])(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${YEAR_END}`,
  'iu',
);

/** Year first: Hungarian "2021. március 5.", and "2021 March 5". */
const NAMED_YMD_RE = new RegExp(
  `(?<![\\p{L}\\d])(\\d{4})\\.?\\s+(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:\\.|(?![\\p{L}\\d]))`,
  'iu',
);
/** Chinese, Japanese and Korean: 2021年3月5日, 2021년 3월 5일. */
const CJK_RE = /(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;

/** Digits of other scripts (Arabic-Indic, Persian, full-width) as ASCII; one code unit each, so indexes hold. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (c) => {
    const code = c.charCodeAt(0);
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

/**
 * Parse a date string from metadata (ISO 8601, compact 20210305, RFC 2822, "March 5, 2021",
 * "5 mars 2021", "05.03.2021", Unix timestamps). Numeric d/m/y with both parts ≤ 12 is read day-first
 * (the common order outside the US) only when `allowAmbiguous`; otherwise it is refused.
 */
export function parseDateString(raw: string, allowAmbiguous = false): IsoDay | null {
  const s = asciiDigits(raw.trim());
  if (!s) return null;
  let m = ISO_RE.exec(s);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = COMPACT_RE.exec(s);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? +s : +s * 1000;
    const d = new Date(ms);
    return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  m = SLASH_YMD_RE.exec(s);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  return parseTextDate(s, allowAmbiguous);
}

/** First date written in running text ("March 5, 2021", "5. März 2021", "05.03.2021"); null if none. */
export function parseTextDate(s: string, allowAmbiguous = false): IsoDay | null {
  const found = findTextDates(s, allowAmbiguous, 1);
  return found[0]?.day ?? null;
}

export interface TextDate {
  day: IsoDay;
  index: number;
  /** Length of the date as written. */
  length: number;
}

/** Dates written in running text, in order of appearance (at most `limit`). */
export function findTextDates(text: string, allowAmbiguous = false, limit = Infinity): TextDate[] {
  const s = asciiDigits(text);
  const out: TextDate[] = [];
  const patterns: [RegExp, (m: RegExpExecArray) => IsoDay | null][] = [
    [new RegExp(ISO_RE.source, 'g'), (m) => isoDay(+m[1], +m[2], +m[3])],
    [new RegExp(SLASH_YMD_RE.source, 'g'), (m) => isoDay(+m[1], +m[2], +m[3])],
    [new RegExp(NAMED_DMY_RE.source, 'giu'), (m) => isoDay(+m[3], monthNumber(m[2]) ?? 0, +m[1])],
    [new RegExp(NAMED_MDY_RE.source, 'giu'), (m) => isoDay(+m[3], monthNumber(m[1]) ?? 0, +m[2])],
    [new RegExp(NAMED_YMD_RE.source, 'giu'), (m) => isoDay(+m[1], monthNumber(m[2]) ?? 0, +m[3])],
    [new RegExp(CJK_RE.source, 'g'), (m) => isoDay(+m[1], +m[2], +m[3])],
    [
      new RegExp(DMY_RE.source, 'g'),
      (m) => {
        const a = +m[1];
        const b = +m[3];
        const y = +m[4];
        // Dotted dates (06.10.2023) are day-first wherever they are used; slashed ones are US
        // month-first or day-first, so both parts <= 12 is ambiguous.
        if (m[2] === '.') return isoDay(y, b, a);
        if (a <= 12 && b <= 12 && a !== b && !allowAmbiguous) return null;
        if (b > 12 && a <= 12) return isoDay(y, a, b); // unambiguous US order
        return isoDay(y, b, a);
      },
    ],
  ];
  for (const [re, toDay] of patterns) {
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      const day = toDay(m);
      if (day) out.push({ day, index: m.index, length: m[0].length });
    }
  }
  out.sort((a, b) => a.index - b.index);
  return out.slice(0, limit);
}

/** A plausible publication day: not before the web news era, not after `now` (+1 day for time zones). */
export function plausibleDay(day: IsoDay, now: Date): boolean {
  const y = +day.slice(0, 4);
  if (y < 1995) return false;
  const limit = new Date(now.getTime() + 86400000).toISOString().slice(0, 10);
  return day <= limit;
}
