/** Reader for `http(s)://` inputs: a safe fetch of the page, then HTML → article. */
import type { Article } from '../model.js';
import type { IngestOptions } from './index.js';
import { HTML_TYPES, safeFetch, type FetchOptions } from '../fetch/fetch.js';
import { htmlToArticle } from '../extract/article.js';

export interface ReadUrlOptions extends IngestOptions {
  /** Safety limits and test hooks passed to the fetcher. */
  fetch?: FetchOptions;
  now?: Date;
}

export async function readUrl(url: string, options: ReadUrlOptions = {}): Promise<Article> {
  const res = await safeFetch(url, {
    allowPrivate: options.allowPrivate,
    maxBytes: options.maxBytes,
    allowedTypes: HTML_TYPES,
    ...options.fetch,
  });
  const article = htmlToArticle(res.body, { url: res.url, contentType: res.contentType, now: options.now });
  options.onArticle?.(article);
  return article;
}
