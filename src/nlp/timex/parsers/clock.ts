/** Clock times: "3 p.m.", "10:35 a.m. EST", "noon", "midnight", "4 in the morning". */
import { fmtDay } from '../calendar.js';
import type { Parser, ResolveContext, Resolved } from '../types.js';
import { whole } from './util.js';

const pad = (n: number) => String(n).padStart(2, '0');

function onDct(ctx: ResolveContext, time: string): Resolved {
  return { type: 'TIME', value: `${ctx.dct ? fmtDay(ctx.dct) : 'XXXX-XX-XX'}T${time}` };
}

export const clockTime: Parser = {
  name: 'clock',
  pattern:
    /\b(?:(?:about|around|at about|approximately|roughly)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:(a\.?m\.?|p\.?m\.?)(?![a-z])|(o'clock)|(in the (?:morning|afternoon|evening)|at night))(?:\s+(?:[ECMP][SD]T|GMT|UTC|local time)\b)?/gi,
  extract(m) {
    let h = Number(m[1]);
    const min = m[2] ? Number(m[2]) : 0;
    if (h > 12 || min > 59) return null;
    const ap = (m[3] ?? '').toLowerCase();
    const phrase = (m[5] ?? '').toLowerCase();
    if (ap.startsWith('p') || /afternoon|evening|night/.test(phrase)) {
      if (h < 12) h += 12;
    } else if ((ap.startsWith('a') || phrase.includes('morning')) && h === 12) h = 0;
    // A bare "am" is too often the verb; require periods or a digit-adjacent form.
    if (ap === 'am' && !/\d\s*am/i.test(m[0])) return null;
    const time = `${pad(h)}:${pad(min)}`;
    return { ...whole(m, 'clock', (ctx) => onDct(ctx, time), 2), timeOfDay: time };
  },
};

export const namedTime: Parser = {
  name: 'named-time',
  pattern: /(?<!\bhigh )\b(noon|midday|midnight|mid[- ]?afternoon|mid[- ]?morning)\b/gi,
  extract(m) {
    const w = m[1].toLowerCase().replace(/[- ]/, '');
    const time =
      w === 'midnight' ? '24:00' : w === 'midafternoon' ? 'AF' : w === 'midmorning' ? 'MO' : '12:00';
    return { ...whole(m, 'named-time', (ctx) => onDct(ctx, time), 1), timeOfDay: time };
  },
};

export const clockParsers: Parser[] = [clockTime, namedTime];
