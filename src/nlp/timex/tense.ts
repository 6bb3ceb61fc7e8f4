/**
 * Tense and modality around an expression decide the direction of underspecified dates: "met on Monday"
 * → the past Monday, "will meet on Monday" / "is due to resume on Monday" → the coming one.
 * The expression takes the tense of its own clause (`clauseOf`): a relative clause ("who arrived in Paris on
 * Tuesday"), a participial clause between commas, or reported speech ("said (that) ..."), not the
 * sentence's main verb. Within the clause the nearest cue wins (future cues win ties); a clause without a
 * cue takes the main clause's (the sentence without its subordinate clauses), then the whole sentence's.
 */
import type { Direction } from './types.js';

const FUTURE =
  /\b(?:will|won't|wo n't|shall|'ll|going to|gonna|(?:is|are|be) (?:due|set|scheduled|slated|expected|likely|poised|going|planning|planned|to)\b|due to|set to|slated to|scheduled to|poised to|plans? to|planned to|planning to|as soon as|(?:was|were) to|intends? to|aims? to|hopes? to|expects? to|expected to|scheduled|upcoming|coming|next|tomorrow|would|later this|later today|ahead)\b/gi;
const PAST =
  /\b(?:was|were|had|did|said|told|ago|last|yesterday|earlier|previously|been|[a-z]{2,}ed|met|went|came|took|made|gave|held|left|began|fell|rose|saw|found|got|won|lost|sent|spent|struck|became|brought|bought|broke|built|caught|chose|drove|fled|flew|fought|grew|heard|kept|knew|led|meant|paid|ran|sat|sold|shot|spoke|stood|stole|swore|taught|thought|threw|wrote|drew|sought|sank|woke|wore|felt|dealt|stuck|hung|ate|forgot|overtook|underwent|withdrew|arose|since|risen|fallen|grown|begun|gone|taken|seen|shown|done|given|known|spoken|written|driven|broken|chosen|stolen|thrown|flown|fled)\b/gi;
/** Words ending in -ed that are not past-tense cues. */
const NOT_PAST = new Set([
  'scheduled',
  'expected',
  'planned',
  'proposed',
  'need',
  'speed',
  'indeed',
  'red',
  'bed',
  'hundred',
  'united',
  'limited',
  'based',
  'related',
  'interested',
  'concerned',
  'supposed',
  'used',
  'closed',
]);

/** A part of the sentence, [start, end), offsets into it. */
type Range = [number, number];

function nearest(
  re: RegExp,
  s: string,
  pos: number,
  end: number,
  skip?: Set<string>,
  within?: Range[],
): number {
  re.lastIndex = 0;
  let best = Infinity;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (within && !within.some(([a, b]) => m!.index >= a && m!.index + m![0].length <= b)) continue;
    if (skip && skip.has(m[0].toLowerCase())) continue;
    // A participle after be/is/are ("is expected", "will be finished") is not past narration.
    if (
      skip &&
      m[0].endsWith('ed') &&
      /\b(?:be|is|are|am|being)\s+(?:\w+\s+)?$/i.test(s.slice(Math.max(0, m.index - 20), m.index))
    )
      continue;
    const a = m.index;
    const b = a + m[0].length;
    if (a >= pos && b <= end) continue; // inside the expression itself
    const dist = b <= pos ? pos - b : a >= end ? a - end + 10 : 0; // cues before the expression weigh more
    if (dist < best) best = dist;
  }
  return best;
}

/** Relative clauses between commas (or to the sentence end): ", who arrived in Paris on Tuesday,". */
const RELATIVE = /,\s*(?:who|which|whom|whose|where)\b[^,;:()—]*/gi;
/** Restrictive relative clauses up to the main clause's auxiliary: "the talks that began on Monday will". */
const RESTRICTIVE =
  /\b(?:who|which|that)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|was|were|is|are|has|had|have|will|would)\b[^,;:()—]*?(?=\s+(?:will|would|is|are|was|were|has|have|had|must|can|could|should|may|might|won't)\b|[,;:()—]|$)/gi;
/** Participial clauses between commas: ", arriving in Paris on Tuesday,", ", having met him on Monday,". */
const PARTICIPIAL = /,\s*(?:having\s+|after\s+|before\s+|while\s+)?[a-z]+(?:ing|ed)\b[^,;:()—]*(?=,)/gi;
/** Reported speech: what follows a verb of saying, from "that" when it comes within a few words. */
const REPORTED =
  /\b(?:said|says|say|told\s+\w+|tells\s+\w+|announced|added|stated|warned|insisted|claimed|explained|confirmed|predicted|promised)\b(?:\s+(?:\w+\s+){0,4}?that\b|(?=\s+(?!on\b|in\b|at\b|during\b|last\b|this\b|yesterday\b|today\b|earlier\b|later\b|after\b|before\b|by\b|to\b|of\b|,)[a-z]))/gi;

/** The subordinate clauses of a sentence, as ranges (possibly nested: reported speech holds the others). */
export function subordinateClauses(s: string): Range[] {
  const out: Range[] = [];
  for (const re of [RELATIVE, RESTRICTIVE, PARTICIPIAL]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push([m.index, m.index + m[0].length]);
    }
  }
  REPORTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REPORTED.exec(s))) out.push([m.index + m[0].length, s.length]);
  return out;
}

/** The innermost subordinate clause holding [pos, end), or null (the expression is in the main clause). */
function clauseOf(clauses: Range[], pos: number, end: number): Range | null {
  let best: Range | null = null;
  for (const c of clauses)
    if (c[0] <= pos && end <= c[1] && (!best || c[1] - c[0] < best[1] - best[0])) best = c;
  return best;
}

/** The ranges of `whole` left when `holes` are cut out (the main clause around subordinate ones). */
function without(whole: Range, holes: Range[]): Range[] {
  let parts: Range[] = [whole];
  for (const [a, b] of holes)
    parts = parts.flatMap(([x, y]) =>
      b <= x || a >= y
        ? [[x, y] as Range]
        : ([
            [x, a],
            [b, y],
          ].filter(([p, q]) => q > p) as Range[]),
    );
  return parts;
}

function directionIn(s: string, pos: number, end: number, within?: Range[]): Direction | null {
  const f = nearest(FUTURE, s, pos, end, undefined, within);
  const p = nearest(PAST, s, pos, end, NOT_PAST, within);
  if (f === Infinity && p === Infinity) return null;
  return f <= p ? 1 : -1;
}

/** Direction for an expression at [pos, end) of sentence s (offsets relative to s). */
export function directionAt(s: string, pos: number, end: number): Direction {
  const clauses = subordinateClauses(s);
  if (clauses.length) {
    const own = clauseOf(clauses, pos, end);
    // the clause itself without the clauses nested in it ("said that the minister, who arrived ..., will")
    const scope = own ?? ([0, s.length] as Range);
    const inner = clauses.filter(
      (c) => c !== own && c[0] >= scope[0] && c[1] <= scope[1] && !(c[0] <= pos && end <= c[1]),
    );
    const d = directionIn(s, pos, end, without(scope, inner));
    if (d !== null) return d;
  }
  return directionIn(s, pos, end) ?? 0;
}
