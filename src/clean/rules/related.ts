import type { CleanRule } from '../types.js';
import { liveIndices, removeHeadingBlock } from '../types.js';

// Regular expressions used inside functions are compiled once, here.
const HEADING_WORDS_RE = /^\s*[\p{L} ]+\s*:?\s*$/u;

/** "READ MORE: ...", "Related: ...", "See also: ...", "More on this story", "Related stories" (+ its list). */
const RELATED_RE =
  /^\s*(?:read more|related(?: stories| articles| content| coverage| links| topics)?|see also|more on this (?:story|topic)|also read|further reading|read also|more about this story)\b\s*(?:[:\-–—»>|]|$)/i;

export const relatedRule: CleanRule = {
  name: 'related',
  description: 'related-story and read-more links ("READ MORE: ...", "Related:", "See also")',
  apply(ctx) {
    for (const i of liveIndices(ctx)) {
      const t = ctx.lines[i].text;
      if (ctx.lines[i].removedBy || !RELATED_RE.test(t) || t.length > 200) continue;
      // A heading alone ("Related stories") takes its list with it.
      if (HEADING_WORDS_RE.test(t)) removeHeadingBlock(ctx, i, 'related');
      else ctx.remove(i, 'related');
    }
  },
};
