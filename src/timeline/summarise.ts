/**
 * Summarising a day: one sentence per event. The sentence model scores every candidate; events are taken
 * in the order of their best candidate, and each contributes its best candidate that is not too similar
 * (cosine above `redundancy`) to a sentence already chosen for this or another day, until k are chosen.
 * So a day's summary never says one thing twice, and the timeline never repeats a sentence across days.
 */
import type { IsoDay } from '../model.js';
import type { Candidate } from './collect.js';
import type { TimelineContext } from './context.js';
import type { DayEvent } from './events.js';
import { dayCandidates } from './features.js';
import { linearScore, type LinearModel } from './models.js';
import { cosinesWith, type SparseVector } from './text.js';

/** Tie order of equal scores: `localeCompare` of the keys (the same comparison, without a collator per call). */
const compareKeys = new Intl.Collator().compare;

export interface Chosen {
  candidate: Candidate;
  vector: SparseVector;
  /** The event the sentence reports, and how many events the day had. */
  event: DayEvent;
  dayEvents: number;
}

/** Choose up to k sentences for a day; `chosen` holds the sentences already picked for other days. */
export function summariseDay(
  ctx: TimelineContext,
  day: IsoDay,
  k: number,
  model: LinearModel,
  chosen: readonly Chosen[],
): Chosen[] {
  const dc = dayCandidates(ctx, day);
  const n = dc.candidates.length;
  if (!n || k <= 0) return [];
  const score = dc.rows.map((r) => linearScore(model, r));
  const order = [...Array(n).keys()]
    .filter((i) => dc.vectors[i]!.norm > 0)
    .sort(
      (a, b) => score[b]! - score[a]! || compareKeys(dc.candidates[a]!.unit.key, dc.candidates[b]!.unit.key),
    );
  const maxSim = new Float64Array(n);
  const sims = new Float64Array(n);
  const penalise = (v: SparseVector) => {
    cosinesWith(v, dc.vectors, sims);
    for (let i = 0; i < n; i++) if (sims[i]! > maxSim[i]!) maxSim[i] = sims[i]!;
  };
  for (const p of chosen) penalise(p.vector);
  const picked: Chosen[] = [];
  const usedEvents = new Set<number>();
  // candidates in score order: an event's first non-redundant candidate is its pick
  for (const i of order) {
    if (picked.length >= k) break;
    const e = dc.eventOf[i]!;
    if (usedEvents.has(e) || maxSim[i]! > ctx.params.redundancy) continue;
    usedEvents.add(e);
    const p: Chosen = {
      candidate: dc.candidates[i]!,
      vector: dc.vectors[i]!,
      event: dc.events[e]!,
      dayEvents: dc.events.length,
    };
    picked.push(p);
    penalise(p.vector);
  }
  return picked;
}
