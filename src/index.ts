/**
 * Chronicle's library API. The CLI, the HTTP API and the web app are thin shells over these functions.
 */
import { createHash } from 'node:crypto';
import type { Analysis, Article, IsoDay, Timeline, TimelineOptions } from './model.js';
import { newArticle } from './model.js';
import { runPipeline, type AnalyzeOptions } from './pipeline.js';
import { buildTimelineFromAnalysis } from './timeline/index.js';

export * from './model.js';
export {
  runPipeline,
  stages,
  checkStages,
  StageContractError,
  type AnalyzeOptions,
  type StageName,
  type Annotation,
} from './pipeline.js';
export { readInputs, type IngestOptions, type IngestResult } from './ingest/index.js';
export { buildTimelineFromAnalysis } from './timeline/index.js';
export { summariseOutlets, storeOutletRecords, articleOutletRecords, type OutletSummary } from './sources.js';
export { outletKey, outletFromUrl, registrableDomain } from './clean/outlets.js';
export {
  openStore,
  defaultStorePath,
  StoreError,
  type Store,
  type StorySummary,
  type SearchHit,
  type SearchFilters,
  type StoredQuote,
  type IngestReport,
  type ExportFormat,
} from './store/index.js';
export { extractArticle, type ExtractedPage, type ExtractOptions } from './extract/extract.js';
export { htmlToArticle } from './extract/article.js';
export { findPublicationDate, type PubDate } from './extract/pubdate.js';
export { safeFetch, FetchError, type FetchOptions, type FetchResult } from './fetch/fetch.js';
export { watchFeeds, pollFeed, type WatchOptions, type WatchDeps, type WatchState } from './fetch/watch.js';
export { markNearDuplicates, DEDUP_PARAMS, type DedupParams } from './dedup/index.js';
export { clusterArticles, STORY_PARAMS, type StoryParams } from './stories/index.js';
export { VERSION } from './version.js';

/** An article as a caller hands it in: only `text` is required. */
export interface ArticleInput {
  id?: string;
  path?: string | null;
  url?: string | null;
  title?: string | null;
  source?: string | null;
  byline?: string | null;
  /** `YYYY-MM-DD` (a longer ISO timestamp is cut to its day) or null. */
  publishedAt?: IsoDay | string | null;
  text: string;
}

function isArticle(a: ArticleInput | Article): a is Article {
  return Array.isArray((a as Article).sentences) && typeof (a as Article).rawText === 'string';
}

/** Turn caller input into fresh Articles (Articles passed in are reset and re-analysed). */
export function toArticles(inputs: (ArticleInput | Article)[]): Article[] {
  return inputs.map((input, i) => {
    if (isArticle(input))
      return newArticle({ ...input, rawText: input.rawText, removed: [], warnings: [...input.warnings] });
    const text = String(input.text ?? '');
    const day = input.publishedAt ? String(input.publishedAt).slice(0, 10) : null;
    const id =
      input.id ??
      createHash('sha1')
        .update(`${input.url ?? input.path ?? i}\n${text}`)
        .digest('hex')
        .slice(0, 12);
    return newArticle({
      id,
      rawText: text,
      path: input.path ?? null,
      url: input.url ?? null,
      title: input.title ?? null,
      source: input.source ?? null,
      byline: input.byline ?? null,
      publishedAt: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null,
      publishedAtEvidence: day ? 'user' : null,
    });
  });
}

/** Run the full pipeline (clean → sentences → time expressions → entities → quotes → near-duplicates). */
export function analyze(articles: (ArticleInput | Article)[], options: AnalyzeOptions = {}): Analysis {
  return runPipeline(toArticles(articles), options);
}

/** Analyse the articles (unless an Analysis is given) and build their timeline. */
export function buildTimeline(
  input: (ArticleInput | Article)[] | Analysis,
  options: TimelineOptions & AnalyzeOptions = {},
): Timeline {
  const analysis = Array.isArray(input) ? analyze(input, options) : input;
  return buildTimelineFromAnalysis(analysis, options);
}
