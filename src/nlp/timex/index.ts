/**
 * Time-expression stage: finds TIMEX3 expressions (DATE, TIME, DURATION, SET) and resolves their values
 * against the publication day and the text around them.
 *
 * Layers (chrono-node style): parsers (./parsers, one file per pattern family) propose candidates;
 * refiners (./refine.ts) drop overlaps, absorb early/mid/late modifiers and join clock times to days;
 * the resolver (./resolve.ts, ./tense.ts) turns each candidate into a value using the DCT, the clause's
 * tense and the narrative anchor (the latest day mentioned before it).
 */
import type { Article, IsoDay, Timex } from '../../model.js';
import { splitSentences } from '../sentences.js';
import { parseDay, type Day } from './calendar.js';
import {
  buildTriggerTable,
  F,
  featuresAround,
  scanFeatures,
  scanTriggers,
  type Trigger,
} from './features.js';
import { absoluteParsers } from './parsers/absolute.js';
import { bareUnitParsers } from './parsers/bare-unit.js';
import { holidayParsers } from './parsers/holiday.js';
import { clockParsers } from './parsers/clock.js';
import { deicticParsers } from './parsers/deictic.js';
import { durationParsers } from './parsers/duration.js';
import { edgeParsers } from './parsers/edge.js';
import { financialParsers } from './parsers/financial.js';
import { fuzzyParsers } from './parsers/fuzzy.js';
import { rangeParsers } from './parsers/range.js';
import { referenceParsers } from './parsers/reference.js';
import { relativeUnitParsers } from './parsers/relative-unit.js';
import { setParsers } from './parsers/set.js';
import { weekdayParsers } from './parsers/weekday.js';
import { absorbModifiers, joinTimeAndDay, removeOverlaps } from './refine.js';
import { parseValue } from './resolve.js';
import { directionAt } from './tense.js';
import type { Candidate, Direction, Parser, ResolveContext } from './types.js';

export type { Candidate, Parser, ResolveContext, Resolved, Direction } from './types.js';

export interface TimexOptions {
  /** Document creation time (publication day); null leaves relative expressions unresolved (X placeholders). */
  dct: IsoDay | null;
  /** Sentence spans (offsets into text), used for tense and for anchoring "the day before". */
  sentences?: { start: number; end: number }[];
}

/** Every parser, in no particular order: overlaps are settled by the refiners. */
export const parsers: Parser[] = [
  ...absoluteParsers,
  ...deicticParsers,
  ...weekdayParsers,
  ...clockParsers,
  ...relativeUnitParsers,
  ...edgeParsers,
  ...bareUnitParsers,
  ...holidayParsers,
  ...fuzzyParsers,
  ...financialParsers,
  ...durationParsers,
  ...setParsers,
  ...referenceParsers,
  ...rangeParsers,
];

/** What each parser needs to see before it runs (see features.ts); parsers not listed always run. */
const NEEDS: Record<string, number[]> = {
  'month-day': [F.MONTH, F.DIGIT],
  'day-month': [F.MONTH, F.DIGIT],
  'month-ordinal': [F.MONTH],
  'ordinal-of-month': [F.MONTH],
  'month-day-range': [F.MONTH, F.DIGIT],
  'day-month-range': [F.MONTH, F.DIGIT],
  'year-range': [F.DIGIT],
  'week-of': [F.MONTH, F.DIGIT, F.UNIT],
  'iso-date': [F.DIGIT],
  'us-numeric': [F.DIGIT],
  'month-year': [F.MONTH],
  'month-name': [F.MONTH],
  year: [F.DIGIT],
  decade: [F.DIGIT | F.SPELLED],
  'spelled-year': [F.SPELLED],
  'deictic-day': [F.DEICTIC],
  'day-part': [F.DEICTIC | F.UNIT],
  weekday: [F.WEEKDAY],
  'weekday-set': [F.WEEKDAY],
  clock: [F.DIGIT],
  'named-time': [F.DEICTIC],
  'relative-unit': [F.UNIT | F.SEASON],
  ago: [F.UNIT],
  'in-units': [F.UNIT],
  'anchored-day': [F.UNIT],
  'unit-edge': [F.UNIT],
  'the-year': [F.UNIT],
  'the-weekend': [F.UNIT],
  'year-end': [F.UNIT],
  'in-the-unit': [F.UNIT],
  'quarter-half': [F.DIGIT],
  season: [F.SEASON],
  century: [F.DIGIT],
  'named-quarter': [F.UNIT],
  'reported-quarter': [F.UNIT],
  'year-period': [F.DIGIT],
  'last-year-period': [F.UNIT],
  'fiscal-year': [F.UNIT],
  'fiscal-year-span': [F.DIGIT],
  duration: [F.UNIT],
  'duration-range': [F.UNIT],
  'vague-duration': [F.UNIT],
  'set-adverb': [F.FREQ],
  'every-unit': [F.UNIT],
  'times-per': [F.UNIT],
  'every-month': [F.MONTH],
  reference: [F.REF],
  holiday: [F.HOLIDAY],
};
for (const p of parsers) if (!p.needs && NEEDS[p.name]) p.needs = NEEDS[p.name];

const MONTH: Trigger['shapes'] = ['month'];
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Singular and plural of unit words. */
const withPlurals = (...words: string[]) => words.flatMap((w) => [w, w + 's']);
const DURATION_UNITS = withPlurals(
  'second',
  'minute',
  'hour',
  'day',
  'night',
  'week',
  'fortnight',
  'month',
  'quarter',
  'year',
  'decade',
  'century',
  'centurie',
);

/**
 * Each parser's trigger (features.ts): a whole token every match contains, and the most tokens a match can
 * have before it. The counts follow the patterns' optional leading parts; the longest number phrase of
 * NUMBER_RE is three tokens ("a couple of", "5 1/2"; "1.5" and "twenty-four" are two), MOD_RE's longest
 * modifier is three ("no more than"). Every trigger word is bounded on both sides by a non-word character
 * or by `\b` in its pattern, so it is a whole token. A parser left out is tried everywhere (scanAll).
 */
const TRIGGERS: Record<string, Trigger> = {
  // 2011-02-03 and 02/03/2011 start with their first number's token.
  'iso-date': { shapes: ['number'], before: 0 },
  'us-numeric': { shapes: ['number'], before: 0 },
  // [this coming] [weekday,] MONTH day
  'month-day': { shapes: MONTH, before: 3 },
  // [this coming] [weekday,] [the] day [of] MONTH: the month token may run on ("JanX" passes (?![a-z])), hence the shape.
  'day-month': { shapes: MONTH, before: 6 },
  'month-year': { shapes: MONTH, before: 0 },
  // [this coming] [weekday,] MONTH [the] eighth / twenty-first
  'month-ordinal': { shapes: MONTH, before: 3 },
  // [this coming] [weekday,] [the] twenty - first of MONTH
  'ordinal-of-month': { shapes: MONTH, before: 7 },
  // [weekday,] MONTH 3 - 5: the match starts at most one token before the month
  'month-day-range': { shapes: MONTH, before: 1 },
  // 3rd to 5th of MONTH
  'day-month-range': { shapes: MONTH, before: 4 },
  // 2009 - 2011: starts with its first year
  'year-range': { shapes: ['year'], before: 0 },
  // [the] week of [weekday,] MONTH 6
  'week-of': { words: ['week'], before: 1 },
  // [this coming] MONTH
  'month-name': { shapes: MONTH, before: 2 },
  // [calendar year] 1987, "FY2010" (the year ends its token: it is followed by \b)
  year: { shapes: ['year'], before: 2 },
  // [the] [early] 1990s / '80s / nineties; "rock'80s" starts at the apostrophe
  decade: {
    shapes: ['decade'],
    words: ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'],
    before: 2,
    apostrophe: true,
  },
  // [the year] nineteen ..., [the year] two thousand
  'spelled-year': { words: ['nineteen', 'eighteen', 'thousand'], before: 3 },
  // the day before yesterday
  'deictic-day': { words: ['today', 'yesterday', 'tomorrow', 'tonight'], before: 3 },
  'day-part': { words: ['morning', 'afternoon', 'evening', 'night', 'overnight'], before: 1 },
  // [the this past] Monday
  weekday: { words: WEEKDAY_NAMES, before: 3 },
  // [every] Monday, Mondays, Monday mornings
  'weekday-set': { words: WEEKDAY_NAMES.flatMap((w) => [w, w + 's']), before: 1 },
  // [at about] 3 p.m. (the hour starts its token: "3pm", "10", "10:35")
  clock: { shapes: ['number'], before: 2 },
  // "mid-afternoon" and "mid afternoon" start with the token "mid"
  'named-time': { words: ['noon', 'midday', 'midnight', 'midafternoon', 'midmorning', 'mid'], before: 0 },
  // [this past] year
  'relative-unit': {
    words: [
      'day',
      'week',
      'weekend',
      'month',
      'quarter',
      'year',
      'decade',
      'century',
      'spring',
      'summer',
      'fall',
      'autumn',
      'winter',
    ],
    before: 2,
  },
  // [more than] NUMBER unit(s) ago
  ago: {
    words: withPlurals('day', 'week', 'month', 'quarter', 'year', 'decade', 'centurie', 'century'),
    before: 5,
  },
  // (in) NUMBER unit(s)
  'in-units': { words: withPlurals('day', 'week', 'month', 'year'), before: 3 },
  // [the following] day/morning/night
  'anchored-day': { words: ['day', 'morning', 'night'], before: 2 },
  // [the] end of the year
  'unit-edge': { words: ['week', 'month', 'quarter', 'year', 'decade', 'century'], before: 4 },
  // the [full] year
  'the-year': { words: ['year', 'week'], before: 2 },
  'the-weekend': { words: ['weekend'], before: 1 },
  // [around] year-end / year end / year's end
  'year-end': { words: ['year'], before: 1 },
  // earlier in the year
  'in-the-unit': { words: ['day', 'week', 'month', 'year'], before: 3 },
  // Q3; [the] first [fiscal] quarter/half of 1990
  'quarter-half': { words: ['q1', 'q2', 'q3', 'q4', 'quarter', 'half'], before: 3 },
  // [the] [early] summer
  season: { words: ['spring', 'summer', 'fall', 'autumn', 'winter'], before: 2 },
  // [the] [early] 20th century
  century: { words: ['century'], before: 3 },
  // [this year ' s] [1990] [fiscal] third [fiscal] quarter(s)
  'named-quarter': { words: ['quarter', 'quarters'], before: 7 },
  // [the] [comparable year-ago] [third] quarter/period; year-earlier / year-ago / year-before
  'reported-quarter': { words: ['quarter', 'period', 'earlier', 'ago', 'before'], before: 5 },
  // [the] 1988 [fiscal] period
  'year-period': { words: ['period', 'quarter'], before: 3 },
  // last year ' s [third] quarter; the same period
  'last-year-period': { words: ['quarter', 'period'], before: 4 },
  // fiscal [year] 2010-11, FY 12, FY12, FY2012/13 (a fused "FY2012" ends in a year)
  'fiscal-year-span': {
    words: ['fiscal', 'fy', ...Array.from({ length: 100 }, (_, i) => `fy${String(i).padStart(2, '0')}`)],
    shapes: ['year'],
    before: 0,
  },
  // [the] [current] fiscal year
  'fiscal-year': { words: ['fiscal'], before: 2 },
  // [no more than] [the] [past] NUMBER [and a half] unit(s)
  duration: { words: DURATION_UNITS, before: 11 },
  // [no more than] [the next] twenty - four to thirty - six hours; a year or two; weeks or months
  'duration-range': { words: DURATION_UNITS, before: 11 },
  // [quite] a while, some time
  'while-duration': { words: ['while', 'time'], before: 2 },
  // [the coming] years
  'vague-duration': {
    words: ['minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries', 'quarters'],
    before: 2,
  },
  'set-adverb': {
    words: [
      'hourly',
      'daily',
      'nightly',
      'weekly',
      'biweekly',
      'fortnightly',
      'monthly',
      'quarterly',
      'annually',
      'yearly',
      'semiannually',
      'biannually',
    ],
    before: 0,
  },
  // every [NUMBER] unit(s)
  'every-unit': {
    words: withPlurals(
      'second',
      'minute',
      'hour',
      'day',
      'night',
      'week',
      'month',
      'quarter',
      'year',
      'decade',
      'morning',
      'afternoon',
      'evening',
      'summer',
      'winter',
      'spring',
    ),
    before: 4,
  },
  // once / twice / NUMBER times (a week)
  'times-per': { words: ['once', 'twice', 'times'], before: 3 },
  'every-month': { shapes: MONTH, before: 1 },
  // One word of each phrase: "just now", "at present", "these days", "for the moment", "more recently",
  // "the near future", "the short term", "the past", "as soon as possible", "a later date"...
  reference: {
    words: [
      'now',
      'currently',
      'present',
      'presently',
      'nowadays',
      'days',
      'moment',
      'recently',
      'formerly',
      'future',
      'term',
      'past',
      'current',
      'possible',
      'date',
    ],
    before: 3,
  },
  // [last] Christmas, New Year's, Independence Day, Fourth of July, Valentine's Day, Good Friday...
  holiday: {
    words: [
      'christmas',
      'new',
      'independence',
      'fourth',
      'halloween',
      'valentine',
      'thanksgiving',
      'election',
      'labor',
      'memorial',
      'easter',
      'good',
    ],
    before: 1,
  },
};
for (const p of parsers) if (!p.trigger && TRIGGERS[p.name]) p.trigger = TRIGGERS[p.name];

/** Built once from `parsers` (trigger id = index in `parsers`). */
const TRIGGER_TABLE = buildTriggerTable(parsers.map((p) => p.trigger));
/** Sticky copies of the patterns: tried at one position each, they match exactly as the global scan would there. */
const STICKY = new WeakMap<RegExp, RegExp>();
function sticky(re: RegExp): RegExp {
  let s = STICKY.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    STICKY.set(re, s);
  }
  return s;
}

/** Rules whose values are computed from the narrative's reference time and must not replace it. */
const NARRATIVE_RELATIVE = new Set(['ago', 'anchored-day', 'year-ago', 'last-year-period']);

/** Characters either side of an expression in which tense and modality cues are looked for. */
const TENSE_WINDOW = 150;

function emit(p: Parser, m: RegExpExecArray, text: string, out: Candidate[]): void {
  const c = p.extract(m, text);
  if (!c) return;
  if (Array.isArray(c)) {
    for (const x of c) if (x.end > x.start) out.push(x);
  } else if (c.end > c.start) out.push(c);
}

/** The plain global scan over the whole text (parsers without a trigger). */
function scanAll(p: Parser, text: string, out: Candidate[]): void {
  const re = p.pattern;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    emit(p, m, text, out);
  }
}

/**
 * The same matches as scanAll, found by trying the pattern only at the token starts that can begin a
 * match. The global scan finds, from a position L, the leftmost match starting at or after L. Every match
 * contains a trigger token with at most `before` tokens of the match ahead of it, so a match starting at
 * or after L starts at one of the `before + 1` token starts ending at the first trigger token at or after L
 * (or at the apostrophe before one of them), or later; if none of those positions matches, the next trigger
 * token is taken. Whether the pattern matches at a position does not depend on L, so a position is tried
 * once. Matches start at `\b` before a word character (a token start) except where `apostrophe` says so.
 */
function scanTriggered(
  p: Parser,
  trigger: Trigger,
  hits: number[],
  starts: Int32Array,
  text: string,
  out: Candidate[],
): void {
  const re = sticky(p.pattern);
  let from = 0; // L: where the global scan would continue
  let tried = -1; // every position <= tried has been tried (and failed, or matched and was consumed)
  let h = 0;
  while (h < hits.length) {
    const ti = hits[h];
    if (starts[ti] < from) {
      h++;
      continue;
    }
    let m: RegExpExecArray | null = null;
    for (let j = Math.max(0, ti - trigger.before); j <= ti && !m; j++) {
      const pos = starts[j];
      // The apostrophe before the token first (positions are tried in order), then the token start.
      for (
        let at = trigger.apostrophe && pos > 0 && text.charCodeAt(pos - 1) === 39 ? pos - 1 : pos;
        at <= pos;
        at++
      ) {
        if (at < from || at <= tried) continue;
        tried = at;
        re.lastIndex = at;
        m = re.exec(text);
        if (m && m[0].length === 0) m = null; // an empty match yields nothing and the scan moves on
        if (m) break;
      }
    }
    if (!m) {
      h++;
      continue;
    }
    emit(p, m, text, out);
    // The same trigger can still be in a later match when this one ended before it.
    from = m.index + m[0].length;
  }
}

/** Whether a feature mask passes a parser's gate (the old rule: no features at all lets nothing through). */
function passes(features: number, needs: number[] | undefined): boolean {
  if (features === 0) return false;
  if (needs) for (const mask of needs) if ((features & mask) === 0) return false;
  return true;
}

function collect(text: string): Candidate[] {
  const scan = scanTriggers(text, TRIGGER_TABLE);
  const all: Candidate[] = [];
  if (!scan.count) return all;
  // The feature gate, decided without scanning the whole text where possible: digits are one quick test,
  // and SCAN run on a stretch around a parser's first candidate usually finds the word groups it needs
  // (featuresAround gives a subset of the full mask, so a group found there is in the full mask). Only
  // when that fails (the group is missing near the candidate) is the whole text scanned.
  let digit = -1;
  let full = -1;
  for (let i = 0; i < parsers.length; i++) {
    const p = parsers[i];
    const from = all.length;
    if (!p.trigger) scanAll(p, text, all);
    else {
      const hits = scan.hits[i];
      if (hits) scanTriggered(p, p.trigger, hits, scan.starts, text, all);
    }
    if (all.length === from) continue;
    if (digit < 0) digit = /\d/.test(text) ? F.DIGIT : 0;
    if (
      passes(digit, p.needs) ||
      passes(digit | featuresAround(text, all[from].start, all[from].end), p.needs)
    )
      continue;
    if (full < 0) full = scanFeatures(text);
    if (!passes(full, p.needs)) all.length = from; // gated out: drop this parser's candidates
  }
  return all;
}

/**
 * The resolver's context, with the clause's direction read only when a resolver asks for it: most
 * expressions ("1987", "three years", "now") never do, and directionAt is pure, so reading it later gives
 * the same value.
 */
class Context implements ResolveContext {
  private direction: Direction | undefined;
  constructor(
    readonly dct: Day | null,
    readonly anchorDay: Day | null,
    readonly previous: string | null,
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get dir(): Direction {
    return (this.direction ??= directionAt(
      this.text.slice(this.from, this.to),
      this.start - this.from,
      this.end - this.from,
    ));
  }
}

/** Every temporal expression in text, with offsets into text, resolved against options.dct. */
export function tagTimexes(text: string, options: TimexOptions): Timex[] {
  let cands = collect(text);
  if (!cands.length) return [];
  cands = removeOverlaps(cands, text.length);
  cands = absorbModifiers(cands, text);
  cands = joinTimeAndDay(cands, text);

  const dct: Day | null = parseDay(options.dct);
  const sentences = options.sentences ?? splitSentences(text);
  const out: Timex[] = [];
  let anchorDay: Day | null = dct;
  let previous: string | null = null;
  let si = 0;
  for (const c of cands) {
    while (si < sentences.length - 1 && sentences[si].end <= c.start) si++;
    const s = sentences[si];
    const inSentence = s && s.start <= c.start && c.end <= s.end;
    // Tense is read in the sentence, within a clause-sized window (also keeps run-on text linear).
    const sStart = Math.max(inSentence ? s.start : 0, c.start - TENSE_WINDOW);
    const sEnd = Math.min(inSentence ? s.end : text.length, c.end + TENSE_WINDOW);
    const r = c.resolve(new Context(dct, anchorDay, previous, text, sStart, sEnd, c.start, c.end));
    if (!r) continue;
    const t: Timex = {
      text: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      type: r.type,
      value: r.value,
      rule: c.rule,
    };
    if (r.mod) t.mod = r.mod;
    if (r.freq) t.freq = r.freq;
    if (r.quant) t.quant = r.quant;
    out.push(t);
    // Expressions that are themselves relative to the narrative ("a year earlier", "the day before") do not
    // move its reference time, so a chain of them keeps pointing at the same anchor.
    if ((r.type === 'DATE' || r.type === 'TIME') && !NARRATIVE_RELATIVE.has(c.rule)) {
      const pv = parseValue(r.value);
      if (pv) {
        previous = r.value.replace(/T.*$/, '');
        if (pv.gran === 'day') anchorDay = pv.day;
      }
    }
  }
  return out;
}

/** Pipeline stage: tag the whole article and attach each timex to its sentence. */
export function annotateTimexes(article: Article): void {
  const all = tagTimexes(article.text, { dct: article.publishedAt, sentences: article.sentences });
  // Each timex goes to the sentence its first character is in (an expression the splitter cut in two,
  // like "Feb. | 3", stays whole in the first part).
  let i = 0;
  for (const s of article.sentences) {
    const mine: Timex[] = [];
    while (i < all.length && all[i].start < s.start) i++;
    while (i < all.length && all[i].start < s.end) mine.push(all[i++]);
    s.timexes = mine;
  }
}
