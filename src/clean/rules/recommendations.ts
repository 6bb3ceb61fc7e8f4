import type { CleanRule } from '../types.js';
import { liveIndices, removeHeadingBlock } from '../types.js';

/** Widget headings: "Recommended", "You may also like", "Most read", "Trending now", "Editor's picks". */
const WIDGET_RE =
  /^\s*(?:recommended(?: for you| stories| reading)?|you may also like|you might also like|most read|most popular|most viewed|most shared|trending(?: now)?|popular now|don['’]t miss|editor['’]s picks|read next|up next|top stories|latest stories|more stories|more from [\p{L} ]{1,30}|what to read next|around the web|sponsored(?: content| stories)?|promoted stories)\b\s*(?:[:\-–—»>|]\s*(.*))?$/iu;

export const recommendationsRule: CleanRule = {
  name: 'recommendations',
  description: 'recommendation widgets ("Recommended", "You may also like", "Most read") and their lists',
  apply(ctx) {
    for (const i of liveIndices(ctx)) {
      if (ctx.lines[i].removedBy) continue;
      const m = WIDGET_RE.exec(ctx.lines[i].text);
      if (!m || ctx.lines[i].text.length > 200) continue;
      if (m[1]?.trim()) ctx.remove(i, 'recommendations');
      else removeHeadingBlock(ctx, i, 'recommendations');
    }
  },
};
