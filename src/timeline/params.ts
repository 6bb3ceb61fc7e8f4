/**
 * The timeline method's hyper-parameters, global for every corpus (never per topic or dataset). Values
 * were chosen by a small grid search on all 19 Timeline17 tasks at once (scripts/tls-tune.ts; mean AR-1,
 * AR-2, Date F1), so Timeline17 figures are optimistic by that selection; each says what it controls.
 */
export const PARAMS = {
  // --- date salience (src/timeline/dates.ts) ---
  /** Weight of one distinct article that refers to the day through a resolved day-level time expression. */
  mentionWeight: 1,
  /** Extra weight per further sentence of the same article referring to the day (sub-linear: sqrt). */
  repeatMentionWeight: 0,
  /** A reference from an article published from the day before to this many days after counts fully... */
  nearReportDays: 3,
  /** ...one from an article published further away counts this much: a day still referred to long after
   * is a milestone (chosen on Timeline17: 2 beat 0.25..1 and 3..4 on Date F1). */
  distantMentionWeight: 2,
  /** Weight of one distinct article published that day (publication bursts). */
  publicationWeight: 0.5,
  /** Material that does not match the query counts this much (1 = the query is ignored). */
  offQueryWeight: 0.2,
  /** A query term is used only if this share of articles contain it at least (else it is ignored). */
  minQueryCoverage: 0.02,

  // --- default number of dates for users (no `dates` option) ---
  /** A day becomes an entry when its salience reaches this (one article naming the day is enough). */
  minSalience: 1,
  /** ...and at most this many entries. */
  maxDefaultDates: 20,

  // --- sentence collection (src/timeline/collect.ts) ---
  /** Sentences from articles published on the day, or the day after, that count as candidates: the first N. */
  leadSentences: 5,
  /** Relative weight of such lead sentences against sentences that name the day. */
  leadWeight: 1,
  /** Weight of a sentence naming the day from an article published before it (a plan, not a report). */
  previewWeight: 0.2,
  /** A lead sentence's weight falls as 1 / (1 + leadDecay × position); 0 = off (0.2, 0.5 lowered AR-1). */
  leadDecay: 0,
  /** Sentence length limits in words (shorter or longer ones are not summary material). */
  minWords: 6,
  maxWords: 100,

  // --- summarisation (src/timeline/summarise.ts) ---
  /** Score multiplier for a sentence that names the day itself (it states what happened on it). */
  namesDayBoost: 1,
  /** Score bonus per extra source carrying the sentence (near-duplicates), on a log scale. */
  sourcesBoost: 0.5,
  /**
   * What counts as one more source for that bonus: 'articles' (every carrying article) or 'outlets' (distinct
   * outlets, a wire copy counting as the wire; what timelines show as corroboration). 'outlets' measured
   * AR-1 0.1186, AR-2 0.0337, Date-F1 0.5653 on Timeline17 against 0.1224 / 0.0384 / 0.5653 for 'articles'
   * (T17 repeats an event's key sentence across one outlet's days), so ranking keeps 'articles'.
   */
  sourcesBoostCounts: 'articles' as 'articles' | 'outlets',
  /** A candidate this similar (cosine) to an already chosen sentence (any date) is redundant. */
  redundancy: 0.5,
  /** Share of centrality measured against the whole story's centroid rather than the day's. */
  topicWeight: 0.6,
  /** MMR penalty per unit of similarity to chosen sentences (score scaled to 1); 0 = off (0.5, 1 lowered AR). */
  mmrLambda: 0,
  /** Default sentences per date. */
  defaultSentences: 2,
} as const;
