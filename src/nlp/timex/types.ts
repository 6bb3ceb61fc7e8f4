import type { TimexType } from '../../model.js';
import type { Day } from './calendar.js';
import type { Trigger } from './features.js';

/** Direction that tense and modality give to an underspecified expression: -1 past, 0 unknown, +1 future. */
export type Direction = -1 | 0 | 1;

/** What the resolver knows when it turns a matched phrase into a TIMEX3 value. */
export interface ResolveContext {
  /** Document creation time (publication day); null → relative expressions get X placeholders. */
  dct: Day | null;
  /** Direction from the tense and modality of the clause around the expression. */
  dir: Direction;
  /** The latest day-precise date mentioned before this expression (narrative anchor for "the day before"). */
  anchorDay: Day | null;
  /** Value of the latest DATE/TIME mentioned before this expression, any granularity ("a year earlier"). */
  previous: string | null;
}

export interface Resolved {
  type: TimexType;
  value: string;
  mod?: string;
  freq?: string;
  quant?: string;
}

/** A matched phrase waiting for resolution. */
export interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** Higher wins when two candidates of the same length overlap. */
  priority?: number;
  /** For clock times and parts of day: the TIMEX3 time part ("14:00", "MO"), so a neighbouring date can absorb it. */
  timeOfDay?: string;
  resolve(ctx: ResolveContext): Resolved | null;
}

/** One pattern family (chrono-node's parser idea): a global regex and what to make of each match. */
export interface Parser {
  name: string;
  pattern: RegExp;
  /** Feature groups (features.ts) the text must contain for this parser's matches to count: every mask must intersect. */
  needs?: number[];
  /** The token every match contains (features.ts): the pattern is only tried just before such tokens. */
  trigger?: Trigger;
  /** The candidate(s) a match gives: a range ("March 3-5") gives one TIMEX3 per end, as TempEval-3 tags it. */
  extract(match: RegExpExecArray, text: string): Candidate | Candidate[] | null;
}
