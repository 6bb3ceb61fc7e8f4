/** Locale words for English time expressions, kept apart from the parsing logic (chrono-node style). */
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../util/day.js';

/** Month names and abbreviations (with optional period) → month number 1..12. */
export const MONTHS: Record<string, number> = Object.fromEntries([
  ...MONTH_NAMES.map((name, i) => [name, i + 1] as const),
  ...MONTH_NAMES.map((name, i) => [name.slice(0, 3), i + 1] as const),
  ['sept', 9],
]);

/** Regex source matching a month name; abbreviations may carry a period. */
export const MONTH_RE =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|Jun(?:e|\\.)?|Jul(?:y|\\.)?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';

/** Weekday names → ISO weekday 1 (Monday) .. 7 (Sunday). */
export const WEEKDAYS: Record<string, number> = Object.fromEntries([
  ...WEEKDAY_NAMES.map((name, i) => [name, i + 1] as const),
  ...WEEKDAY_NAMES.map((name, i) => [name.slice(0, 3), i + 1] as const),
  ['tues', 2],
  ['thur', 4],
  ['thurs', 4],
]);

export const WEEKDAY_RE = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';

/** Cardinal number words from one to ninety (sums of them make 21..99). */
export const CARDINAL_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Number words of quantity phrases: the cardinals plus a/an, hundred, dozen and half. */
export const NUMBER_WORDS: Record<string, number> = {
  ...CARDINAL_WORDS,
  a: 1,
  an: 1,
  hundred: 100,
  dozen: 12,
  half: 0.5,
};

const UNITS_RE = '(?:one|two|three|four|five|six|seven|eight|nine)';
const TENS_RE = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
/** A cardinal written in words or digits ("three", "twenty-four", "twenty four", "14", "1.5"). */
export const NUMBER_RE = `(?:(?:${TENS_RE}(?:[- ]${UNITS_RE})?|${UNITS_RE}|ten|a|several|a few)\\s+(?:hundred|thousand)|\\d+ 1/2|\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${TENS_RE}(?:[- ]${UNITS_RE})?|${UNITS_RE}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a dozen|a couple of|a couple|couple of|a few|a|an|several|few|many)`;

/** Parses a number phrase matched by NUMBER_RE; null for vague quantities ("several", "a few"). */
export function parseNumber(s: string): number | null {
  const t = s.toLowerCase().trim();
  if (/^\d{1,3}(?:,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^\d+ 1\/2$/.test(t)) return Number(t.split(' ')[0]) + 0.5;
  if (t === 'a couple of' || t === 'a couple' || t === 'couple of') return 2;
  if (t === 'a hundred' || t === 'one hundred') return 100;
  if (t === 'a dozen') return 12;
  if (/^(?:a few|several|few|many|some)\b/.test(t)) return null;
  // "two thousand", "a hundred", "twenty-five hundred": multipliers scale what comes before them.
  let n = 0;
  for (const part of t.split(/[- ]/)) {
    if (part === 'hundred' || part === 'thousand') {
      n = (n || 1) * (part === 'hundred' ? 100 : 1000);
      continue;
    }
    const v = NUMBER_WORDS[part];
    if (v === undefined) return null;
    n += v;
  }
  return n;
}

export const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  last: -1,
  final: -1,
};

/** Calendar units → TIMEX3 duration letter and whether it is a time (PT) unit. */
export interface UnitInfo {
  letter: string;
  time: boolean;
  /** Multiplier applied to the count (decade = 10 years, fortnight = 2 weeks, quarter = 3 months). */
  factor: number;
  gran: 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';
}
export const UNITS: Record<string, UnitInfo> = {
  second: { letter: 'S', time: true, factor: 1, gran: 'second' },
  minute: { letter: 'M', time: true, factor: 1, gran: 'minute' },
  hour: { letter: 'H', time: true, factor: 1, gran: 'hour' },
  day: { letter: 'D', time: false, factor: 1, gran: 'day' },
  night: { letter: 'D', time: false, factor: 1, gran: 'day' },
  week: { letter: 'W', time: false, factor: 1, gran: 'week' },
  fortnight: { letter: 'W', time: false, factor: 2, gran: 'week' },
  month: { letter: 'M', time: false, factor: 1, gran: 'month' },
  quarter: { letter: 'Q', time: false, factor: 1, gran: 'quarter' },
  year: { letter: 'Y', time: false, factor: 1, gran: 'year' },
  decade: { letter: 'DE', time: false, factor: 1, gran: 'decade' },
  century: { letter: 'CE', time: false, factor: 1, gran: 'century' },
};
export const UNIT_RE =
  '(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)';

/** Normalises a unit word ("Years", "centuries", "nights") to a UNITS key. */
export function unitKey(s: string): string {
  let t = s.toLowerCase();
  if (t === 'centuries' || t === 'centurie') return 'century';
  if (t.endsWith('s')) t = t.slice(0, -1);
  return t;
}

export const SEASONS: Record<string, string> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

/** Parts of the day → TIMEX3 time-of-day codes. */
export const DAY_PARTS: Record<string, string> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  tonight: 'NI',
  overnight: 'NI',
};

const ORDINAL_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORDINAL_TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
/** A day of the month spelled as an ordinal: "eighth", "twenty-first", "twenty first", "thirtieth". */
export const DAY_ORDINAL_RE = `(?:(?:twenty|thirty)[\\s-](?:${ORDINAL_UNITS.join('|')})|twentieth|thirtieth|${ORDINAL_TEENS.join('|')}|${ORDINAL_UNITS.join('|')})`;

/** The day number of a spelled ordinal matched by DAY_ORDINAL_RE ("twenty-first" → 21); null past 31. */
export function dayOrdinal(s: string): number | null {
  const parts = s.toLowerCase().split(/[\s-]+/);
  let n = 0;
  for (const p of parts) {
    if (p === 'twenty') n += 20;
    else if (p === 'thirty') n += 30;
    else if (p === 'twentieth') n += 20;
    else if (p === 'thirtieth') n += 30;
    else {
      const u = ORDINAL_UNITS.indexOf(p);
      const t = ORDINAL_TEENS.indexOf(p);
      if (u >= 0) n += u + 1;
      else if (t >= 0) n += t + 10;
      else return null;
    }
  }
  return n >= 1 && n <= 31 ? n : null;
}
