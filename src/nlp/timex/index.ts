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
import { F, scanFeatures } from './features.js';
import { absoluteParsers } from './parsers/absolute.js';
import { bareUnitParsers } from './parsers/bare-unit.js';
import { holidayParsers } from './parsers/holiday.js';
import { clockParsers } from './parsers/clock.js';
import { deicticParsers } from './parsers/deictic.js';
import { durationParsers } from './parsers/duration.js';
import { edgeParsers } from './parsers/edge.js';
import { financialParsers } from './parsers/financial.js';
import { fuzzyParsers } from './parsers/fuzzy.js';
import { referenceParsers } from './parsers/reference.js';
import { relativeUnitParsers } from './parsers/relative-unit.js';
import { setParsers } from './parsers/set.js';
import { weekdayParsers } from './parsers/weekday.js';
import { absorbModifiers, joinTimeAndDay, removeOverlaps } from './refine.js';
import { parseValue } from './resolve.js';
import { directionAt } from './tense.js';
import type { Candidate, Parser } from './types.js';

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
];

/** What each parser needs to see before it runs (see features.ts); parsers not listed always run. */
const NEEDS: Record<string, number[]> = {
  'month-day': [F.MONTH, F.DIGIT],
  'day-month': [F.MONTH, F.DIGIT],
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
  duration: [F.UNIT],
  'vague-duration': [F.UNIT],
  'set-adverb': [F.FREQ],
  'every-unit': [F.UNIT],
  'times-per': [F.UNIT],
  'every-month': [F.MONTH],
  reference: [F.REF],
  holiday: [F.HOLIDAY],
};
for (const p of parsers) if (!p.needs && NEEDS[p.name]) p.needs = NEEDS[p.name];

/** Rules whose values are computed from the narrative's reference time and must not replace it. */
const NARRATIVE_RELATIVE = new Set(['ago', 'anchored-day', 'year-ago', 'last-year-period']);

/** Characters either side of an expression in which tense and modality cues are looked for. */
const TENSE_WINDOW = 150;

function collect(text: string): Candidate[] {
  const out: Candidate[] = [];
  const features = scanFeatures(text);
  if (!features) return out;
  for (const p of parsers) {
    if (p.needs && !p.needs.every((mask) => (features & mask) !== 0)) continue;
    const re = p.pattern;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const c = p.extract(m, text);
      if (c && c.end > c.start) out.push(c);
    }
  }
  return out;
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
    const dir = directionAt(text.slice(sStart, sEnd), c.start - sStart, c.end - sStart);
    const r = c.resolve({ dct, dir, anchorDay, previous });
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
