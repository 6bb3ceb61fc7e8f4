/**
 * TempEval-3 time-expression scoring (UzZaman et al. 2013, "SemEval-2013 Task 1: TempEval-3"):
 * extent P/R/F1 with strict (identical span) and relaxed (overlapping span) matching, and attribute
 * scores for type and value over relaxed matches, where attribute P = correct / #system and
 * R = correct / #gold (so attribute F1 = relaxed F1 × attribute accuracy).
 */

export interface Span {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface PRF {
  p: number;
  r: number;
  f: number;
}

export interface TimexCounts {
  gold: number;
  system: number;
  strict: number;
  /** Relaxed matches (one-to-one, by overlap). */
  relaxed: number;
  type: number;
  value: number;
}

export function emptyCounts(): TimexCounts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, type: 0, value: 0 };
}

/** Pairs of (gold, system) spans that overlap, one-to-one, preferring exact matches and larger overlaps. */
export function matchSpans<G extends Span, S extends Span>(gold: G[], system: S[]): [G, S][] {
  const pairs: { g: number; s: number; score: number }[] = [];
  for (let i = 0; i < gold.length; i++) {
    for (let j = 0; j < system.length; j++) {
      const a = gold[i];
      const b = system[j];
      const ov = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (ov <= 0) continue;
      const exact = a.start === b.start && a.end === b.end ? 1e6 : 0;
      pairs.push({ g: i, s: j, score: exact + ov });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  const gu = new Set<number>();
  const su = new Set<number>();
  const out: [G, S][] = [];
  for (const p of pairs) {
    if (gu.has(p.g) || su.has(p.s)) continue;
    gu.add(p.g);
    su.add(p.s);
    out.push([gold[p.g], system[p.s]]);
  }
  return out;
}

/** Counts for one document. */
export function scoreDocument(gold: Span[], system: Span[]): TimexCounts {
  const c = emptyCounts();
  c.gold = gold.length;
  c.system = system.length;
  for (const [g, s] of matchSpans(gold, system)) {
    c.relaxed++;
    if (g.start === s.start && g.end === s.end) c.strict++;
    if (g.type === s.type) c.type++;
    if (normaliseValue(g.value) === normaliseValue(s.value)) c.value++;
  }
  return c;
}

/** TempEval-3 compares values as strings; trivial spelling differences (case, spaces) are ignored. */
function normaliseValue(v: string): string {
  return v.trim().toUpperCase();
}

export function addCounts(a: TimexCounts, b: TimexCounts): TimexCounts {
  return {
    gold: a.gold + b.gold,
    system: a.system + b.system,
    strict: a.strict + b.strict,
    relaxed: a.relaxed + b.relaxed,
    type: a.type + b.type,
    value: a.value + b.value,
  };
}

export function prf(correct: number, system: number, gold: number): PRF {
  const p = system ? correct / system : 0;
  const r = gold ? correct / gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}

export interface TimexScores {
  strict: PRF;
  relaxed: PRF;
  type: PRF;
  value: PRF;
}

export function scores(c: TimexCounts): TimexScores {
  return {
    strict: prf(c.strict, c.system, c.gold),
    relaxed: prf(c.relaxed, c.system, c.gold),
    type: prf(c.type, c.system, c.gold),
    value: prf(c.value, c.system, c.gold),
  };
}
