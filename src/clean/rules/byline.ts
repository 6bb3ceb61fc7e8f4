import type { CleanRule } from '../types.js';
import { headIndices } from '../types.js';

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PARTICLE = String.raw`(?:de|da|di|del|van|von|der|den|la|le|bin|al|el)`;
const PERSON = String.raw`${NAME}(?:\s+(?:${NAME}|${PARTICLE}))*`;
/**
 * "By Jane Roe", "BY JANE ROE", "By Jane Roe and John Doe, Reuters", "By Jane Roe | Staff writer".
 * Case-sensitive on purpose: the name words must be capitalised ("By the end of ..." is text). What follows
 * the name after a separator is a short role or outlet (a few words, not a sentence).
 */
const BYLINE_RE = new RegExp(
  String.raw`^\s*(?:By|BY)\s+(${PERSON}(?:\s*(?:,|and|&)\s*${PERSON})*?)(?:\s*(?:,|\||–|—|-)\s*([^.!?]{0,50}))?\s*$`,
  'u',
);

/** A "By <name>" line near the top → article.byline. */
export const bylineRule: CleanRule = {
  name: 'byline',
  description: 'a "By Jane Roe" line near the top; fills article.byline',
  apply(ctx) {
    for (const i of headIndices(ctx)) {
      const line = ctx.lines[i].text.trim();
      if (line.length > 100 || !/^by\s/i.test(line)) continue;
      const m = BYLINE_RE.exec(line);
      if (!m || m[1].split(/\s+/).length > 8) continue;
      if (m[2] && m[2].trim().split(/\s+/).length > 5) continue;
      ctx.article.byline ??= m[1].trim();
      ctx.remove(i, 'byline');
      return;
    }
  },
};
