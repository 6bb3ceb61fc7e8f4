import type { CleanRule } from '../types.js';
import { liveIndices } from '../types.js';

/** "5 min read", "3 minute read", "Reading time: 4 minutes", "Listen to this article 6 min". */
const READ_TIME_RE =
  /^\s*(?:\d{1,3}\s*-?\s*(?:min|mins|minute|minutes)\s+(?:read|listen)|reading time\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?)|listen(?: to this article)?\s*[·:-]?\s*\d{1,3}\s*(?:min|mins|minutes?))\s*\.?\s*$/i;

export const readTimeRule: CleanRule = {
  name: 'read-time',
  description: 'read-time labels ("5 min read")',
  apply(ctx) {
    for (const i of liveIndices(ctx)) if (READ_TIME_RE.test(ctx.lines[i].text)) ctx.remove(i, 'read-time');
  },
};
