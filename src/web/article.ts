/** HTML bytes → Article (the model's reader output): decode, extract, fill the article fields. */
import { createHash } from 'node:crypto';
import { InputError, newArticle, type Article } from '../model.js';
import { decodeHtml } from './charset.js';
import { extractArticle } from './extract.js';

export interface HtmlToArticleOptions {
  /** File path the page came from (null for URLs). */
  path?: string | null;
  /** Final URL the page was fetched from. */
  url?: string | null;
  /** HTTP Content-Type header, for the charset. */
  contentType?: string | null;
  now?: Date;
}

/** Fewer words than this is a menu, a login wall or an error page, not an article. */
export const MIN_ARTICLE_WORDS = 20;

/** Turn one page into an Article; throws InputError (naming the file or URL) when it holds no article text. */
export function htmlToArticle(bytes: Uint8Array | string, options: HtmlToArticleOptions = {}): Article {
  const input = options.url ?? options.path ?? '<html>';
  const decoded =
    typeof bytes === 'string' ? { text: bytes, warning: undefined } : decodeHtml(bytes, options.contentType);
  const page = extractArticle(decoded.text, { url: options.url, now: options.now });
  const words = page.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words < MIN_ARTICLE_WORDS)
    throw new InputError(input, `no article text found in the page (${words} words)`);
  const url = options.url ?? page.canonicalUrl ?? null;
  const id = createHash('sha1')
    .update(`${url ?? options.path ?? ''}\n${page.text}`)
    .digest('hex')
    .slice(0, 12);
  const warnings = [...page.warnings];
  if (decoded.warning) warnings.push(decoded.warning);
  return newArticle({
    id,
    rawText: page.text,
    path: options.path ?? null,
    url,
    canonicalUrl: page.canonicalUrl,
    title: page.title,
    byline: page.byline,
    source: page.siteName,
    publishedAt: page.publishedAt,
    publishedAtEvidence: page.publishedAtEvidence,
    language: page.language,
    warnings,
    extractedFromHtml: true,
  });
}
