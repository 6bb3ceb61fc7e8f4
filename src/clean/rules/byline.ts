import type { CleanRule } from '../types.js';
import { leadIndices } from '../types.js';

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

/** A newsroom credit instead of a name: "Herald staff", "Staff reports", "News desk", "Wire services". */
const STAFF_RE =
  /^\s*(?:[Bb]y\s+)?((?:\p{Lu}[\p{L}.'’&-]*\s+){0,4}(?:[Ss]taff(?: [Ww]riters?| [Rr]eporters?| [Rr]eports?)?|[Nn]ews ?(?:[Dd]esk|[Ss]taff|[Ss]ervices?)|[Ww]ire (?:[Ss]taff|[Ss]ervices?)|[Nn]ewsroom))\s*$/u;

/** A "By <name>" line (or a newsroom credit) near the top → article.byline. */
export const bylineRule: CleanRule = {
  name: 'byline',
  description: 'a "By Jane Roe" line near the top (or just above the first paragraph); fills article.byline',
  apply(ctx) {
    for (const i of leadIndices(ctx)) {
      const line = ctx.lines[i].text.trim();
      const staff = line.length <= 60 ? STAFF_RE.exec(line) : null;
      if (staff) {
        ctx.article.byline ??= staff[1].trim();
        ctx.remove(i, 'byline');
        return;
      }
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
