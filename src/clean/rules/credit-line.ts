import type { CleanRule } from '../types.js';
import { liveIndices, wordCount } from '../types.js';

/** Wire credits and source lines: "Reporting by A; Editing by B", "Source: X", "© 2024 X", "Copyright ...". */
const CREDIT_RE =
  /^\s*\(?\s*(?:(?:additional )?reporting by|writing by|editing by|edited by|compiled by|written by|produced by|graphics? by|(?:with )?additional reporting)\b/i;
const SOURCE_RE = /^\s*(?:source|sources)\s*:\s*(.+?)\s*$/i;
const COPYRIGHT_RE = /^\s*(?:©|\(c\)|copyright\b)|\ball rights reserved\.?\s*$/i;

export const creditLineRule: CleanRule = {
  name: 'credit-line',
  description:
    'source and credit lines ("Source: X" fills article.source, "Reporting by ...; Editing by ...", copyright)',
  apply(ctx) {
    for (const i of liveIndices(ctx)) {
      const t = ctx.lines[i].text;
      if (t.length > 300) continue;
      const s = SOURCE_RE.exec(t);
      if (s) {
        if (wordCount(s[1]) <= 6) ctx.article.source ??= s[1].replace(/[.;]$/, '');
        ctx.remove(i, 'credit-line');
      } else if (CREDIT_RE.test(t) || (COPYRIGHT_RE.test(t) && wordCount(t) <= 20))
        ctx.remove(i, 'credit-line');
    }
  },
};
