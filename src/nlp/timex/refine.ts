/**
 * Refiners (chrono-node style): run after all parsers, on the candidate list. Each does one clean-up job:
 * overlap removal, fuzzy modifiers in front of an expression, and clock times joined to their day.
 */
import type { Candidate, ResolveContext, Resolved } from './types.js';

/** Keeps the longest of overlapping candidates (then the higher priority, then the earlier). Sorted by start. */
export function removeOverlaps(cands: Candidate[], textLength: number): Candidate[] {
  if (cands.length < 2) return cands;
  const order = cands
    .slice()
    .sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start,
    );
  const taken = new Uint8Array(textLength + 1);
  const kept: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let i = c.start; i < c.end; i++)
      if (taken[i]) {
        free = false;
        break;
      }
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const MOD_PREFIX =
  /\b(early|earlier|late|later|mid|middle of|the middle of|the end of|end of|the beginning of|beginning of|the start of|start of|the close of|around|approximately|roughly|sometime)(\s+|-)$/i;
const MODS: Record<string, string | undefined> = {
  early: 'START',
  'the beginning of': 'START',
  'beginning of': 'START',
  'the start of': 'START',
  'start of': 'START',
  mid: 'MID',
  'middle of': 'MID',
  'the middle of': 'MID',
  late: 'END',
  'the end of': 'END',
  'end of': 'END',
  'the close of': 'END',
  earlier: undefined,
  later: undefined,
  // TimeML keeps approximating modifiers in the extent ("around Nov. 1", APPROX); "sometime next year" has no mod.
  around: 'APPROX',
  approximately: 'APPROX',
  roughly: 'APPROX',
  sometime: undefined,
};
/** Approximating words: taken only before a calendar date, not before a part of a day or a bare year. */
const APPROX_WORDS = new Set(['around', 'approximately', 'roughly', 'sometime']);
const APPROX_RULES = new Set([
  'month-day',
  'day-month',
  'month-name',
  'month-year',
  'relative-unit',
  'weekday',
  'holiday',
  'season',
  'year',
]);
/** Rules whose expressions take an early/mid/late modifier into their extent. */
const MODIFIABLE = new Set([
  'month-name',
  'month-year',
  'year',
  'relative-unit',
  'deictic-day',
  'weekday',
  'day-part',
  'season',
  'named-time',
  'month-day',
  'spelled-year',
  'day-month',
  'holiday',
]);

/** "early 2010" (START), "mid-December" (MID), "late last year" (END), "earlier this month": widen the extent, add mod. */
export function absorbModifiers(cands: Candidate[], text: string): Candidate[] {
  let prevEnd = 0;
  for (const c of cands) {
    if (MODIFIABLE.has(c.rule)) {
      const from = Math.max(prevEnd, c.start - 20);
      const m = MOD_PREFIX.exec(text.slice(from, c.start));
      if (m) {
        const word = m[1].toLowerCase();
        // "earlier"/"later" only sharpen deictic expressions ("earlier this month", "later today").
        const deictic =
          c.rule === 'relative-unit' ||
          c.rule === 'deictic-day' ||
          c.rule === 'weekday' ||
          c.rule === 'day-part';
        const approx = APPROX_WORDS.has(word);
        if (approx ? APPROX_RULES.has(c.rule) : !((word === 'earlier' || word === 'later') && !deictic)) {
          const mod = MODS[word];
          const inner = c.resolve;
          c.start = from + m.index;
          c.resolve = (ctx) => {
            const r = inner(ctx);
            if (r && mod && !r.mod && r.type !== 'TIME') r.mod = mod;
            return r;
          };
        }
      }
    }
    prevEnd = c.end;
  }
  return cands;
}

const DAY_RULES = new Set([
  'month-day',
  'day-month',
  'weekday',
  'deictic-day',
  'iso-date',
  'us-numeric',
  'anchored-day',
]);
const JOIN = /^,?\s+(?:on\s+)?$/;

/** "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6", "Friday at 3 p.m.": one TIME on that day. */
export function joinTimeAndDay(cands: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    if (b) {
      const gap = text.slice(a.end, b.start);
      const clockFirst = a.timeOfDay && DAY_RULES.has(b.rule) && JOIN.test(gap) && !/on/.test(gap);
      const dayFirst =
        b.timeOfDay && DAY_RULES.has(a.rule) && /^,?\s+(?:at\s+)?$/.test(gap) && !/at/.test(gap);
      if (clockFirst || dayFirst) {
        const time = (a.timeOfDay ?? b.timeOfDay)!;
        const day = clockFirst ? b : a;
        out.push({
          start: a.start,
          end: b.end,
          rule: 'time-on-day',
          resolve: (ctx: ResolveContext): Resolved | null => {
            const r = day.resolve(ctx);
            if (!r) return null;
            const d = r.value.replace(/T.*$/, '');
            return { type: 'TIME', value: `${d}T${time}` };
          },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
