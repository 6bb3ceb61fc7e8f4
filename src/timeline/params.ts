/**
 * The timeline method's hyper-parameters: one typed object, global for every corpus (never per topic or
 * dataset), passed to the method as an argument (`buildTimeline(analysis, { params })`) and never changed in
 * place. What can be learned is learned (the date and sentence models in models/tls/); what is left are the
 * choices a model cannot make for itself: which sentences are candidates, how events are grouped, how
 * similar two picks may be, how strongly the models are regularised.
 *
 * The values of DEFAULT_PARAMS were chosen by the coordinate-ascent search of src/eval/tls-search.ts on all
 * 9 Timeline17 topics (`npx tsx scripts/train-tls.ts <timeline17>`, which also trains the models with them): Timeline17 figures of these exact values
 * are in-sample. `chronicle eval tls --loto` reports the held-out figure, where every one of these is chosen
 * again, in each fold, on the other 8 topics only.
 */
export interface TimelineParams {
  // --- the material (src/timeline/context.ts) ---
  /** Weight of an article that does not match the query, in centroids (1 = the query is ignored). */
  readonly offQueryWeight: number;

  // --- day features (src/timeline/features.ts) ---
  /** A reference published more than this many days after the day it names counts as a later reference. */
  readonly laterAfterDays: number;

  // --- candidate sentences (src/timeline/collect.ts) ---
  /** Sentences from articles published on the day or the day after that are candidates: the first N. */
  readonly leadSentences: number;
  /** Sentence length limits in words (shorter or longer ones are not summary material). */
  readonly minWords: number;
  readonly maxWords: number;

  // --- events and summaries (src/timeline/events.ts, summarise.ts) ---
  /** Two candidates of a day whose TF-IDF cosine reaches this report one event (single link). */
  readonly eventSimilarity: number;
  /** A candidate this similar (cosine) to a sentence already chosen (any date) is redundant. */
  readonly redundancy: number;

  // --- learning (src/timeline/learn.ts; used when models are trained, not when they are applied) ---
  /** L2 penalty of the date model (listwise: a softmax over a task's candidate days). */
  readonly dateL2: number;
  /** L2 penalty of the sentence model (listwise: a softmax over a day's candidates). */
  readonly sentenceL2: number;
  /** Temperature of the sentence model's targets: lower puts all weight on a day's very best candidate. */
  readonly sentenceTemperature: number;

  // --- defaults for users (no `dates` / `sentences` option; they do not act under the TLS protocol) ---
  /** A day can become an entry when at least this many articles refer to it (or, without any reference, were
   * published on it). */
  readonly minReports: number;
  /** ...and at most this many entries. */
  readonly maxDefaultDates: number;
  /** Default sentences per date. */
  readonly defaultSentences: number;
}

/** The shipped values (see the header: chosen on all of Timeline17, so in-sample there). */
export const DEFAULT_PARAMS: Readonly<TimelineParams> = Object.freeze({
  offQueryWeight: 0.3,
  laterAfterDays: 3,
  leadSentences: 8,
  minWords: 8,
  maxWords: 40,
  eventSimilarity: 0.5,
  redundancy: 0.6,
  dateL2: 0.01,
  sentenceL2: 0.01,
  sentenceTemperature: 0.1,
  minReports: 1,
  maxDefaultDates: 20,
  defaultSentences: 2,
});

export const PARAM_NAMES = Object.keys(DEFAULT_PARAMS) as (keyof TimelineParams)[];

/** The defaults with some values replaced (a new frozen object; unknown names and non-numbers are errors). */
export function timelineParams(overrides: Partial<TimelineParams> = {}): Readonly<TimelineParams> {
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in DEFAULT_PARAMS)) throw new Error(`unknown timeline parameter "${k}"`);
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new Error(`timeline parameter "${k}" must be a finite number`);
  }
  return Object.freeze({ ...DEFAULT_PARAMS, ...overrides });
}
