/**
 * The order articles are clustered in. Single-pass clustering depends on arrival order, so the order is a
 * function of the articles' content alone: the same partition whatever order inputs were read in.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../model.js';

/**
 * The order articles are clustered in: publication day, then a digest of the text, so the order (and with it
 * the partition) does not depend on the order inputs were read in nor on ids derived from file paths.
 * Undated articles come last.
 */
export function clusterOrderKey(a: Pick<Article, 'publishedAt' | 'text' | 'title'>): string {
  const digest = createHash('sha1')
    .update(a.title ?? '')
    .update('\0')
    .update(a.text)
    .digest('hex');
  return `${a.publishedAt ?? '9999'}\0${digest}`;
}

/** Sort articles into clustering order (clusterOrderKey; the id only separates identical texts). `keyOf` gives an
 * article's clusterOrderKey when already computed. */
export function clusterOrder<T extends Pick<Article, 'publishedAt' | 'text' | 'title' | 'id'>>(
  articles: T[],
  keyOf: (a: T) => string = clusterOrderKey,
): T[] {
  const keyed = articles.map((a) => [keyOf(a), a] as const);
  keyed.sort(([x, a], [y, b]) => (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map(([, a]) => a);
}
