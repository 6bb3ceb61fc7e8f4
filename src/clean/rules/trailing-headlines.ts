import type { CleanRule } from '../types.js';
import { endsLikeSentence, isHeadlineLike, liveIndices } from '../types.js';

/**
 * A trailing block of short lines that do not read like sentences: other stories' headlines, often under a
 * one-word heading ("More", "Latest"). Taken from the end back to the last line that ends like a sentence;
 * only when the article has real sentences before the block.
 */
export const trailingHeadlinesRule: CleanRule = {
  name: 'trailing-headlines',
  description: 'trailing blocks of short unrelated headlines (often after a heading such as "More")',
  apply(ctx) {
    if (ctx.article.linesAreSentences) return;
    const live = liveIndices(ctx);
    const block: number[] = [];
    for (let k = live.length - 1; k > 0; k--) {
      const t = ctx.lines[live[k]].text;
      if (!isHeadlineLike(t, 14)) break;
      block.push(live[k]);
    }
    if (!block.length) return;
    const before = live.slice(0, live.length - block.length);
    if (!before.slice(1).some((i) => endsLikeSentence(ctx.lines[i].text))) return;
    for (const i of block) ctx.remove(i, 'trailing-headlines');
  },
};
