/**
 * Incremental story clustering: each new article joins the most similar existing story, or starts a new one.
 *
 * Similarity mixes three signals:
 *  - text: cosine of log-tf vectors weighted by the corpus' current idf (keyword vectors),
 *  - entities: cosine of entity-mention count vectors,
 *  - time: an exponential decay on the gap (days) between the article's day and the story's span, so a story
 *    that went quiet long ago does not absorb a new event that happens to share vocabulary.
 * Name-like words (capitalised inside sentences) weigh nameWeight times a common word (features.ts). After a
 * batch, mergeSimilar (merge.ts) joins stories that turned out to be one, most similar pair first.
 * The threshold and weights are global hyper-parameters (STORY_PARAMS, params.ts), never per corpus.
 */
import type { ArticleFeatures, StoryState } from './features.js';
import { mergeSimilar, touchMergeNodes, type MergeHost } from './merge.js';
import { STORY_PARAMS, type StoryParams } from './params.js';
import {
  cosineCounts,
  daysBetween,
  gapDays,
  idf,
  prune,
  spanGap,
  weightArticle,
  type DocFreq,
} from './weighting.js';

/** Clusters articles into stories, one at a time, against a set of existing stories. */
export class StoryClusterer implements MergeHost {
  readonly stories = new Map<string, StoryState>();
  private centroidCache = new Map<string, { vec: Map<string, number>; size: number; top?: string[] }>();
  /** Inverted index: term -> stories whose centroid holds it (candidate retrieval). */
  private postings = new Map<string, Set<string>>();
  /** Newest day of the stories given to the constructor (what earlier batches saw), and newest day so far. */
  private readonly newestBefore: string | null = null;
  private newest: string | null = null;
  /** Oldest day and number of articles, before this batch and so far (for density). */
  private readonly oldestBefore: string | null = null;
  private oldest: string | null = null;
  private readonly articlesBefore: number = 0;
  private articles = 0;
  /** idf^idfPower per term, valid while the document count is the one it was computed at (document frequencies
   * only change through addDocFreq, which counts a document): centroids are re-weighted after every article. */
  private readonly termWeights = new Map<string, number>();
  private termWeightsDocs = -1;

  private termWeight(t: string): number {
    if (this.df.docs !== this.termWeightsDocs) {
      this.termWeights.clear();
      this.termWeightsDocs = this.df.docs;
    }
    let w = this.termWeights.get(t);
    if (w === undefined) this.termWeights.set(t, (w = idf(this.df, t) ** this.params.idfPower));
    return w;
  }
  private readonly weightOf = (t: string) => this.termWeight(t);

  constructor(
    stories: StoryState[],
    private readonly df: DocFreq,
    private readonly newId: () => string,
    readonly params: StoryParams = STORY_PARAMS,
  ) {
    for (const s of stories) {
      this.stories.set(s.id, s);
      this.index(s);
      if (s.last && (!this.newest || s.last > this.newest)) this.newest = s.last;
      if (s.first && (!this.oldest || s.first < this.oldest)) this.oldest = s.first;
      this.articles += s.size;
    }
    this.newestBefore = this.newest;
    this.oldestBefore = this.oldest;
    this.articlesBefore = this.articles;
  }

  /** Whether a story's newest article is more than settleDays older than `now` (undated stories are settled). */
  private settled(s: StoryState, now: string | null): boolean {
    return !s.last || !now || daysBetween(s.last, now) > this.params.settleDays;
  }

  /** Whether the store, at `articles` over [oldest, newest], is dense enough to judge the story (settleArticles). */
  private dense(s: StoryState, articles: number, oldest: string | null, newest: string | null): boolean {
    if (!s.first || !s.last || !oldest || !newest) return true;
    const window = daysBetween(s.first, s.last) + 2 * this.params.settleDays + 1;
    return (articles * window) / (daysBetween(oldest, newest) + 1) >= this.params.settleArticles;
  }

  /** A small story that has stopped growing: the merge pass joins it at smallMergeThreshold. */
  isFragment(s: StoryState): boolean {
    return (
      s.size < this.params.smallStory &&
      this.settled(s, this.newest) &&
      this.dense(s, this.articles, this.oldest, this.newest)
    );
  }

  private index(s: StoryState) {
    for (const t of s.terms.keys()) {
      let set = this.postings.get(t);
      if (!set) this.postings.set(t, (set = new Set()));
      set.add(s.id);
    }
  }

  /** The story's centroid weighted by current idf and normalised (cached per story size). */
  private centroid(s: StoryState): Map<string, number> {
    const c = this.centroidCache.get(s.id);
    if (c && c.size === s.size) return c.vec;
    const v = new Map<string, number>();
    let n = 0;
    for (const [t, w] of s.terms) {
      const x = w * this.termWeight(t);
      v.set(t, x);
      n += x * x;
    }
    n = Math.sqrt(n) || 1;
    for (const [t, x] of v) v.set(t, x / n);
    this.centroidCache.set(s.id, { vec: v, size: s.size });
    return v;
  }

  /** Similarity of an article to a story (0..1). */
  similarity(
    f: ArticleFeatures,
    s: StoryState,
    weighted = weightArticle(f, this.df, this.params, this.weightOf),
  ): number {
    const c = this.centroid(s);
    let text = 0;
    for (const [t, w] of weighted) {
      const x = c.get(t);
      if (x) text += w * x;
    }
    return this.blend(text, f.entities, s.entities, gapDays(f.day, s.first, s.last));
  }

  /** Text similarity mixed with entity similarity by textWeight (text alone when a side names no entity),
   * decayed by the gap in days. */
  private blend(text: number, a: Map<string, number>, b: Map<string, number>, gap: number): number {
    const ent = cosineCounts(a, b);
    const tw = a.size && b.size ? this.params.textWeight : 1;
    return (tw * text + (1 - tw) * ent) * Math.exp(-gap / this.params.decayDays);
  }

  /** Assign one article: returns its story id and whether the story is new. */
  add(f: ArticleFeatures): { storyId: string; created: boolean; score: number } {
    const weighted = weightArticle(f, this.df, this.params, this.weightOf);
    const candidates = new Set<string>();
    for (const t of [...weighted.keys()].slice(0, this.params.candidateTerms))
      for (const id of this.postings.get(t) ?? []) candidates.add(id);
    let best: StoryState | null = null;
    let bestScore = -1;
    for (const id of [...candidates].sort()) {
      const s = this.stories.get(id)!;
      const score = this.similarity(f, s, weighted);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    let created = false;
    if (!best || bestScore < this.params.threshold) {
      best = { id: this.newId(), size: 0, first: null, last: null, terms: new Map(), entities: new Map() };
      this.stories.set(best.id, best);
      created = true;
    }
    this.absorb(best, f);
    return { storyId: best.id, created, score: created ? 0 : bestScore };
  }

  /** Similarity of two stories: idf-weighted centroid cosine, decayed by the gap between their spans. */
  storySimilarity(a: StoryState, b: StoryState): number {
    const ca = this.centroid(a);
    const cb = this.centroid(b);
    const [small, big] = ca.size < cb.size ? [ca, cb] : [cb, ca];
    let dot = 0;
    for (const [t, w] of small) {
      const x = big.get(t);
      if (x) dot += w * x;
    }
    return this.blend(dot, a.entities, b.entities, spanGap(a, b));
  }

  /** Stories sharing one of the strongest centroid terms of `s` (merge candidates). */
  neighbours(s: StoryState): string[] {
    const c = this.centroid(s);
    const cached = this.centroidCache.get(s.id)!;
    // The strongest terms are sorted once per centroid (the merge pass asks for them repeatedly).
    const top = (cached.top ??= [...c]
      .sort((x, y) => y[1] - x[1])
      .slice(0, this.params.candidateTerms * 2)
      .map(([t]) => t));
    const out = new Set<string>();
    for (const t of top)
      for (const c of this.postings.get(t) ?? []) if (c !== s.id && this.stories.has(c)) out.add(c);
    return [...out].sort();
  }

  /** Merge stories that turned out to be one: see mergeSimilar (merge.ts). Returns [absorbed, into] pairs. */
  mergeSimilar(touched: Iterable<string>): [string, string][] {
    return mergeSimilar(this, touched);
  }

  /** The stories mergeSimilar would look at, made ready without comparing them (touchMergeNodes, merge.ts). */
  touchMergeNodes(touched: Iterable<string>): void {
    touchMergeNodes(this, touched);
  }

  /** Whether the story counted as a fragment for the earlier batches (settled and dense then). */
  wasFragmentBefore(s: StoryState): boolean {
    return (
      this.settled(s, this.newestBefore) &&
      this.dense(s, this.articlesBefore, this.oldestBefore, this.newestBefore)
    );
  }

  /** Move `from`'s articles into `into` and forget `from`. */
  mergeInto(from: StoryState, into: StoryState) {
    into.size += from.size;
    for (const [t, w] of from.terms) into.terms.set(t, (into.terms.get(t) ?? 0) + w);
    for (const [k, n] of from.entities) into.entities.set(k, (into.entities.get(k) ?? 0) + n);
    if (from.first && (!into.first || from.first < into.first)) into.first = from.first;
    if (from.last && (!into.last || from.last > into.last)) into.last = from.last;
    prune(into.terms, this.params.storyTerms);
    prune(into.entities, this.params.storyTerms);
    this.stories.delete(from.id);
    this.centroidCache.delete(from.id);
    this.centroidCache.delete(into.id);
    for (const set of this.postings.values()) set.delete(from.id);
    this.index(into);
  }

  /** Add an article's vectors to a story (also used for forced assignment, e.g. on import). */
  absorb(s: StoryState, f: ArticleFeatures) {
    if (!this.stories.has(s.id)) this.stories.set(s.id, s);
    s.size++;
    this.articles++;
    for (const [t, w] of f.terms) s.terms.set(t, (s.terms.get(t) ?? 0) + w);
    for (const [k, n] of f.entities) s.entities.set(k, (s.entities.get(k) ?? 0) + n);
    if (f.day) {
      if (!s.first || f.day < s.first) s.first = f.day;
      if (!s.last || f.day > s.last) s.last = f.day;
      if (!this.newest || f.day > this.newest) this.newest = f.day;
      if (!this.oldest || f.day < this.oldest) this.oldest = f.day;
    }
    prune(s.terms, this.params.storyTerms);
    prune(s.entities, this.params.storyTerms);
    this.centroidCache.delete(s.id);
    // Every term the story held before is indexed already (index/mergeInto keep that true): add the new ones.
    for (const t of f.terms.keys()) {
      if (!s.terms.has(t)) continue;
      let set = this.postings.get(t);
      if (!set) this.postings.set(t, (set = new Set()));
      set.add(s.id);
    }
  }
}
