import type { CleanRule } from '../types.js';
import { chooseOutlet, clearOutletEvidence } from '../outlet.js';

/**
 * Fills article.source from the evidence the outlet-* rules noted and the article's URL (see
 * src/clean/outlet.ts for the weighing). Runs last; a source given by the input is kept.
 */
export const outletRule: CleanRule = {
  name: 'outlet',
  description:
    'fills article.source from the outlet evidence and the URL (table of outlets, else the domain)',
  apply(ctx) {
    if (!ctx.article.source && !ctx.article.linesAreSentences)
      ctx.article.source = chooseOutlet(
        ctx.article,
        ctx.lines.map((l) => l.text),
      );
    clearOutletEvidence(ctx.article);
  },
};
