import type { CleanRule } from '../types.js';
import { findTitle } from '../title.js';

/**
 * The title: the line the headline model (src/clean/title.ts) scores highest, when it beats "no headline".
 * The line stays in the text. A title given by the input (JSONL, HTML metadata) is kept; Timeline17's
 * one-sentence-per-line files have none.
 */
export const titleRule: CleanRule = {
  name: 'title',
  description: 'fills article.title from the line the headline model scores highest (kept in the text)',
  apply(ctx) {
    if (ctx.article.title || ctx.article.linesAreSentences) return;
    const found = findTitle(
      ctx.lines.map((l) => l.text),
      (i) => !ctx.lines[i].removedBy,
    );
    if (found) ctx.article.title = found.text;
  },
};
