/**
 * Durations: "four years" (P4Y), "24 hours" (PT24H), "more than four years" (mod MORE_THAN), "the past three
 * months", "the first nine months", "a five-year low", "several weeks" (PXW), "years" (PXY).
 */
import { CARDINAL_WORDS, NUMBER_RE, UNITS, parseNumber, unitKey } from '../lexicon.js';
import type { Parser, Resolved } from '../types.js';
import { whole } from './util.js';

const MODS: [RegExp, string][] = [
  [/^(more than|over|longer than)$/i, 'MORE_THAN'],
  [/^(less than|under|shorter than|fewer than)$/i, 'LESS_THAN'],
  [/^(at least|no less than)$/i, 'EQUAL_OR_MORE'],
  [/^(at most|no more than|up to|within)$/i, 'EQUAL_OR_LESS'],
  [/^(about|around|some|roughly|approximately|nearly|almost|close to)$/i, 'APPROX'],
];

export function durationValue(n: number | null, unit: string): string {
  const u = UNITS[unit];
  if (!u) return 'PX';
  let letter = u.letter;
  let count = n;
  if (unit === 'decade') {
    letter = 'Y';
    if (count !== null) count *= 10;
    else letter = 'DE';
  } else if (unit === 'century') {
    letter = 'Y';
    if (count !== null) count *= 100;
    else letter = 'CE';
  } else if (unit === 'fortnight') {
    if (count !== null) count *= 2;
  } else if (unit === 'quarter') {
    letter = 'M';
    if (count !== null) count *= 3;
    else letter = 'Q';
  }
  const num =
    count === null ? 'X' : Number.isInteger(count) ? String(count) : fractional(count, u.letter, u.time);
  return `P${u.time ? 'T' : ''}${num}${num.endsWith('M') || num.endsWith('H') || num.endsWith('D') ? '' : letter}`;
}

/** 1.5 years → 18M; half an hour → 30M; otherwise a decimal value. */
function fractional(n: number, letter: string, time: boolean): string {
  if (letter === 'Y') return `${Math.round(n * 12)}M`;
  if (letter === 'H' && time) {
    const h = Math.floor(n);
    const min = Math.round((n - h) * 60);
    return h ? `${h}H${min}M` : `${min}M`;
  }
  if (letter === 'D') return `${Math.round(n * 24)}H`;
  return String(n);
}

const RATE_BEFORE =
  /(?:\d|million|billion|trillion|percent|%|cents?|dollars?|seats|flights|times|trips)\s*$/i;

const MOD_RE =
  '(?:more than|less than|fewer than|longer than|at least|at most|no more than|no less than|up to|over|under|within|about|around|some|roughly|approximately|nearly|almost|close to|only|just|another|an additional)';

export const durationParser: Parser = {
  name: 'duration',
  pattern: new RegExp(
    `\\b(?:(${MOD_RE})\\s+)?(?:(the|a|its|their|his|her)\\s+)?(?:(past|last|next|first|coming|previous|following|final|latest|initial|same|remaining)\\s+)?(${NUMBER_RE})(?:[\\s-]+(?:more|full|straight|consecutive|trading|business|calendar|long|and a half))?[\\s-]+(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)s?\\b(?!-old|[\\s-]+old\\b)(?:\\s+(period|span|stretch|term)\\b)?(?:\\s+(?:or so|and a half))?`,
    'gi',
  ),
  extract(m, text) {
    const numText = m[4].toLowerCase();
    // "3.5 years" or "12,000 years" read from the middle of a number: the whole number was not a count.
    if (/[\d][.,]$/.test(text.slice(Math.max(0, m.index - 2), m.index))) return null;
    const art = m[2]?.toLowerCase();
    // "a day" after "once"/"twice" is a set frequency; the set parser takes the whole.
    if ((numText === 'a' || numText === 'an') && (art || m[3])) return null;
    const n = parseNumber(numText);
    if (n !== null && /^\d{4}$/.test(numText)) return null; // "the 1988 quarter" is a period of that year, not 1,988 quarters
    const unit = unitKey(m[5]);
    // "60 Minutes", "Three Days of the Condor": a capitalised unit inside a sentence is part of a title.
    if (
      /^[A-Z]/.test(m[5]) &&
      !/(?:^|[.!?]\s*["'“]?)\s*$/.test(text.slice(Math.max(0, m.index - 4), m.index))
    )
      return null;
    if (unit === 'quarter' && /-quarters$/i.test(m[0])) return null; // "three-quarters": a fraction
    if (unit === 'second' && (numText === 'a' || numText === 'one')) return null; // "a second group": ordinal
    // "$1.76 a year", "700 seats a week": a rate, not a duration.
    if (
      (numText === 'a' || numText === 'an') &&
      !m[1] &&
      RATE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))
    )
      return null;
    let value = durationValue(n, unit);
    if (/and a half/i.test(m[0]) && n !== null) value = durationValue(n + 0.5, unit);
    const modWord = m[1]?.toLowerCase();
    let mod: string | undefined;
    for (const [re, v] of MODS) if (modWord && re.test(modWord)) mod = v;
    // TimeML puts a modifier of the quantity inside the extent and in `mod` ("about a decade" APPROX,
    // "more than four hours" MORE_THAN, "at least the past 18 months"), but not a preposition ("within
    // 18 months", "over the past three years", "under a year") nor words that are not modifiers of the
    // amount ("only", "just", "another").
    let lead = 0;
    // "a three-year period", "its one-year term": a period noun makes the phrase the duration itself.
    const periodNoun = m[6] !== undefined;
    const core = periodNoun ? m[0].slice(0, m[0].length - m[6].length).trimEnd() : m[0];
    const hyphenated = /^[\w.]+-\w+$/.test(core.slice(core.toLowerCase().lastIndexOf(numText)).trim());
    if (modWord && (!mod || /^(within|over|under)$/.test(modWord))) {
      lead = m[1].length + 1;
      mod = undefined;
    }
    // "a five-year low": the article belongs to the noun phrase, not the expression.
    const dropArticle =
      ((art === 'a' || art === 'an') && !/^(few|couple)/.test(numText) && !periodNoun) ||
      (art && ((hyphenated && !periodNoun) || !/^(the|a|an)$/.test(art)));
    if (art && dropArticle) lead = (m[1] ? m[1].length + 1 : 0) + art.length + 1;
    // "will last 24 hours": "last" without an article is the verb.
    if (!art && m[3]?.toLowerCase() === 'last') {
      lead = m[0].toLowerCase().indexOf('last') + 5;
    }
    const c = whole(m, 'duration', (): Resolved => ({ type: 'DURATION', value, ...(mod ? { mod } : {}) }), 0);
    c.start += lead + (m[0].slice(lead).match(/^\s*/)?.[0].length ?? 0);
    return c;
  },
};

/** Bare plural units: "for years", "weeks of talks", "decades", "centuries". */
export const vagueDuration: Parser = {
  name: 'vague-duration',
  pattern:
    /\b(?:(recent|future|the coming|coming|the past|past|the last|the next|the)\s+)?(minutes|hours|days|weeks|months|years|decades|centuries|quarters)\b(?![\s-]+(?:ago|earlier|later|old)\b)(\s+ahead\b)?/gi,
  extract(m, text) {
    const rel = m[1]?.toLowerCase();
    // "the years" only in "over the years" / "the weeks ahead".
    if (rel === 'the' && !m[3] && !/\bover\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index)))
      return null;
    const unit = unitKey(m[2]);
    // Bare "minutes", "hours", "quarters" are rarely time expressions ("living quarters", "within minutes of").
    if (!rel && (unit === 'minute' || unit === 'hour' || unit === 'quarter')) return null;
    if (rel === 'future') return whole(m, 'vague-duration', () => ({ type: 'DATE', value: 'FUTURE_REF' }), 0);
    if (rel === 'recent' && unit === 'year')
      return whole(m, 'vague-duration', () => ({ type: 'DATE', value: 'PAST_REF' }), 0);
    const value = durationValue(null, unit);
    return whole(m, 'vague-duration', () => ({ type: 'DURATION', value }), -1);
  },
};

/** A definite cardinal: digits or number words ("12", "two", "twenty-four"), no vague quantity. */
const CARDINAL_RE = `(?:\\d+(?:\\.\\d+)?|(?:${Object.keys(CARDINAL_WORDS).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`;

/**
 * A range or a choice of amounts is one duration ("two to three weeks", "the next 12 to 18 months",
 * "a year or two", "weeks or months"): its value is the lower bound (or an unknown count of the first unit).
 */
export const durationRange: Parser = {
  name: 'duration-range',
  pattern: new RegExp(
    `\\b(?:(${MOD_RE})\\s+)?(?:the\\s+(?:past|last|next|coming|first|previous|following)\\s+)?(?:(\\d+(?:\\.\\d+)?\\s*[-–]\\s*\\d+(?:\\.\\d+)?|${CARDINAL_RE}\\s+(?:to|or)\\s+${CARDINAL_RE})[\\s-]+(second|minute|hour|day|week|month|year|decade)s?|(a|an|one)\\s+(second|minute|hour|day|week|month|year|decade)\\s+or\\s+(?:two|three)|(minute|hour|day|week|month|year|decade)s\\s+(?:or|to)\\s+(?:minute|hour|day|week|month|year|decade)s)\\b(?!-old|[\\s-]+old\\b|[\\s-]+(?:ago|earlier|later)\\b)`,
    'gi',
  ),
  extract(m) {
    const modWord = m[1]?.toLowerCase();
    let mod: string | undefined;
    for (const [re, v] of MODS) if (modWord && re.test(modWord)) mod = v;
    let value: string;
    if (m[2]) {
      // The lower bound: the digits before the dash, or the words before "to"/"or".
      const n = parseNumber(/^\d/.test(m[2]) ? /^[\d.]+/.exec(m[2])![0] : m[2].split(/\s+(?:to|or)\s+/i)[0]);
      if (n === null || n >= 1000) return null;
      value = durationValue(n, unitKey(m[3]));
    } else if (m[4]) value = durationValue(1, unitKey(m[5]));
    else value = durationValue(null, unitKey(m[6]));
    const c = whole(
      m,
      'duration-range',
      (): Resolved => ({ type: 'DURATION', value, ...(mod ? { mod } : {}) }),
      1,
    );
    if (modWord && (!mod || /^(within|over|under)$/.test(modWord))) {
      c.start += m[1].length;
      c.start += /^\s*/.exec(m[0].slice(m[1].length))![0].length;
      mod = undefined;
    }
    return c;
  },
};

/** "for some time", "for a while": a stretch of unknown length (only after "for", where it is one). */
export const whileDuration: Parser = {
  name: 'while-duration',
  pattern: /(?<=\bfor\s)(?:some time|a while|quite a while|a little while)\b/gi,
  extract(m) {
    return whole(m, 'while-duration', (): Resolved => ({ type: 'DURATION', value: 'PXX' }), 0);
  },
};

export const durationParsers: Parser[] = [durationParser, vagueDuration, durationRange, whileDuration];
