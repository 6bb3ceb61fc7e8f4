/**
 * Summarisers: choose 1..k of a day's candidate sentences. The default ranks candidates by their
 * TF-IDF cosine to the day's weighted centroid (centrality: what most reports of the day say), boosted
 * when the sentence names the day and when several sources carry it, and skips any sentence too similar
 * to one already chosen for this or another day (no redundancy across dates).
 */
import type { Candidate } from './collect.js';
import type { TimelineContext } from './context.js';
import { PARAMS } from './params.js';
import { cosine, norm, type Vector } from './text.js';

export interface Chosen {
  candidate: Candidate;
  vector: Vector;
  norm: number;
}

export interface Summariser {
  name: string;
  /** `chosen` holds the sentences already picked for other days (for redundancy); returns this day's picks. */
  summarise(ctx: TimelineContext, candidates: Candidate[], k: number, chosen: Chosen[]): Chosen[];
}

export const centroidSummariser: Summariser = {
  name: 'centroid',
  summarise(ctx, candidates, k, chosen) {
    if (!candidates.length || k <= 0) return [];
    const items = candidates.map((c) => {
      const v = ctx.vector(c.unit);
      return { c, v, n: norm(v) };
    });
    const centroid: Vector = new Map();
    for (const { c, v, n } of items) {
      if (!n) continue;
      for (const [t, x] of v) centroid.set(t, (centroid.get(t) ?? 0) + (c.weight * x) / n);
    }
    const cn = norm(centroid);
    const scored = items
      .map((it) => {
        const sources = ctx.carriers.get(it.c.unit.key)?.length ?? 1;
        const score =
          cosine(it.v, centroid, it.n, cn) *
          it.c.weight *
          (it.c.namesDay ? PARAMS.namesDayBoost : 1) *
          (1 + PARAMS.sourcesBoost * Math.log(sources));
        return { ...it, score };
      })
      .sort((a, b) => b.score - a.score || a.c.unit.key.localeCompare(b.c.unit.key));
    const picked: Chosen[] = [];
    for (const it of scored) {
      if (picked.length >= k) break;
      if (!it.n) continue;
      const redundant = [...chosen, ...picked].some((p) => cosine(it.v, p.vector, it.n, p.norm) > PARAMS.redundancy);
      if (redundant) continue;
      picked.push({ candidate: it.c, vector: it.v, norm: it.n });
    }
    return picked;
  },
};

export const summarisers: Record<string, Summariser> = { centroid: centroidSummariser };
