/**
 * Tense and modality around an expression decide the direction of underspecified dates: "met on Monday"
 * → the past Monday, "will meet on Monday" / "is due to resume on Monday" → the coming one.
 * The nearest cue to the expression within its sentence wins; future cues win ties.
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

function nearest(re: RegExp, s: string, pos: number, end: number, skip?: Set<string>): number {
  re.lastIndex = 0;
  let best = Infinity;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
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

/** Direction for an expression at [pos, end) of sentence s (offsets relative to s). */
export function directionAt(s: string, pos: number, end: number): Direction {
  const f = nearest(FUTURE, s, pos, end);
  const p = nearest(PAST, s, pos, end, NOT_PAST);
  if (f === Infinity && p === Infinity) return 0;
  return f <= p ? 1 : -1;
}
