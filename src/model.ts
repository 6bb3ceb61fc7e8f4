/**
 * The document model. One Article flows through the named pipeline stages (see pipeline.ts); each stage
 * reads what earlier stages added and adds its own annotations. All character offsets are offsets into
 * `Article.text` (the cleaned text), never into `rawText`.
 */

import type { TimelineParams } from './timeline/params.js';

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'MISC';

/** Where a piece of metadata came from, so users can judge how far to trust it. */
export type DateEvidence =
  | 'header' // "date YYYY-MM-DD" first line of a dated text file
  | 'folder' // Timeline17 layout: InputDocs/<YYYY-MM-DD>/
  | 'jsonl' // publishedAt field of a JSONL record
  | 'text' // found in the article's own text
  | 'json-ld'
  | 'meta'
  | 'time-element'
  | 'url'
  | 'feed' // the item date given by an RSS/Atom/JSON feed (used when the page itself has none)
  | 'store'
  | 'user';

export interface Token {
  text: string;
  /** Offsets into Article.text. */
  start: number;
  end: number;
}

export interface Timex {
  /** The expression as written. */
  text: string;
  /** Offsets into Article.text. */
  start: number;
  end: number;
  type: TimexType;
  /**
   * TIMEX3 normalised value: 2011-03-07, 2011-03, 2011-W09, 2011-Q1, 2011, 201 (decade), P4Y, PT24H,
   * XXXX-XX-XX, PRESENT_REF, PAST_REF, FUTURE_REF, 2011-03-07T14:00, XXXX-WXX-5 (set), ...
   */
  value: string;
  /** TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_LESS, BEFORE, AFTER, ON_OR_AFTER... */
  mod?: string;
  /** For SETs: TIMEX3 freq/quant when known. */
  freq?: string;
  quant?: string;
  /** The rule family that produced this expression (for debugging and per-rule tests). */
  rule?: string;
}

export interface Sentence {
  /** Index of the sentence in its article. */
  index: number;
  /** Offsets into Article.text. */
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  timexes: Timex[];
  /**
   * Set by the near-duplicate stage when this sentence repeats (exactly or nearly) a sentence seen earlier
   * in the corpus: the id of the first occurrence's group. Sentences in one group are one fact.
   */
  dupGroup?: number;
}

export interface Mention {
  text: string;
  /** Offsets into Article.text. */
  start: number;
  end: number;
  sentenceIndex: number;
  type: EntityType;
  /** Set by entity resolution: the corpus-level Entity this mention refers to. */
  entityId?: string;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface Quote {
  /** The quoted words (without the quotation marks for direct quotes). */
  text: string;
  kind: QuoteKind;
  /** Canonical entity name, or the description of an unnamed source ("a senior EU diplomat"), or null. */
  speaker: string | null;
  speakerEntityId?: string | null;
  /** The speaker as written in this article ("she", "the spokesman", "Merkel"). */
  speakerText?: string | null;
  /** The role given with a named speaker ("Corvane Line spokesman" in "said Corvane Line spokesman Aron Vell"). */
  speakerRole?: string | null;
  /** The cue verb or phrase ("said", "told", "according to", "wrote on Twitter"). */
  cue: string | null;
  /** Offsets of the quoted content into Article.text. */
  start: number;
  end: number;
  sentenceIndex: number;
}

export interface RemovedFurniture {
  /** The clean rule that removed it. */
  rule: string;
  text: string;
}

export interface Article {
  id: string;
  /** Input file path (null for articles that did not come from a file). */
  path: string | null;
  url: string | null;
  canonicalUrl?: string | null;
  title: string | null;
  byline: string | null;
  /** Outlet / agency ("Reuters", "The Harbour Gazette"). */
  source: string | null;
  /** Publication day, or null when none could be found. */
  publishedAt: IsoDay | null;
  publishedAtEvidence?: DateEvidence | null;
  language?: string | null;
  /** The text as read, before cleaning. */
  rawText: string;
  /** The cleaned text that sentences, timexes, mentions and quotes refer to. */
  text: string;
  /** Furniture removed by the clean stage, by rule. */
  removed: RemovedFurniture[];
  sentences: Sentence[];
  mentions: Mention[];
  quotes: Quote[];
  /** Problems found while reading/processing this article that did not stop it. */
  warnings: string[];
  /** Dataset topic or story label, when the input layout gives one (Timeline17 topic folder). */
  topic?: string | null;
  /** sha256 of the normalised text, for idempotent storage and exact-duplicate detection. */
  contentHash?: string;
  /** Set by the near-duplicate stage when the whole article is a (near) copy of another one. */
  duplicateOf?: string | null;
  /** Reader hint: the text has exactly one sentence per line (Timeline17's tokenised files). */
  linesAreSentences?: boolean;
  /**
   * Reader hint: the text is the main text an extractor took from the page's HTML, not a page copy; the
   * clean stage's learned furniture step is skipped (on such text it removes more body than furniture).
   */
  extractedFromHtml?: boolean;
}

export interface Entity {
  id: string;
  /** Canonical name: the most complete frequent form. */
  name: string;
  type: EntityType;
  /** Every other surface form that was merged into this entity. */
  aliases: string[];
  /** Number of mentions across the corpus. */
  mentions: number;
  /** Ids of articles that mention it. */
  articleIds: string[];
}

/** The corpus after analysis: what the timeline builder, store and outputs consume. */
export interface Analysis {
  articles: Article[];
  entities: Entity[];
  /** Input-level problems (unreadable files, bad JSONL lines) that were skipped. */
  errors: InputError[];
}

export interface SourceRef {
  articleId: string;
  path: string | null;
  title: string | null;
  url?: string | null;
  source?: string | null;
  publishedAt?: IsoDay | null;
}

export interface TimelineSentence {
  text: string;
  articleId: string;
  sentenceIndex: number;
  /** All articles that carry this sentence (or a near-duplicate of it). */
  sources: SourceRef[];
  /**
   * Corroboration: distinct outlets that reported the sentence's event (its near-duplicates and paraphrases
   * across outlets included; a copy of a wire story counts as the wire once).
   */
  outlets?: number;
}

export interface TimelineEntry {
  /** The day (or coarser: 2011-03, 2011-W09 are never emitted as entry dates; entries are days). */
  date: IsoDay;
  /** The extractive summary, 1..k sentences. */
  summary: string[];
  /** The sentences behind `summary`, in the same order, with their own sources. */
  sentences: TimelineSentence[];
  /** Union of the sources of the summary sentences and of the articles that refer to this date. */
  sources: SourceRef[];
  /** Corroboration: distinct outlets among `sources` (a copy of a wire story counts as the wire once). */
  outlets?: number;
  /** Salience score of the date (strategy-specific, higher is more salient). */
  score: number;
  /** How many distinct events the day's candidate sentences report (set by the default strategy). */
  events?: number;
}

export interface TimelineQuote {
  speaker: string | null;
  text: string;
  cue: string | null;
  /** Publication day of the earliest article carrying it. */
  date: IsoDay | null;
  sources: SourceRef[];
}

export interface TimelineEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
}

export interface Timeline {
  entries: TimelineEntry[];
  entities: TimelineEntity[];
  quotes: TimelineQuote[];
}

export interface TimelineOptions {
  /** Number of dates; default: what the material supports. */
  dates?: number;
  /** Sentences per date (k); default 2. */
  sentences?: number;
  /** Focus terms: only material about these terms counts. */
  query?: string | string[];
  /** Inclusive date range. */
  from?: IsoDay;
  to?: IsoDay;
  /** Strategy name (see src/timeline). */
  strategy?: string;
  /** Overrides of the method's hyper-parameters (src/timeline/params.ts); the defaults are never changed. */
  params?: Partial<TimelineParams>;
  /** The learned date and sentence models to use instead of the shipped ones (models/tls/). */
  models?: TimelineModels;
}

/** A problem with one input (a file, a JSONL line, a URL) that was skipped or partly read. */
export class InputError extends Error {
  constructor(
    /** File path or URL. */
    readonly input: string,
    message: string,
    /** 1-based line number when the problem is on a line. */
    readonly line?: number,
  ) {
    super(`${input}${line !== undefined ? `:${line}` : ''}: ${message}`);
    this.name = 'InputError';
  }
}

/** Create an empty article; readers fill in what they know. */
export function newArticle(fields: Partial<Article> & { id: string; rawText: string }): Article {
  return {
    path: null,
    url: null,
    title: null,
    byline: null,
    source: null,
    publishedAt: null,
    publishedAtEvidence: null,
    text: fields.rawText,
    removed: [],
    sentences: [],
    mentions: [],
    quotes: [],
    warnings: [],
    ...fields,
  };
}

/** A linear model over standardised features (the timeline's learned date and sentence models, models/tls/). */
export interface LinearModel {
  /** Feature names, in the order of the feature rows. */
  features: string[];
  /** Standardisation: x' = (x - mean) / scale. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** The timeline method's learned models (read and written by src/timeline/models.ts). */
export interface TimelineModels {
  format: 1;
  date: LinearModel;
  sentence: LinearModel;
  /** How the models were made (training data, parameters, script); not read by the method. */
  meta?: Record<string, unknown>;
}
