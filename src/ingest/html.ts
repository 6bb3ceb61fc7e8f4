/** Reader for saved web pages: `.html` / `.htm`, optionally gzipped (`.html.gz`, `.htm.gz`). */
import { readFile, stat } from 'node:fs/promises';
import type { Article } from '../model.js';
import { InputError } from '../model.js';
import type { IngestOptions } from './index.js';
import { maybeGunzip } from '../web/charset.js';
import { htmlToArticle } from '../web/article.js';

const DEFAULT_MAX = 20 * 1024 * 1024;

export async function readHtmlFile(path: string, options: IngestOptions = {}): Promise<Article> {
  const max = options.maxBytes ?? DEFAULT_MAX;
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.size > max) throw new InputError(path, `file is ${st.size} bytes, over the ${max}-byte limit`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, `cannot read: ${(e as Error).message}`);
  }
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
