/**
 * Calendar units relative to the publication day or to the narrative: "last week" (2011-W09), "this month",
 * "next year", "this quarter", "the following year", "that day", "two days ago", "a year earlier", "in three weeks".
 */
import { fmtYear, type Day } from '../calendar.js';
import { NUMBER_RE, SEASONS, parseNumber } from '../lexicon.js';
import { parseValue, relativeUnit, shift, unknownValue, valueAt, type Gran } from '../resolve.js';
import type { Parser, ResolveContext, Resolved } from '../types.js';
import { whole } from './util.js';

const GRAN: Record<string, Gran> = {
  day: 'day',
  week: 'week',
  weekend: 'weekend',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  decade: 'decade',
  century: 'century',
};

function seasonValue(ctx: ResolveContext, code: string, rel: string): Resolved {
  if (!ctx.dct) return { type: 'DATE', value: `XXXX-${code}` };
  const order = ['WI', 'SP', 'SU', 'FA'];
  // Season index of the DCT (winter = Dec-Feb counted with the year it mostly falls in).
  const cur = Math.floor((ctx.dct.m % 12) / 3);
  const idx = order.indexOf(code);
  let y = ctx.dct.y;
  if (rel === 'last' || rel === 'this past' || rel === 'past') {
    if (idx >= cur) y -= 1;
  } else if (rel === 'next' || rel === 'this coming' || rel === 'coming') {
    if (idx <= cur) y += 1;
  }
  return { type: 'DATE', value: `${fmtYear(y)}-${code}` };
}

/** "last/this/next <unit>" and narrative-relative "the following/previous <unit>", "that <unit>". */
export const relativeUnitParser: Parser = {
  name: 'relative-unit',
  pattern:
    /\b(last|this|next|current|this past|this coming|coming|past|previous|following|the current|the previous|the following|the prior|the same|that|that same|the coming|the past|the last|the next)\s+(day|week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)\b(?!-)(?:\s+or so\b)?/gi,
  extract(m) {
    const rel = m[1].toLowerCase();
    const unit = m[2].toLowerCase();
    const season = SEASONS[unit];
    // "the past/last/next/coming year" is a stretch of time (TimeML DURATION), not a calendar unit.
    if (/^the (past|last|next|coming)$/.test(rel) && !season) {
      if (unit === 'weekend') return null;
      const g = GRAN[unit];
      const value =
        {
          day: 'P1D',
          week: 'P1W',
          month: 'P1M',
          quarter: 'P3M',
          year: 'P1Y',
          decade: 'P10Y',
          century: 'P100Y',
        }[g as string] ?? 'P1Y';
      return whole(m, 'relative-unit', () => ({ type: 'DURATION', value }), 1);
    }
    if (season)
      return whole(m, 'relative-unit', (ctx) => seasonValue(ctx, season, rel.replace(/^the /, '')), 1);
    const g = GRAN[unit];
    const narrative =
      /^(the following|following|the previous|previous|the prior|the same|that|that same)$/.test(rel);
    if (unit === 'day' && !narrative) return null; // "this day" / "next day" alone are rare and vague
    const n = /last|previous|prior|past/.test(rel) ? -1 : /next|following|coming/.test(rel) ? 1 : 0;
    return whole(
      m,
      'relative-unit',
      (ctx) => {
        if (narrative) {
          const base = anchorFor(ctx, g);
          if (!base) return { type: 'DATE', value: unknownValue(g) };
          return { type: 'DATE', value: valueAt(shift(base, g, n), g) };
        }
        return { type: 'DATE', value: relativeUnit(ctx.dct, g, n) };
      },
      1,
    );
  },
};

/** The narrative anchor for a granularity: the previous mention when it is at least that precise, else the DCT. */
function anchorFor(ctx: ResolveContext, g: Gran): Day | null {
  if (g === 'day' || g === 'week' || g === 'weekend') return ctx.anchorDay ?? ctx.dct;
  const prev = ctx.previous ? parseValue(ctx.previous) : null;
  return prev?.day ?? ctx.dct;
}

const AGO_UNIT: Record<string, Gran> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  decade: 'decade',
  centurie: 'century',
  century: 'century',
};

/** "two days ago", "a year earlier", "three weeks later", "a decade ago". */
export const agoParser: Parser = {
  name: 'ago',
  pattern: new RegExp(
    `\\b((?:(?:about|almost|nearly|more than|less than|over|some|roughly|only|just|exactly)\\s+)?)(${NUMBER_RE})[\\s-]+(day|week|month|quarter|year|decade|centurie|century)s?(?:\\s+or so)?\\s+(ago|earlier|later|before|after|from now|hence|previously|since)\\b`,
    'gi',
  ),
  extract(m) {
    const n = parseNumber(m[2]);
    const g = AGO_UNIT[m[3].toLowerCase()];
    const which = m[4].toLowerCase();
    // "two days after the vote", "a year before the election", "three years since": these link two events;
    // the duration parser tags the amount of time instead.
    if (which === 'since' || which === 'after' || which === 'before') return null;
    const sign = which === 'ago' || which === 'earlier' || which === 'previously' ? -1 : 1;
    const mod = /more than|over/i.test(m[1])
      ? sign < 0
        ? 'BEFORE'
        : 'AFTER'
      : /about|almost|nearly|some|roughly/i.test(m[1])
        ? 'APPROX'
        : undefined;
    return whole(
      m,
      'ago',
      (ctx) => {
        const res: Resolved = { type: 'DATE', value: unknownValue(g) };
        if (mod) res.mod = mod;
        const fromNarrative = which === 'earlier' || which === 'later';
        const prev = ctx.previous ? parseValue(ctx.previous) : null;
        const base: Day | null = fromNarrative && prev ? prev.day : ctx.dct;
        if (!base) return res;
        if (n === null) {
          // "several years ago": some time in the past; "a few days later": unknown day.
          res.value = sign < 0 ? 'PAST_REF' : unknownValue(g);
          return res;
        }
        const count = Math.round(n);
        // "a year ago" in quarterly reporting means the same quarter a year before the one under discussion.
        const quarterly =
          g === 'year' &&
          count === 1 &&
          prev &&
          prev.gran === 'quarter' &&
          ctx.dct &&
          prev.day.y === ctx.dct.y;
        const gran: Gran = quarterly ? 'quarter' : g;
        const anchor = quarterly && prev ? prev.day : base;
        const shifted =
          g === 'decade' || g === 'century'
            ? shift(anchor, 'year', sign * count * (g === 'decade' ? 10 : 100))
            : shift(anchor, g, sign * count);
        res.value = valueAt(shifted, gran === 'decade' || gran === 'century' ? 'year' : gran);
        return res;
      },
      2,
    );
  },
};

/** "in three weeks", "within two days" as future dates: the extent follows TimeML and leaves out "in". */
export const inUnitsParser: Parser = {
  name: 'in-units',
  pattern: new RegExp(
    `(?<=\\bin\\s)(${NUMBER_RE})\\s+(day|week|month|year)s?(?:'\\s*time)?\\b(?!\\s+(?:ago|earlier|later|before|after))`,
    'gi',
  ),
  extract(m) {
    const n = parseNumber(m[1]);
    if (n === null || !Number.isInteger(n)) return null;
    const g = AGO_UNIT[m[2].toLowerCase()];
    return whole(
      m,
      'in-units',
      (ctx) => {
        if (ctx.dir < 0)
          return {
            type: 'DURATION',
            value: `P${n}${g === 'day' ? 'D' : g === 'week' ? 'W' : g === 'month' ? 'M' : 'Y'}`,
          };
        if (!ctx.dct) return { type: 'DATE', value: unknownValue(g === 'week' ? 'day' : g) };
        return { type: 'DATE', value: valueAt(shift(ctx.dct, g, n), g === 'week' ? 'day' : g) };
      },
      0,
    );
  },
};

/** The day before / after, the next day, that day, the same day: anchored to the previous day in the narrative. */
export const anchoredDay: Parser = {
  name: 'anchored-day',
  pattern:
    /\b(the day before|the day after|the next day|the following day|the previous day|the prior day|the same day|that same day|that day|the next morning|the following morning|the previous night|the night before|the next night|the same night|that night|that morning)\b/gi,
  extract(m) {
    const w = m[1].toLowerCase();
    const n = /before|previous|prior/.test(w) ? -1 : /after|next|following/.test(w) ? 1 : 0;
    const part = /morning/.test(w) ? 'MO' : /night/.test(w) ? 'NI' : undefined;
    return whole(
      m,
      'anchored-day',
      (ctx) => {
        const base = ctx.anchorDay ?? ctx.dct;
        const day = base ? valueAt(shift(base, 'day', n), 'day') : 'XXXX-XX-XX';
        return part ? { type: 'TIME', value: `${day}T${part}` } : { type: 'DATE', value: day };
      },
      3,
    );
  },
};

export const relativeUnitParsers: Parser[] = [relativeUnitParser, agoParser, inUnitsParser, anchoredDay];
