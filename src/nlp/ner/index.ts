import type { Article, Mention } from '../../model.js';

/** STUB (owned by the NER work): named-entity mentions in one article. */
export function tagMentions(_article: Article): Mention[] {
  return [];
}

export function annotateMentions(article: Article): void {
  article.mentions = tagMentions(article);
}
