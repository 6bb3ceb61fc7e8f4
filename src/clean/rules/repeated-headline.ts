import type { CleanRule } from '../types.js';
import { liveIndices, normalizeLine } from '../types.js';

/** The headline printed again at the end of the article (the first line, or the title, repeated last). */
export const repeatedHeadlineRule: CleanRule = {
  name: 'repeated-headline',
  description: 'the headline repeated at the end',
  apply(ctx) {
    const live = liveIndices(ctx);
    if (live.length < 3) return;
    const heads = new Set<string>();
    if (ctx.article.title) heads.add(normalizeLine(ctx.article.title));
    heads.add(normalizeLine(ctx.lines[live[0]].text));
    const last = live[live.length - 1];
    const n = normalizeLine(ctx.lines[last].text);
    if (n && heads.has(n)) ctx.remove(last, 'repeated-headline');
  },
};
