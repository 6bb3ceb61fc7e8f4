/** Coarse and fuzzy periods: seasons, quarters ("Q3 2011"), halves ("the first half of 2011"), centuries. */
import { fmtYear } from '../calendar.js';
import { SEASONS } from '../lexicon.js';
import { yearForMonth } from '../resolve.js';
import { spelledToYear } from './absolute.js';
import type { Parser, Resolved } from '../types.js';
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
  last: 4,
  final: 4,
};

/** "Q3", "Q3 2011", "2011 Q3", "the first half of 2011", "the second quarter of 1990", "the last half of 1989". */
export const quarterHalf: Parser = {
  name: 'quarter-half',
  pattern:
    /\b(?:Q([1-4])(?:\s+(\d{4}))?|(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)(?:[\s-]+fiscal)?[\s-]+(quarter|half)\s+of\s+(?:fiscal\s+)?(\d{4}))\b/g,
  extract(m) {
    if (m[1]) {
      const q = Number(m[1]);
      const y = m[2] ? Number(m[2]) : null;
      return whole(
        m,
        'quarter-half',
        (ctx): Resolved => {
          const yy = y ?? (ctx.dct ? yearForMonth(ctx.dct, q * 3 - 2, ctx.dir) : null);
          return { type: 'DATE', value: `${yy === null ? 'XXXX' : fmtYear(yy)}-Q${q}` };
        },
        2,
      );
    }
    const kind = m[4].toLowerCase();
    let n = ORD[m[3].toLowerCase()];
    if (kind === 'half' && n > 2) n = 2;
    const y = Number(m[5]);
    const value = `${fmtYear(y)}-${kind === 'half' ? 'H' : 'Q'}${n}`;
    return whole(m, 'quarter-half', () => ({ type: 'DATE', value }), 3);
  },
};

/** "the summer of 1990", "spring 2011", "summer", "the winter". */
export const seasonParser: Parser = {
  name: 'season',
  pattern:
    /\b(?:(the)\s+)?(?:(early|late|mid)[\s-]+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}|nineteen[\s-]+[a-z]+(?:-[a-z]+)?))?\b/gi,
  extract(m) {
    const code = SEASONS[m[3].toLowerCase()];
    const yearText = m[4];
    const year = yearText ? (/^\d{4}$/.test(yearText) ? Number(yearText) : spelledToYear(yearText)) : null;
    // "fall" is mostly the verb or "the fall of the regime"; it is a season only with a year or a modifier.
    if (!year && m[3].toLowerCase() === 'fall' && !m[2]) return null;
    if (yearText && !year) return null;
    const mod = m[2]
      ? ({ early: 'START', late: 'END', mid: 'MID' } as Record<string, string>)[m[2].toLowerCase()]
      : undefined;
    return whole(
      m,
      'season',
      (ctx): Resolved => {
        const y = year ?? ctx.dct?.y ?? null;
        return {
          type: 'DATE',
          value: `${y === null ? 'XXXX' : fmtYear(y)}-${code}`,
          ...(mod ? { mod } : {}),
        };
      },
      0,
    );
  },
};

/** "the 20th century", "the 21st century", "this century". */
export const centuryParser: Parser = {
  name: 'century',
  pattern: /\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b/gi,
  extract(m) {
    const c = Number(m[2]);
    const value = String(c - 1).padStart(2, '0');
    return whole(m, 'century', () => ({ type: 'DATE', value }), 1);
  },
};

export const fuzzyParsers: Parser[] = [quarterHalf, seasonParser, centuryParser];
