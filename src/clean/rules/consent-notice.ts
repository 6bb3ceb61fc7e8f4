import type { CleanRule } from '../types.js';
import { liveIndices, wordCount } from '../types.js';

/**
 * Cookie and consent banners, wherever the copy put them: a line that speaks to the reader about the
 * site's cookies ("We use cookies ...", "Our cookie policy has changed", "Accept all cookies", "Manage
 * cookie settings"). A sentence about cookies as news ("The regulator fined the firm over its cookie
 * banners") does not address the reader this way and stays.
 */
const CONSENT_RE =
  /\b(?:we(?: and our (?:partners|vendors))? (?:use|place|store)s? cookies|(?:this|our) (?:web)?site uses cookies|our (?:cookie|privacy) (?:policy|notice) (?:has|have) (?:changed|been updated)|(?:accept|reject|allow|manage|decline) (?:all |optional )?cookies|cookie (?:settings|preferences|consent)\b|by continuing (?:to (?:browse|use) (?:this|our) site )?you (?:agree|consent|accept)[^.]{0,40}\bcookies)/i;

/** Every pattern names cookies: a cheap test first (the rule runs on every line of every article). */
const COOKIE_RE = /cookie/i;

export const consentNoticeRule: CleanRule = {
  name: 'consent-notice',
  description: 'cookie and consent banners ("We use cookies ...", "Accept all cookies")',
  apply(ctx) {
    for (const i of liveIndices(ctx)) {
      const t = ctx.lines[i].text;
      if (COOKIE_RE.test(t) && wordCount(t) <= 60 && CONSENT_RE.test(t)) ctx.remove(i, 'consent-notice');
    }
  },
};
