import type { CleanRule } from '../types.js';
import { liveIndices } from '../types.js';

/**
 * Advertising labels on a line of their own, where an ad slot was: "Advertisement", "Sponsored content",
 * "Story continues below advertisement", "Continue reading the main story", "Scroll to continue".
 */
const AD_LABEL_RE =
  /^\s*(?:-\s*)?(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| links?| stories)?|paid (?:content|post|partner content)|promoted(?: content)?|(?:story|article|text) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading(?: (?:below|the main story|after (?:the )?(?:advertisement|ad)))?|scroll (?:down )?to continue(?: with content)?|skip (?:this )?ad(?:vertisement)?)\s*(?:-\s*)?$/i;

export const adLabelRule: CleanRule = {
  name: 'ad-label',
  description:
    'advertising labels on a line of their own ("Advertisement", "Story continues below advertisement")',
  apply(ctx) {
    for (const i of liveIndices(ctx)) if (AD_LABEL_RE.test(ctx.lines[i].text)) ctx.remove(i, 'ad-label');
  },
};
