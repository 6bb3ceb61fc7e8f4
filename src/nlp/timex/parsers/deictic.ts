/** Days named relative to the publication day: today, yesterday, tomorrow, tonight, last night, this morning. */
import { addDays, fmtDay } from '../calendar.js';
import { DAY_PARTS } from '../lexicon.js';
import type { Parser, ResolveContext, Resolved } from '../types.js';
import { whole } from './util.js';

const OFFSETS: Record<string, number> = {
  today: 0,
  yesterday: -1,
  tomorrow: 1,
  tonight: 0,
  'the day before yesterday': -2,
  'the day after tomorrow': 2,
};

export function dayPlus(ctx: ResolveContext, n: number, part?: string): Resolved {
  const day = ctx.dct ? fmtDay(addDays(ctx.dct, n)) : 'XXXX-XX-XX';
  return part ? { type: 'TIME', value: `${day}T${part}` } : { type: 'DATE', value: day };
}

export const deicticDay: Parser = {
  name: 'deictic-day',
  pattern:
    /\b(the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight)(?:\s+(morning|afternoon|evening|night))?\b/gi,
  extract(m, text) {
    const w = m[1].toLowerCase();
    // "today's world", "today's computers": generic present, not the publication day.
    if (
      w === 'today' &&
      !m[2] &&
      /^['’]s\s+(?:world|society|standards|economy|computers|technology|youth|young|children|market|environment)\b/i.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 20),
      )
    )
      return null;
    const n = OFFSETS[w];
    const part = m[2] ? DAY_PARTS[m[2].toLowerCase()] : w === 'tonight' ? 'NI' : undefined;
    return whole(m, 'deictic-day', (ctx) => dayPlus(ctx, n, part), 1);
  },
};

/** Parts of the publication day or the night before: "this morning", "last night", "overnight". */
export const dayPart: Parser = {
  name: 'day-part',
  pattern: /\b(?:(this|last|tomorrow|yesterday)\s+(morning|afternoon|evening|night)|(overnight))\b/gi,
  extract(m) {
    const rel = m[1]?.toLowerCase();
    const part = DAY_PARTS[(m[2] ?? m[3]).toLowerCase()];
    const n = rel === 'last' || rel === 'yesterday' ? -1 : rel === 'tomorrow' ? 1 : 0;
    return whole(m, 'day-part', (ctx) => dayPlus(ctx, n, part), 1);
  },
};

export const deicticParsers: Parser[] = [deicticDay, dayPart];
