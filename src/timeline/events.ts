/**
 * Events: the candidate sentences of one day grouped into what happened, so that a day's summary says
 * one thing once and can tell how widely it was reported. Two candidates report one event when their
 * TF-IDF cosine reaches `eventSimilarity` (single link: a paraphrase chain across outlets is one event);
 * near-duplicate copies already share a fact key and arrive as one candidate carried by several articles.
 * Corroboration counts OUTLETS, not articles (src/timeline/corroboration.ts: one outlet is one voice, a
 * wire copy is the wire's voice).
 */
import type { Article } from '../model.js';
import type { Candidate } from './collect.js';
import type { TimelineContext } from './context.js';
import { cosinesWith, type SparseVector } from './text.js';
import { countOutlets } from './corroboration.js';

export interface DayEvent {
  /** Indexes into the day's candidate list. */
  members: number[];
  /** Articles that carry any member (near-duplicate copies included), first-seen order. */
  articles: Article[];
  /** Distinct outlets among them. */
  outlets: number;
}

/** Group a day's candidates into events (single link at `threshold`); events in order of first member. */
export function groupEvents(
  ctx: TimelineContext,
  candidates: readonly Candidate[],
  vectors: readonly SparseVector[],
  threshold: number,
): { events: DayEvent[]; eventOf: Int32Array } {
  const n = candidates.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const link = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  if (threshold > 0 && threshold <= 1) linkSimilar(vectors, threshold, link);
  else if (threshold <= 1) {
    const sims = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (!vectors[i]!.norm) continue;
      cosinesWith(vectors[i]!, vectors, sims);
      for (let j = i + 1; j < n; j++) if (sims[j]! >= threshold) link(i, j);
    }
  }
  const eventOf = new Int32Array(n);
  const index = new Map<number, number>();
  const events: DayEvent[] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let e = index.get(root);
    if (e === undefined) {
      e = events.length;
      index.set(root, e);
      events.push({ members: [], articles: [], outlets: 0 });
    }
    eventOf[i] = e;
    events[e]!.members.push(i);
  }
  for (const ev of events) {
    const seen = new Set<Article>();
    for (const i of ev.members) {
      const u = candidates[i]!.unit;
      for (const a of ctx.carriers.get(u.key) ?? [u.article])
        if (!seen.has(a)) {
          seen.add(a);
          ev.articles.push(a);
        }
    }
    ev.outlets = countOutlets(ev.articles, articlesById(ctx));
  }
  return { events, eventOf };
}

/**
 * Every pair i < j whose cosine reaches `threshold` (> 0), found through an inverted index: only vectors that
 * share a term can reach it, so a day's candidates are not compared all with all. The dot products add the
 * shared terms in ascending term order, as `cosinesWith` does, so every decision is the same to the bit.
 */
export function linkSimilar(
  vectors: readonly SparseVector[],
  threshold: number,
  link: (i: number, j: number) => void,
): void {
  const n = vectors.length;
  // term id -> the vectors holding it (ascending) and its weight in each
  const postings = new Map<number, { js: number[]; ws: number[] }>();
  for (let j = 0; j < n; j++) {
    const v = vectors[j]!;
    if (!v.norm) continue;
    for (let t = 0; t < v.ids.length; t++) {
      const id = v.ids[t]!;
      let l = postings.get(id);
      if (!l) postings.set(id, (l = { js: [], ws: [] }));
      l.js.push(j);
      l.ws.push(v.weights[t]!);
    }
  }
  const dot = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = vectors[i]!;
    if (!p.norm) continue;
    for (let t = 0; t < p.ids.length; t++) {
      const wi = p.weights[t]!;
      const { js, ws } = postings.get(p.ids[t]!)!;
      for (let x = 0; x < js.length; x++) {
        const j = js[x]!;
        if (j <= i) continue;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        dot[j] += ws[x]! * wi;
      }
    }
    for (const j of touched) {
      if (dot[j]! / (vectors[j]!.norm * p.norm) >= threshold) link(i, j);
      dot[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
  }
}

const byIdCache = new WeakMap<object, Map<string, Article>>();

/** The analysis' articles by id (for wire copies: built once per analysis). */
function articlesById(ctx: TimelineContext): Map<string, Article> {
  let m = byIdCache.get(ctx.analysis);
  if (!m) byIdCache.set(ctx.analysis, (m = new Map(ctx.analysis.articles.map((a) => [a.id, a]))));
  return m;
}
