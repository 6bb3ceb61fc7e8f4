/**
 * Corroboration counts outlets, not articles: three stories from one newspaper are one voice, and a copy of
 * a wire story run by other outlets (dedup marks it `duplicateOf` the first copy; its dateline usually names
 * the agency too) is the wire's voice once. An article without a known outlet counts as its own voice.
 */
import type { Article } from '../model.js';
import { outletKey } from '../clean/outlets.js';

/** The voice an article speaks with: the outlet of the story it copies, else its own outlet, else itself. */
export function outletIdentity(a: Article, byId: ReadonlyMap<string, Article>): string {
  let root = a;
  for (let hops = 0; root.duplicateOf && hops < 10; hops++) {
    const next = byId.get(root.duplicateOf);
    if (!next || next === root) break;
    root = next;
  }
  const key = root.source ? outletKey(root.source) : '';
  return key ? `outlet:${key}` : `article:${root.id}`;
}

/** Number of distinct outlets among the articles. */
export function countOutlets(articles: Iterable<Article>, byId: ReadonlyMap<string, Article>): number {
  const seen = new Set<string>();
  for (const a of articles) seen.add(outletIdentity(a, byId));
  return seen.size;
}
