/** Weekdays resolved by tense: "met on Monday" → the past Monday, "will meet on Monday" → the coming one. */
import { fmtDay, shiftToWeekday } from '../calendar.js';
import { DAY_PARTS, WEEKDAYS } from '../lexicon.js';
import type { Parser, ResolveContext, Resolved } from '../types.js';
import { whole } from './util.js';

/** The day a weekday refers to, given an explicit modifier or else the clause's direction. */
export function resolveWeekday(ctx: ResolveContext, wd: number, rel: string | undefined): string {
  if (!ctx.dct) return `XXXX-WXX-${wd}`;
  let day;
  switch (rel) {
    case 'last':
    case 'past':
    case 'this past':
    case 'previous':
      day = shiftToWeekday(ctx.dct, wd, -1, true);
      break;
    case 'next':
    case 'coming':
    case 'this coming':
      day = shiftToWeekday(ctx.dct, wd, 1, true);
      break;
    default:
      // Same weekday as the publication day → that day; otherwise the tense decides (news default: past).
      day = shiftToWeekday(ctx.dct, wd, ctx.dir > 0 ? 1 : -1, false);
  }
  return fmtDay(day);
}

export const weekdayParser: Parser = {
  name: 'weekday',
  pattern:
    /\b(?:((?:[Tt]he )?(?:[Ll]ast|[Tt]his|[Nn]ext|[Tt]his past|[Tt]his coming|[Cc]oming|[Pp]ast|[Pp]revious|[Ff]ollowing))\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:(?:'s)?\s+(morning|afternoon|evening|night))?(?!s)\b/g,
  extract(m) {
    const rel = m[1]?.toLowerCase();
    const wd = WEEKDAYS[m[2].toLowerCase()];
    const part = m[3] ? DAY_PARTS[m[3]] : undefined;
    return whole(
      m,
      'weekday',
      (ctx): Resolved => {
        // "the previous Friday", "the following Monday": relative to the narrative's day, not the DCT.
        const narrative = rel === 'the previous' || rel === 'the following' || rel === 'following';
        const day = narrative
          ? ctx.anchorDay
            ? fmtDay(shiftToWeekday(ctx.anchorDay, wd, rel === 'the previous' ? -1 : 1, true))
            : `XXXX-WXX-${wd}`
          : resolveWeekday(ctx, wd, rel?.replace(/^the /, ''));
        return part ? { type: 'TIME', value: `${day}T${part}` } : { type: 'DATE', value: day };
      },
      1,
    );
  },
};

/** "Fridays", "on Sunday nights": recurring weekdays are SETs. */
export const weekdaySet: Parser = {
  name: 'weekday-set',
  pattern:
    /\b(?:(every|each)\s+)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(morning|afternoon|evening|night))?\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s(?:\s+(morning|afternoon|evening|night))?\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(mornings|afternoons|evenings|nights)\b/g,
  extract(m) {
    const name = m[2] ?? m[4] ?? m[6];
    const wd = WEEKDAYS[name.toLowerCase()];
    const partWord = (m[3] ?? m[5] ?? m[7])?.replace(/s$/, '');
    const part = partWord ? DAY_PARTS[partWord] : undefined;
    const value = `XXXX-WXX-${wd}${part ? 'T' + part : ''}`;
    return whole(
      m,
      'weekday-set',
      () => ({ type: 'SET', value, ...(m[1] ? { quant: m[1].toUpperCase() } : {}) }),
      2,
    );
  },
};

export const weekdayParsers: Parser[] = [weekdayParser, weekdaySet];
