import type { CleanRule } from '../types.js';
import { liveIndices } from '../types.js';

/** "Share this article", "Follow us on Facebook", "Sign up for our newsletter", bare "Share"/"Tweet"/"Email". */
const SHARE_RE =
  /^\s*(?:share(?: this| the)?(?: article| story| page| post)?(?: on [\p{L} ]+)?|share via [\p{L} ]+|follow us(?: on [\p{L}, &]+)?|like us on [\p{L} ]+|sign up (?:for|to) (?:our|the) [\p{L} ]*newsletters?|subscribe(?: to [\p{L} ]+)?|click here(?: to [\p{L} ]+)?|tweet(?: this)?|email(?: this(?: article| story)?)?|print(?: this(?: article| story| page)?)?|copy link|comments?|save(?: article)?|whatsapp|facebook|twitter|linkedin|reddit)\s*[.!:]?\s*$/iu;

export const sharePromptsRule: CleanRule = {
  name: 'share-prompts',
  description: 'share and follow prompts ("Share this article", "Follow us on ...")',
  apply(ctx) {
    for (const i of liveIndices(ctx)) {
      const t = ctx.lines[i].text;
      if (t.length <= 80 && SHARE_RE.test(t)) ctx.remove(i, 'share-prompts');
    }
  },
};
