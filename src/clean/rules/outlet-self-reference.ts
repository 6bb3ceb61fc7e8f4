import type { CleanRule } from '../types.js';
import { leadingName, noteOutlet } from '../outlet.js';

/**
 * Site furniture that names the site: "Subscribe to X", "About X", "Search X", "Follow X on Twitter", "More
 * from X", "X newsletters", "X is supported by its audience". One line says little (weight 1.5); a site
 * names itself on many lines, so the outlet rule sees it add up.
 */
const BEFORE_RE =
  /^\s*(?:search|subscribe to|about|contact|follow|advertise (?:with|on)|more from|welcome to|sign up for|who pays for|keep up to date with)\s+(?:the\s+)?(.+)$/i;
const AFTER_RE =
  /^\s*(.+?)(?:['’]s)?\s+(?:newsletters?|is supported by|is part of|is published by|is owned by|is a registered trademark|is a division of|is a subsidiary of)\b/i;

/** A single plain word the text also writes in lower case ("Weather", "Premium") is a common word. */
function isCommonWord(name: string, lines: { text: string }[]): boolean {
  if (name.includes(' ') || !/^\p{Lu}[\p{Ll}]+$/u.test(name)) return false;
  const word = new RegExp(`(?<![\\p{L}])${name.toLowerCase()}(?![\\p{L}])`, 'u');
  return lines.some((l) => word.test(l.text));
}

export const outletSelfReferenceRule: CleanRule = {
  name: 'outlet-self-reference',
  description:
    'short furniture lines naming the site ("Subscribe to X", "About X"); evidence for the outlet rule',
  apply(ctx) {
    if (ctx.article.source || ctx.article.linesAreSentences) return;
    for (const line of ctx.lines) {
      const t = line.text.trim();
      if (!t || t.length > 160) continue;
      const before = BEFORE_RE.exec(t);
      const name = before && t.split(/\s+/).length <= 8 ? leadingName(before[1], 4) : null;
      if (name && !isCommonWord(name, ctx.lines)) {
        noteOutlet(ctx.article, name, 'self-reference');
        continue;
      }
      const after = AFTER_RE.exec(t);
      const own = after ? leadingName(after[1], 4) : null;
      if (own && own === after![1].replace(/['’]s$/, '').trim())
        noteOutlet(ctx.article, own, 'self-reference');
    }
  },
};
