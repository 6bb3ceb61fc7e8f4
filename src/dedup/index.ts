import type { Article } from '../model.js';

/** STUB (owned by the ingest/clean work): sets Sentence.dupGroup and Article.duplicateOf. */
export function markNearDuplicates(articles: Article[]): void {
  let g = 0;
  const seen = new Map<string, number>();
  for (const a of articles)
    for (const s of a.sentences) {
      const key = s.text.toLowerCase().replace(/\W+/g, ' ').trim();
      let id = seen.get(key);
      if (id === undefined) seen.set(key, (id = g++));
      s.dupGroup = id;
    }
}
