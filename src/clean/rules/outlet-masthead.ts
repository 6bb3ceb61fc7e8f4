import type { CleanRule } from '../types.js';
import { leadingName, noteOutlet } from '../outlet.js';

/**
 * The site's name alone on the first line of the text (a logo's text at the top of a pasted page), when the
 * page names it again on another line. Repeated name lines elsewhere are menus ("Politics", "Sports"), so
 * only the first line counts, and a single plain word that the text also writes in lower case is a common
 * noun, not a name.
 */
export const outletMastheadRule: CleanRule = {
  name: 'outlet-masthead',
  description: 'a name standing alone on the first line; weak evidence for the outlet rule',
  apply(ctx) {
    if (ctx.article.source || ctx.article.linesAreSentences) return;
    const first = ctx.lines.find((l) => l.text.trim())?.text.trim();
    if (!first || first.length > 40) return;
    const name = leadingName(first, 4);
    if (!name || name !== first.replace(/[.]$/, '')) return;
    if (!name.includes(' ') && /^\p{Lu}\p{Ll}+$/u.test(name)) {
      const word = new RegExp(`(?<![\\p{L}])${name.toLowerCase()}(?![\\p{L}])`, 'u');
      if (ctx.lines.some((l) => word.test(l.text))) return;
    }
    // A logo's name comes back in the page's other lines ("Letters to the X"); a menu item on top does not.
    const bare = name.replace(/^the\s+/i, '').toLowerCase();
    const elsewhere = ctx.lines.filter(
      (l) => l.text.trim() !== first && l.text.toLowerCase().includes(bare),
    ).length;
    if (elsewhere) noteOutlet(ctx.article, name, 'masthead');
  },
};
