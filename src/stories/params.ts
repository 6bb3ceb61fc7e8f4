/**
 * The story clustering method's hyper-parameters: one typed set with documented, global defaults (never per
 * corpus). Callers pass a StoryParams; studies pass overrides ({ ...STORY_PARAMS, threshold: 0.07 }).
 */
export interface StoryParams {
  /** Minimum combined similarity to join an existing story. */
  threshold: number;
  /** Weight of text similarity (entities get 1 - textWeight). */
  textWeight: number;
  /** e-folding time of the time decay, in days, for gaps outside the story's span. */
  decayDays: number;
  /** Terms kept per article vector. */
  articleTerms: number;
  /** Terms kept per story centroid (pruned when it grows past twice this). */
  storyTerms: number;
  /** Strongest article terms used to find candidate stories. */
  candidateTerms: number;
  /** Minimum centroid-to-centroid similarity for two stories to merge after a batch. */
  mergeThreshold: number;
  /** Stories smaller than this are fragments: they merge into their nearest story at smallMergeThreshold. */
  smallStory: number;
  smallMergeThreshold: number;
  /** A small story counts as a fragment (merging at smallMergeThreshold) only once its newest article is more
   * than this many days older than the newest article clustered so far: a new event's first days are small
   * too, and must get the chance to grow before they are judged, or day-by-day ingest feeds every new event
   * to an established story that one batch would have kept apart. */
  settleDays: number;
  /** ...and only once the store is dense enough to judge it: at the store's mean density (articles clustered
   * per day of the period they cover), the days within settleDays of its span must hold at least this many
   * articles. A thin store is a sample: batches that arrive in arbitrary order (an archive ingested in
   * random slices) each hold a few articles of every period, every story is small at first, and fragments
   * judged then chain several topics into one story that later batches only grow. */
  settleArticles: number;
  /** Multiplier on the term frequency of words written capitalised inside a sentence (names of people,
   * places, organisations): they tell one story from another better than common vocabulary. */
  nameWeight: number;
  /** 1: average-link between groups of stories in the merge pass; 0: centroid similarity of merged stories. */
  averageLink: number;
  /** Exponent on idf in article and story vectors (>1 sharpens rare, story-specific terms against
   * vocabulary shared by many articles, such as a site's page template). */
  idfPower: number;
}

/**
 * Global defaults, chosen on the phenomenon (news stories that run for weeks to years, articles arriving
 * daily, sparse stretches between bursts) and checked with `chronicle eval stories` on Timeline17 (in-sample;
 * how each value was chosen, with figures: docs/tuning/stories.md).
 */
export const STORY_PARAMS: StoryParams = {
  threshold: 0.06,
  textWeight: 0.8,
  decayDays: 365,
  articleTerms: 30,
  storyTerms: 400,
  candidateTerms: 15,
  mergeThreshold: 0.4,
  smallStory: 20,
  smallMergeThreshold: 0.05,
  settleDays: 30,
  settleArticles: 80,
  nameWeight: 2,
  averageLink: 0,
  idfPower: 1,
};
