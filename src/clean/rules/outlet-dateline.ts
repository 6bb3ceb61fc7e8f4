import type { CleanRule } from '../types.js';
import { noteOutlet } from '../outlet.js';

/**
 * A wire dateline anywhere in the text (pasted pages put the body far down): "MADRID (AP) —", "GENEVA,
 * March 3 (Reuters) -", "(AFP) -". As in the dateline rule, a mixed-case place needs a date, so "The Agency
 * (OSPRA) - the national body" is not one. Only notes the agency; the dateline rule cuts head datelines.
 */
const DATELINE_RE =
  /^\s*(?:([A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}(?:,\s*[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?)(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?\s*)?\(([A-Za-z][\w .&'-]{0,30})\)\s*(?:--?|–|—)\s*\S/;

export const outletDatelineRule: CleanRule = {
  name: 'outlet-dateline',
  description:
    'the agency of a wire dateline anywhere in the text ("MADRID (AP) —"); evidence for the outlet rule',
  apply(ctx) {
    if (ctx.article.source || ctx.article.linesAreSentences) return;
    for (const line of ctx.lines) {
      const m = DATELINE_RE.exec(line.text);
      if (!m) continue;
      if (m[1] && m[1] !== m[1].toUpperCase() && !/\d/.test(m[0])) continue;
      if (m[2].trim().split(/\s+/).length > 4) continue;
      noteOutlet(ctx.article, m[2], 'dateline');
      return;
    }
  },
};
