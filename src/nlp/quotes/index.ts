import type { Article, Entity, Quote } from '../../model.js';

/** STUB (owned by the quotes work): quotes with speakers resolved to canonical entity names. */
export function extractQuotes(_article: Article, _entities: Entity[]): Quote[] {
  return [];
}

export function annotateQuotes(article: Article, entities: Entity[]): void {
  article.quotes = extractQuotes(article, entities);
}
