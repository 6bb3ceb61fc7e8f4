/** Recurring times (TIMEX3 SET): "every Friday" (in weekday.ts), "every year", "daily", "weekly", "twice a month". */
import { MONTHS, NUMBER_RE, parseNumber, unitKey } from '../lexicon.js';
import type { Parser } from '../types.js';
import { durationValue } from './duration.js';
import { whole } from './util.js';

const ADVERBS: Record<string, string> = {
  hourly: 'PT1H',
  daily: 'P1D',
  nightly: 'P1D',
  weekly: 'P1W',
  biweekly: 'P2W',
  fortnightly: 'P2W',
  monthly: 'P1M',
  quarterly: 'P3M',
  annually: 'P1Y',
  yearly: 'P1Y',
  biannually: 'P6M',
  semiannually: 'P6M',
};

/** Words after which a frequency word is still an adverb ("paid quarterly to holders", "meets weekly."). */
const AFTER_ADVERB =
  /^(?:to|in|on|at|by|for|and|or|but|from|since|until|with|as|through|over|during|if|when|the|a|an|this|that|because|so|than)$/i;

/** Frequency words that news mostly uses as adjectives of money ("a quarterly dividend", "monthly payments"). */
const FINANCE_ADJECTIVES = /^(?:quarterly|monthly|annually|yearly|semiannually|biannually)$/i;

export const setAdverb: Parser = {
  name: 'set-adverb',
  pattern:
    /\b(hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annually|yearly|semiannually|biannually)\b(?!-)(?:\s+([a-z]+))?/gi,
  extract(m, text) {
    // "Coastline Daily", "Business Weekly": a capitalised word after a capitalised word is a name.
    if (
      /^[A-Z]/.test(m[1]) &&
      /[A-Z][\w'’.-]*\s+$/.test(text.slice(Math.max(0, m.index - 30), m.index)) &&
      !/[.!?:]\s+$/.test(text.slice(Math.max(0, m.index - 3), m.index))
    )
      return null;
    // "a quarterly dividend", "the daily newspaper": adjectives before a noun are not time expressions.
    if (m[2] && FINANCE_ADJECTIVES.test(m[1]) && !AFTER_ADVERB.test(m[2])) return null;
    const value = ADVERBS[m[1].toLowerCase()];
    const c = whole(m, 'set-adverb', () => ({ type: 'SET', value }), 0);
    c.end = m.index + m[1].length;
    return c;
  },
};

export const everyUnit: Parser = {
  name: 'every-unit',
  pattern: new RegExp(
    `\\b(every|each|per)\\s+(?:(other)\\s+|(${NUMBER_RE})\\s+)?(second|minute|hour|day|night|week|month|quarter|year|decade|morning|afternoon|evening|summer|winter|spring)s?\\b`,
    'gi',
  ),
  extract(m) {
    const unitWord = m[4].toLowerCase();
    const quant = m[1].toUpperCase();
    let n = m[2] ? 2 : m[3] ? parseNumber(m[3]) : 1;
    if (n === null) n = 1;
    const part: Record<string, string> = {
      morning: 'XXXX-XX-XXTMO',
      afternoon: 'XXXX-XX-XXTAF',
      evening: 'XXXX-XX-XXTEV',
      summer: 'XXXX-SU',
      winter: 'XXXX-WI',
      spring: 'XXXX-SP',
    };
    const value = part[unitWord] ?? durationValue(n, unitKey(unitWord));
    return whole(m, 'every-unit', () => ({ type: 'SET', value, quant }), 1);
  },
};

/** "twice a year", "three times a week", "once a month". */
export const timesPer: Parser = {
  name: 'times-per',
  pattern: new RegExp(
    `\\b(once|twice|(${NUMBER_RE})\\s+times)\\s+(?:a|an|per|each|every)\\s+(day|week|month|year|quarter|hour|minute)\\b`,
    'gi',
  ),
  extract(m) {
    const w = m[1].toLowerCase();
    const k = w === 'once' ? 1 : w === 'twice' ? 2 : parseNumber(m[2]);
    const value = durationValue(1, unitKey(m[3]));
    return whole(m, 'times-per', () => ({ type: 'SET', value, ...(k !== null ? { freq: `${k}X` } : {}) }), 2);
  },
};

/** "each July", "every December": a month that recurs every year. */
export const everyMonth: Parser = {
  name: 'every-month',
  pattern:
    /\b(?:every|each)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/g,
  extract(m) {
    const mm = String(MONTHS[m[1].toLowerCase()]).padStart(2, '0');
    return whole(m, 'every-month', () => ({ type: 'SET', value: `XXXX-${mm}` }), 2);
  },
};

export const setParsers: Parser[] = [setAdverb, everyUnit, timesPer, everyMonth];
