/**
 * Units named with "the" and no other anchor, read against the publication day as news uses them:
 * "for the year" (this year), "the year ended June 30" (a year-long period), "for the week",
 * "over the weekend" (the nearest weekend in the tense's direction), "by year-end", "earlier in the year".
 */
import { fmtYear, shiftToWeekday } from '../calendar.js';
import { relativeUnit, valueAt, type Gran } from '../resolve.js';
import type { Parser, Resolved } from '../types.js';
import { whole } from './util.js';

export const theYear: Parser = {
  name: 'the-year',
  pattern:
    /\b(the\s+(?:full\s+|whole\s+|entire\s+)?)(year|week)\b(?!-|\s+(?:before|after|earlier|ago|of|in|to)\b|'s\s+(?:first|second|third|fourth))(\s+(?:ended|ending|to)\b)?/gi,
  extract(m) {
    const g = m[2].toLowerCase() as Gran;
    const period = Boolean(m[3]);
    const c = whole(
      m,
      'the-year',
      (ctx): Resolved => {
        if (period) return { type: 'DURATION', value: g === 'year' ? 'P1Y' : 'P1W' };
        return { type: 'DATE', value: relativeUnit(ctx.dct, g, 0) };
      },
      -1,
    );
    if (m[3]) c.end -= m[3].length;
    return c;
  },
};

export const theWeekend: Parser = {
  name: 'the-weekend',
  pattern: /\b(?:the|this)\s+weekend\b/gi,
  extract(m) {
    return whole(
      m,
      'the-weekend',
      (ctx): Resolved => {
        if (!ctx.dct) return { type: 'DATE', value: 'XXXX-WXX-WE' };
        const saturday = shiftToWeekday(ctx.dct, 6, ctx.dir > 0 ? 1 : -1, false);
        return { type: 'DATE', value: valueAt(saturday, 'week') + '-WE' };
      },
      0,
    );
  },
};

export const yearEnd: Parser = {
  name: 'year-end',
  pattern: /\b(?:around\s+)?(?:year[- ]end|year's end)\b/gi,
  extract(m) {
    return whole(
      m,
      'year-end',
      (ctx): Resolved => {
        if (!ctx.dct) return { type: 'DATE', value: 'XXXX-12-31' };
        const y = ctx.dir < 0 && ctx.dct.m < 12 ? ctx.dct.y - 1 : ctx.dct.y;
        return { type: 'DATE', value: `${fmtYear(y)}-12-31` };
      },
      0,
    );
  },
};

export const inTheUnit: Parser = {
  name: 'in-the-unit',
  pattern: /\b(?:earlier|later)\s+in\s+the\s+(day|week|month|year)\b/gi,
  extract(m) {
    const g = m[1].toLowerCase() as Gran;
    return whole(
      m,
      'in-the-unit',
      (ctx): Resolved => ({ type: 'DATE', value: relativeUnit(ctx.dct, g, 0) }),
      1,
    );
  },
};

export const bareUnitParsers: Parser[] = [theYear, theWeekend, yearEnd, inTheUnit];
