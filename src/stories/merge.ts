/**
 * The merge policy of story clustering: after a batch, stories that turned out to be one are joined, most
 * similar pair first. It works on any clusterer that answers the questions in MergeHost (StoryClusterer).
 */
import type { StoryState } from './features.js';
import type { StoryParams } from './params.js';

/** What the merge pass asks of the clusterer. */
export interface MergeHost {
  readonly stories: Map<string, StoryState>;
  readonly params: StoryParams;
  /** A small story that has stopped growing: joined at smallMergeThreshold. */
  isFragment(s: StoryState): boolean;
  /** Whether the story already counted as a fragment when the earlier batches were merged. */
  wasFragmentBefore(s: StoryState): boolean;
  /** Stories sharing one of the strongest centroid terms of `s`, sorted. */
  neighbours(s: StoryState): string[];
  /** Similarity of two stories (0..1). */
  storySimilarity(a: StoryState, b: StoryState): number;
  /** Move `from`'s articles into `into` and forget `from`. */
  mergeInto(from: StoryState, into: StoryState): void;
}

/** The stories the merge pass starts from (touched, or settled since the earlier batches) and all it looks at. */
function mergeNodes(host: MergeHost, touched: Iterable<string>): { seeds: string[]; nodes: Set<string> } {
  // Small stories that settled since the earlier batches are judged now, touched or not.
  const settledNow = [...host.stories.values()]
    .filter((s) => host.isFragment(s) && s.last && !host.wasFragmentBefore(s))
    .map((s) => s.id);
  const seeds = [...new Set([...touched, ...settledNow])].filter((id) => host.stories.has(id)).sort();
  const nodes = new Set(seeds);
  for (const id of seeds) for (const c of host.neighbours(host.stories.get(id)!)) nodes.add(c);
  return { seeds, nodes };
}

/**
 * What the merge pass would look at, without comparing pairs: the neighbours (hence the centroids, hence the
 * document frequencies) of every story it would compare. A dry run of the store's planner calls it to learn
 * the questions the merge pass asks, for a fraction of its cost.
 */
export function touchMergeNodes(host: MergeHost, touched: Iterable<string>): void {
  for (const id of mergeNodes(host, touched).nodes) host.neighbours(host.stories.get(id)!);
}

/**
 * Merge stories that turned out to be one (single-pass clustering splits a story whose first articles
 * were atypical, or whose coverage drifted). Agglomeration over the touched stories and their neighbours
 * (stories sharing a strong centroid term): the pair with the largest margin over its threshold merges
 * first, while it reaches mergeThreshold (smallMergeThreshold when one side is smaller than smallStory
 * articles); at least one side must hold a touched story, so earlier stories are not re-merged among
 * themselves. Best-pair-first instead of queue order keeps a merged story from absorbing a neighbouring
 * event before that event's own fragments have joined it. Pair similarity is storySimilarity of the
 * merged states (averageLink 0) or the size-weighted mean over the original stories (averageLink 1).
 * Returns [absorbed, into] pairs in order (the larger story absorbs the smaller).
 */
export function mergeSimilar(host: MergeHost, touched: Iterable<string>): [string, string][] {
  const params = host.params;
  const { seeds, nodes } = mergeNodes(host, touched);
  const isTouched = new Set(seeds);
  // group id (its representative story) -> members' article count; weighted similarity sums between groups.
  const size = new Map<string, number>();
  const hasTouched = new Map<string, boolean>();
  const sums = new Map<string, Map<string, number>>();
  for (const id of nodes) {
    size.set(id, host.stories.get(id)!.size);
    hasTouched.set(id, isTouched.has(id));
    sums.set(id, new Map());
  }
  for (const id of [...nodes].sort()) {
    const s = host.stories.get(id)!;
    for (const c of host.neighbours(s)) {
      if (!nodes.has(c) || c <= id || sums.get(id)!.has(c)) continue;
      const sim = host.storySimilarity(s, host.stories.get(c)!);
      if (sim <= 0) continue;
      const w = params.averageLink ? sim * s.size * host.stories.get(c)!.size : sim;
      sums.get(id)!.set(c, w);
      sums.get(c)!.set(id, w);
    }
  }
  const merges: [string, string][] = [];
  for (;;) {
    let best: [string, string] | null = null;
    let bestScore = -1;
    for (const [a, row] of sums) {
      for (const [b, w] of row) {
        if (b <= a || !(hasTouched.get(a) || hasTouched.get(b))) continue;
        const na = size.get(a)!;
        const nb = size.get(b)!;
        const score = params.averageLink ? w / (na * nb) : w;
        const need =
          host.isFragment(host.stories.get(a)!) || host.isFragment(host.stories.get(b)!)
            ? params.smallMergeThreshold
            : params.mergeThreshold;
        if (score < need) continue;
        // Rank by margin over the applicable threshold, so fragments and big stories compete fairly.
        const margin = score - need;
        if (margin > bestScore) {
          bestScore = margin;
          best = [a, b];
        }
      }
    }
    if (!best) break;
    const [a, b] = best;
    const sa = host.stories.get(a)!;
    const sb = host.stories.get(b)!;
    const [from, into] = sa.size > sb.size || (sa.size === sb.size && a < b) ? [sb, sa] : [sa, sb];
    host.mergeInto(from, into);
    merges.push([from.id, into.id]);
    const rowFrom = sums.get(from.id)!;
    const rowInto = sums.get(into.id)!;
    for (const [c, w] of rowFrom) {
      if (c === into.id) continue;
      const v = (rowInto.get(c) ?? 0) + w;
      rowInto.set(c, v);
      const rc = sums.get(c)!;
      rc.delete(from.id);
      rc.set(into.id, v);
    }
    rowInto.delete(from.id);
    sums.delete(from.id);
    if (!params.averageLink) {
      for (const c of [...rowInto.keys()]) {
        const v = host.storySimilarity(into, host.stories.get(c)!);
        rowInto.set(c, v);
        sums.get(c)!.set(into.id, v);
      }
    }
    size.set(into.id, size.get(into.id)! + size.get(from.id)!);
    size.delete(from.id);
    hasTouched.set(into.id, Boolean(hasTouched.get(into.id) || hasTouched.get(from.id)));
    hasTouched.delete(from.id);
  }
  return merges;
}
