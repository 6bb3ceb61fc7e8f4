import type { Article } from '../model.js';

/** STUB (owned by the ingest/clean work): strips furniture and fills byline/source. */
export function cleanArticle(article: Article): void {
  article.text = article.rawText.trim();
}
