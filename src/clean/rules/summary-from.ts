import type { CleanRule } from '../types.js';
import { liveIndices } from '../types.js';

/** "Summary from coastlinedaily.example", "This is a summary from <site>", "Summary provided by <site>". */
const SUMMARY_RE =
  /^\s*(?:this is an? )?(?:auto-?generated )?summary (?:from|provided by|via|by)\s+\S.{0,80}$/i;

export const summaryFromRule: CleanRule = {
  name: 'summary-from',
  description: '"summary from <site>" lines',
  apply(ctx) {
    for (const i of liveIndices(ctx)) if (SUMMARY_RE.test(ctx.lines[i].text)) ctx.remove(i, 'summary-from');
  },
};
