import type { CleanRule } from '../types.js';
import { isHeadlineLike, liveIndices } from '../types.js';

/**
 * The title: the first line when it reads like a headline (the header line's text of a dated file), else
 * the first short headline-like line near the top. The line stays in the text.
 */
export const titleRule: CleanRule = {
  name: 'title',
  description: 'fills article.title from the first headline-like line (kept in the text)',
  apply(ctx) {
    if (ctx.article.title || ctx.article.linesAreSentences) return;
    const live = liveIndices(ctx).slice(0, 4);
    for (const i of live) {
      const t = ctx.lines[i].text.trim();
      if (isHeadlineLike(t, 20) && t.split(/\s+/).length >= 2) {
        ctx.article.title = t;
        return;
      }
    }
  },
};
