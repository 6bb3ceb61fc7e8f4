/** Tiny builders for hand-made articles with NER mentions (tests must not depend on the NER model). */
import type { Article, EntityType, Mention } from '../../src/model.js';
import { newArticle } from '../../src/model.js';

/**
 * Build an article from text and the mentions to mark, given as [surface, type] in order of appearance;
 * each surface is found in the text after the previous one.
 */
export function articleWith(id: string, text: string, marks: [string, EntityType][]): Article {
  const a = newArticle({ id, rawText: text });
  const mentions: Mention[] = [];
  let from = 0;
  for (const [surface, type] of marks) {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`mention "${surface}" not found after ${from} in ${id}`);
    mentions.push({ text: surface, start, end: start + surface.length, sentenceIndex: 0, type });
    from = start + surface.length;
  }
  a.mentions = mentions;
  return a;
}

/** Canonical entity name of the n-th mention of `surface` in the article. */
export function entityOf(a: Article, surface: string, nth = 0): string | undefined {
  return a.mentions.filter((m) => m.text === surface)[nth]?.entityId;
}
