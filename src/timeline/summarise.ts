/**
 * Summarisers: choose 1..k of a day's candidate sentences. The default ranks candidates by their
 * TF-IDF cosine to the day's weighted centroid (centrality: what most reports of the day say), boosted
 * when the sentence names the day and when several sources carry it, and skips any sentence too similar
 * to one already chosen for this or another day (no redundancy across dates).
 */
import type { Article } from '../model.js';
import type { Candidate } from './collect.js';
import type { TimelineContext } from './context.js';
import { PARAMS } from './params.js';
import { cosine, cosineDense, cosinesWith, sparseCentroidOf, type SparseVector } from './text.js';
import { countOutlets } from './corroboration.js';

/** Tie order of equal scores: `localeCompare` of the keys (the same comparison, without a collator per call). */
const compareKeys = new Intl.Collator().compare;

export interface Chosen {
  candidate: Candidate;
  vector: SparseVector;
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
    const items = candidates.map((c) => ({ c, v: ctx.vector(c.unit) }));
    const centroid = sparseCentroidOf(items.map((it) => ({ vector: it.v, weight: it.c.weight })));
    const topic = PARAMS.topicWeight > 0 ? ctx.topicCentroid() : undefined;
    const byId = articlesById(ctx);
    const scored = items
      .filter((it) => it.v.norm > 0)
      .map((it) => {
        const carriers = ctx.carriers.get(it.c.unit.key);
        const sources = !carriers
          ? 1
          : PARAMS.sourcesBoostCounts === 'outlets' && carriers.length > 1
            ? countOutlets(carriers, byId)
            : carriers.length;
        const central =
          (1 - PARAMS.topicWeight) * cosine(it.v, centroid) +
          (topic ? PARAMS.topicWeight * cosineDense(it.v, topic) : 0);
        const score =
          central *
          it.c.weight *
          (it.c.namesDay ? PARAMS.namesDayBoost : 1) *
          (1 + PARAMS.sourcesBoost * Math.log(sources));
        return { c: it.c, v: it.v, score };
      })
      .sort((a, b) => b.score - a.score || compareKeys(a.c.unit.key, b.c.unit.key));
    // Greedy MMR: the best remaining candidate after a penalty for its similarity to what is already
    // chosen (this day and other days); near-copies of chosen sentences are skipped outright.
    const picked: Chosen[] = [];
    const pool = scored;
    const vectors = pool.map((it) => it.v);
    const sims = new Float64Array(pool.length);
    const maxSim = new Array<number>(pool.length).fill(0);
    for (const p of chosen) {
      cosinesWith(p.vector, vectors, sims);
      for (let i = 0; i < pool.length; i++) maxSim[i] = Math.max(maxSim[i]!, sims[i]!);
    }
    const top = pool.length ? pool[0]!.score : 0;
    while (picked.length < k) {
      let best = -1;
      let bestValue = -Infinity;
      for (let i = 0; i < pool.length; i++) {
        if (maxSim[i]! > PARAMS.redundancy) continue;
        const value = pool[i]!.score / (top || 1) - PARAMS.mmrLambda * maxSim[i]!;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      if (best < 0) break;
      const it = pool[best]!;
      const p: Chosen = { candidate: it.c, vector: it.v };
      picked.push(p);
      maxSim[best] = Infinity;
      cosinesWith(p.vector, vectors, sims);
      for (let i = 0; i < pool.length; i++)
        if (maxSim[i]! !== Infinity) maxSim[i] = Math.max(maxSim[i]!, sims[i]!);
    }
    return picked;
  },
};

const byIdCache = new WeakMap<object, Map<string, Article>>();

function articlesById(ctx: TimelineContext): Map<string, Article> {
  let m = byIdCache.get(ctx.analysis);
  if (!m) byIdCache.set(ctx.analysis, (m = new Map(ctx.analysis.articles.map((a) => [a.id, a]))));
  return m;
}

export const summarisers: Record<string, Summariser> = { centroid: centroidSummariser };
