import type { CleanRule } from '../types.js';
import { liveIndices, wordCount } from '../types.js';

const AGENCIES = String.raw`(?:Getty Images|AFP|AP|Reuters|EPA|PA(?: Media| Wire)?|Shutterstock|Alamy|Bloomberg|ANP|DPA|Xinhua|NurPhoto|SOPA Images)`;
/** "Image caption: ...", "Photo caption ...", "Caption: ...", "Photo: X/Agency", "Picture: ...". */
const CAPTION_START_RE =
  /^\s*(?:image|photo|picture|video)?\s*caption\s*[:\-–]|^\s*(?:photo(?:graph)?|picture|image|credit|photo credit)\s*:\s*\S/i;
/** A caption ending in a credit: "... on Tuesday. (Photo: Lars Menning/Harbour Gazette)". */
const CREDIT_END_RE = /[([]\s*(?:photo(?:graph)?|picture|image|credit)s?\s*(?:by|:)\s*[^)\]]{1,80}[)\]]\s*$/i;
/** A bare credit line: "Getty Images", "AP Photo/Jane Roe", "Reuters/John Doe", "Photograph: X/Agency". */
const BARE_CREDIT_RE = new RegExp(
  String.raw`^\s*(?:${AGENCIES}(?:\s+Photo)?(?:\s*/\s*[\p{L} .'-]+)?|[\p{L} .'-]{2,40}\s*/\s*${AGENCIES}(?:\s+via\s+${AGENCIES})?)\s*$`,
  'iu',
);
/** A caption whose last words are the agency credit: "... on the quay. Getty Images". */
const TRAILING_AGENCY_RE = new RegExp(String.raw`[.!?]\s+(?:[\p{L} .'-]{2,40}/)?${AGENCIES}\s*$`, 'u');

/**
 * A credit glued to the start of a text line ("Photograph: Ana Ruiz/Reuters Officials said ..." in
 * pre-tokenised corpora): the credit is cut off and the rest kept.
 */
const CREDIT_PREFIX_RE = new RegExp(
  String.raw`^\s*(?:photo(?:graph)?|picture|image)\s*:\s*[^/\\]{1,60}(?:\\?/\s*(?:${AGENCIES}|[\p{Lu}][\p{L}.&-]*))+\s+(?=\S)`,
  'iu',
);

/** Cheap tests of the line's end before the patterns that must scan the whole line. */
const CLOSES_RE = /[)\]]\s*$/;
const AGENCY_END_RE = new RegExp(String.raw`${AGENCIES}\s*$`, 'u');

/** The longest line tested as a bare credit ("Reuters/Ana Ruiz"). */
const MAX_BARE_CREDIT = 120;

/** The longest line taken as the caption above a credit line. */
const MAX_CAPTION_WORDS = 40;

export const captionRule: CleanRule = {
  name: 'caption',
  description:
    'photo captions and credits ("Image caption: ...", "(Photo: X/Agency)", "Getty Images", a caption line right above its credit)',
  apply(ctx) {
    const live = liveIndices(ctx);
    for (const i of live) {
      if (ctx.lines[i].removedBy) continue;
      const t = ctx.lines[i].text;
      const prefix = CREDIT_PREFIX_RE.exec(t);
      if (prefix && wordCount(t.slice(prefix[0].length)) >= 6) {
        ctx.article.removed.push({ rule: 'caption', text: prefix[0].trim() });
        ctx.lines[i].text = t.slice(prefix[0].length);
        continue;
      }
      // A bare credit is a short line; testing only those keeps the rule cheap on long paragraphs.
      const creditOnly = CAPTION_START_RE.test(t) || (t.length <= MAX_BARE_CREDIT && BARE_CREDIT_RE.test(t));
      const creditAtEnd =
        ((CLOSES_RE.test(t) && CREDIT_END_RE.test(t)) ||
          (AGENCY_END_RE.test(t) && TRAILING_AGENCY_RE.test(t))) &&
        wordCount(t) <= 60;
      if (creditOnly || creditAtEnd) {
        ctx.remove(i, 'caption');
        // A page copy puts a figure's caption on the line right above its credit ("Photo: X / Outlet"),
        // with no blank line between; a paragraph above a credit is separated by one. (Not in corpora with
        // one sentence per line: there every line touches the next.)
        const above = i - 1;
        if (
          creditOnly &&
          !ctx.article.linesAreSentences &&
          above > live[0] &&
          !ctx.lines[above].removedBy &&
          ctx.lines[above].text.trim() &&
          wordCount(ctx.lines[above].text) <= MAX_CAPTION_WORDS
        )
          ctx.remove(above, 'caption');
      }
    }
  },
};
