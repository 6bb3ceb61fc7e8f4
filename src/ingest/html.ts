/** Reader for saved web pages: `.html` / `.htm`, optionally gzipped (`.html.gz`, `.htm.gz`). */
import type { Article } from '../model.js';
import { InputError } from '../model.js';
import type { IngestOptions } from './index.js';
import { maybeGunzip } from '../web/charset.js';
import { readFileBounded } from './files.js';
import { htmlToArticle } from '../web/article.js';

const DEFAULT_MAX = 20 * 1024 * 1024;

export async function readHtmlFile(path: string, options: IngestOptions = {}): Promise<Article> {
  const max = options.maxBytes ?? DEFAULT_MAX;
  // Only a regular file, and never more than the limit whatever its reported size (see files.ts).
  let bytes: Uint8Array = readFileBounded(path, max);
  try {
    bytes = maybeGunzip(bytes, max);
  } catch (e) {
    throw new InputError(
      path,
      `cannot gunzip (corrupt, or over the ${max}-byte limit when decompressed): ${(e as Error).message}`,
    );
  }
  const article = htmlToArticle(bytes, { path });
  options.onArticle?.(article);
  return article;
}
