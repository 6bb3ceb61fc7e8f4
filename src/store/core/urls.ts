/** The canonical URL an article is deduplicated by: its canonical URL (else its URL) without the fragment. */
import type { Article } from '../../model.js';

export function canonicalUrl(a: Pick<Article, 'canonicalUrl' | 'url'>): string | null {
  const u = a.canonicalUrl || a.url;
  if (!u) return null;
  try {
    const url = new URL(u);
    url.hash = '';
    return url.toString();
  } catch {
    return u;
  }
}
