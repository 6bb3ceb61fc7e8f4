import type { CleanRule } from '../types.js';
import { leadingName, noteOutlet } from '../outlet.js';

/** "This story was originally published by X", "This article first appeared in X on May 2", "Originally published in X". */
const TRAILER_RE =
  /^\s*(?:this (?:story|article|report|piece|post) (?:was |is |has been )?(?:originally |first )?(?:published|appeared|posted|ran) (?:in|on|by|at)|(?:originally|first) (?:published|appeared) (?:in|on|by|at)|read the original (?:article|story) (?:at|on|in))\s+(?:the website of\s+)?(.+?)\s*\.?\s*$/i;

export const outletTrailerRule: CleanRule = {
  name: 'outlet-trailer',
  description: 'a trailer line naming where the story was first published: removed, its outlet noted',
  apply(ctx) {
    if (ctx.article.linesAreSentences) return;
    for (let i = 0; i < ctx.lines.length; i++) {
      const t = ctx.lines[i].text;
      if (t.length > 200) continue;
      const m = TRAILER_RE.exec(t);
      if (!m) continue;
      // "... in Marlow Review on May 2, 2024": the date is not part of the name.
      const name = leadingName(m[1].replace(/\s+(?:on|in)\s+(?:\p{L}+\.?\s+)?\d.*$/u, ''));
      if (name && !ctx.article.source) noteOutlet(ctx.article, name, 'trailer');
      ctx.remove(i, 'outlet-trailer');
    }
  },
};
