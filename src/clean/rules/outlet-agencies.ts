import type { CleanRule } from '../types.js';
import { leadingName, noteOutlet } from '../outlet.js';

/** "Harbour Gazette staff and agencies", "Coast Post with agencies": the outlet that compiled the story. */
const AGENCIES_RE = /^\s*(?:by\s+)?(.{2,50}?)\s+(?:staff\s+)?(?:and|with|&)\s+agencies\.?\s*$/i;

export const outletAgenciesRule: CleanRule = {
  name: 'outlet-agencies',
  description: 'a "<Outlet> and agencies" credit line: removed, its outlet noted for the outlet rule',
  apply(ctx) {
    if (ctx.article.linesAreSentences) return;
    for (let i = 0; i < ctx.lines.length; i++) {
      const m = AGENCIES_RE.exec(ctx.lines[i].text);
      if (!m) continue;
      const name = leadingName(m[1].replace(/\s+staff$/i, ''));
      if (name && !ctx.article.source) noteOutlet(ctx.article, name, 'agencies');
      ctx.remove(i, 'outlet-agencies');
    }
  },
};
