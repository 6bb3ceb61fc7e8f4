/** Edges of the current unit: "the end of the year", "the beginning of this month", "the middle of the week". */
import { relativeUnit, type Gran } from '../resolve.js';
import type { Parser } from '../types.js';
import { whole } from './util.js';

const MOD: Record<string, string> = {
  end: 'END',
  close: 'END',
  beginning: 'START',
  start: 'START',
  middle: 'MID',
};

export const unitEdge: Parser = {
  name: 'unit-edge',
  pattern:
    /\b(?:the\s+)?(end|close|beginning|start|middle)\s+of\s+(the|this|next|last)\s+(week|month|quarter|year|decade|century)\b/gi,
  extract(m) {
    const mod = MOD[m[1].toLowerCase()];
    const rel = m[2].toLowerCase();
    const n = rel === 'next' ? 1 : rel === 'last' ? -1 : 0;
    const g = m[3].toLowerCase() as Gran;
    return whole(m, 'unit-edge', (ctx) => ({ type: 'DATE', value: relativeUnit(ctx.dct, g, n), mod }), 2);
  },
};

export const edgeParsers: Parser[] = [unitEdge];
