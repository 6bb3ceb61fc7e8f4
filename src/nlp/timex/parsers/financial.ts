/**
 * Financial-news periods: "the third quarter", "third-quarter", "the quarter", "the latest quarter",
 * "the year-earlier period", "year-ago", "fiscal 1989", "the fiscal year", "this year's third quarter".
 * Convention (TimeBank): a quarter named without a year is the publication year's; "the quarter" in
 * earnings news is the latest reported (completed) quarter.
 */
import { fmtYear, quarterOf } from '../calendar.js';
import { parseValue } from '../resolve.js';
import type { Parser, ResolveContext, Resolved } from '../types.js';
import { whole } from './util.js';

const ORD: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

function quarterYear(ctx: ResolveContext, q: number, rel: string | undefined): string {
  if (!ctx.dct) return `XXXX-Q${q}`;
  let y = ctx.dct.y;
  if (rel === "last year's") y -= 1;
  else if (rel === "next year's") y += 1;
  else if (!rel || rel === 'the' || rel === 'its' || rel === 'the fiscal') {
    const cur = quarterOf(ctx.dct.m);
    if (ctx.dir > 0 && q < cur - 1) y += 1;
  }
  return `${fmtYear(y)}-Q${q}`;
}

export const namedQuarter: Parser = {
  name: 'named-quarter',
  pattern:
    /\b(?:(the|its|this year's|last year's|next year's|the fiscal|the year's)\s+)?(?:(\d{4})\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)(?:[\s-]+fiscal)?[\s-]+(quarter)s?\b(?!\s+of\s+\d)/gi,
  extract(m) {
    const q = ORD[m[3].toLowerCase()];
    const rel = m[1]?.toLowerCase();
    const y = m[2] ? Number(m[2]) : null;
    const c = whole(
      m,
      'named-quarter',
      (ctx): Resolved => ({
        type: 'DATE',
        value: y !== null ? `${fmtYear(y)}-Q${q}` : quarterYear(ctx, q, rel),
      }),
      1,
    );
    // "the third-quarter results", "its fourth-quarter charge": an adjective; TimeBank leaves the determiner out.
    if (m[1] && !m[2] && /-quarter/i.test(m[0]) && /^(the|its)$/i.test(m[1])) c.start += m[1].length + 1;
    return c;
  },
};

/** "the quarter", "the latest quarter", "the current quarter", "the year-earlier quarter/period", "year-ago". */
export const reportedQuarter: Parser = {
  name: 'reported-quarter',
  pattern:
    /\b(?:(the)\s+)?(?:(latest|current|recent|most recent|just-ended|just ended|year-earlier|year-ago|comparable|comparable year-ago|year-before|prior-year|corresponding|same)\s+)?(?:(first|second|third|fourth|fiscal)\s+)?(quarter|period)\b(?!-)|\b(year-earlier|year-ago|year-before)\b(?![\s-]+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))/gi,
  extract(m) {
    if (m[5]) return whole(m, 'year-ago', (ctx) => lastYearSame(ctx), 0);
    const adj = m[2]?.toLowerCase();
    const ord = m[3] ? ORD[m[3].toLowerCase()] : undefined;
    const noun = m[4].toLowerCase();
    if (!m[1] && !adj) return null;
    if (
      noun === 'period' &&
      !(adj && /year|prior|comparable|corresponding|same|latest|recent|current|just/.test(adj))
    )
      return null;
    if (adj && /year-|prior|comparable|corresponding/.test(adj)) {
      return whole(
        m,
        'year-ago',
        (ctx): Resolved => {
          if (ord && ctx.dct) return { type: 'DATE', value: `${fmtYear(ctx.dct.y - 1)}-Q${ord}` };
          return lastYearSame(ctx);
        },
        1,
      );
    }
    if (ord) return null; // "the third quarter": the named-quarter parser
    return whole(
      m,
      'reported-quarter',
      (ctx): Resolved => {
        if (!ctx.dct) return { type: 'DATE', value: 'XXXX-QX' };
        const cur = quarterOf(ctx.dct.m);
        if (adj === 'current') return { type: 'DATE', value: `${fmtYear(ctx.dct.y)}-Q${cur}` };
        // "the quarter", "the same period": the quarter under discussion when there is one.
        const prev = ctx.previous ? parseValue(ctx.previous) : null;
        if (prev && prev.gran === 'quarter' && !(adj && /latest|recent|just/.test(adj)))
          return { type: 'DATE', value: ctx.previous! };
        const q = cur === 1 ? 4 : cur - 1;
        return { type: 'DATE', value: `${fmtYear(cur === 1 ? ctx.dct.y - 1 : ctx.dct.y)}-Q${q}` };
      },
      0,
    );
  },
};

function lastYearSame(ctx: ResolveContext): Resolved {
  if (!ctx.dct) return { type: 'DATE', value: 'XXXX' };
  const prev = ctx.previous ? parseValue(ctx.previous) : null;
  if (prev && prev.gran === 'quarter') {
    if (prev.day.y < ctx.dct.y) return { type: 'DATE', value: ctx.previous!.slice(0, 7) };
    return { type: 'DATE', value: `${fmtYear(prev.day.y - 1)}-Q${quarterOf(prev.day.m)}` };
  }
  const cur = quarterOf(ctx.dct.m);
  const q = cur === 1 ? 4 : cur - 1;
  return { type: 'DATE', value: `${fmtYear((cur === 1 ? ctx.dct.y - 1 : ctx.dct.y) - 1)}-Q${q}` };
}

/** "the fiscal year", "the current fiscal year", "the latest fiscal year". */
/** "the 1988 period", "the 1989 quarter": the reported quarter of that year. */
export const yearPeriod: Parser = {
  name: 'year-period',
  pattern: /\b(?:the\s+)?((?:19|20)\d\d)\s+(?:fiscal\s+)?(period|quarter)\b/gi,
  extract(m) {
    const y = Number(m[1]);
    return whole(
      m,
      'year-period',
      (ctx): Resolved => {
        const prev = ctx.previous ? parseValue(ctx.previous) : null;
        const q =
          prev && prev.gran === 'quarter'
            ? quarterOf(prev.day.m)
            : ctx.dct
              ? ((quarterOf(ctx.dct.m) + 2) % 4) + 1
              : null;
        return { type: 'DATE', value: q ? `${fmtYear(y)}-Q${q}` : fmtYear(y) };
      },
      2,
    );
  },
};

/** "last year's quarter", "the corresponding period last year", "the same quarter a year ago". */
export const lastYearPeriod: Parser = {
  name: 'last-year-period',
  pattern:
    /\b(?:last year's\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period)|the\s+(?:corresponding|comparable|same)\s+(?:quarter|period)\s+(?:of\s+)?(?:last year|a year (?:ago|earlier)))\b/gi,
  extract(m) {
    return whole(m, 'last-year-period', (ctx) => lastYearSame(ctx), 2);
  },
};

export const fiscalYear: Parser = {
  name: 'fiscal-year',
  pattern: /\b(?:the\s+)?(?:(current|latest|last|next|previous|this)\s+)?fiscal[\s-]+year\b(?!\s+\d)/gi,
  extract(m) {
    const rel = m[1]?.toLowerCase();
    return whole(
      m,
      'fiscal-year',
      (ctx): Resolved => {
        if (!rel) return { type: 'DURATION', value: 'P1Y' };
        if (!ctx.dct) return { type: 'DATE', value: 'XXXX' };
        const n = rel === 'last' || rel === 'previous' || rel === 'latest' ? -1 : rel === 'next' ? 1 : 0;
        return { type: 'DATE', value: fmtYear(ctx.dct.y + n) };
      },
      1,
    );
  },
};

/** Two-digit years as fiscal years are written ("FY12"): 00-49 → 2000s, 50-99 → 1900s. */
const fullYear = (yy: string) => (Number(yy) < 50 ? 2000 : 1900) + Number(yy);

/**
 * Fiscal years named by their years: "FY12", "FY 2012", "fiscal year 2010-11", "FY2012/13". A fiscal year
 * written across two years is named by the year it ends in, as "fiscal 2011" is (the year parser's value).
 */
export const fiscalYearSpan: Parser = {
  name: 'fiscal-year-span',
  pattern:
    /\b(?:fiscal(?:\s+year)?\s+|FY\s*'?)((?:19|20)\d\d|\d\d)(?:\s*[-/–]\s*((?:19|20)\d\d|\d\d))?\b(?![\d%]|[.,]\d)/gi,
  extract(m) {
    const first = m[1].length === 2 ? fullYear(m[1]) : Number(m[1]);
    // "fiscal 12" is no year; a two-digit year needs the FY abbreviation.
    if (m[1].length === 2 && !/^FY/i.test(m[0])) return null;
    let y = first;
    if (m[2]) {
      const second = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
      if (second !== first + 1) return null;
      y = second;
    } else if (m[1].length === 4) return null; // "fiscal 2011", "FY2011": the year parser
    return whole(m, 'fiscal-year-span', (): Resolved => ({ type: 'DATE', value: fmtYear(y) }), 2);
  },
};

export const financialParsers: Parser[] = [
  fiscalYearSpan,
  namedQuarter,
  reportedQuarter,
  yearPeriod,
  lastYearPeriod,
  fiscalYear,
];
