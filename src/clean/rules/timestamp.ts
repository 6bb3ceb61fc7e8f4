import { isDateLine } from '../../ingest/text.js';
import type { CleanRule } from '../types.js';
import { leadIndices } from '../types.js';

/** Date/time lines near the top: "Feb. 9, 2024 / 9:57 AM", "Updated 3:41 PM ET, Tue March 1, 2022". */
export const timestampRule: CleanRule = {
  name: 'timestamp',
  description: 'publication date/time lines near the top ("Feb. 9, 2024 / 9:57 AM")',
  apply(ctx) {
    for (const i of leadIndices(ctx)) if (isDateLine(ctx.lines[i].text)) ctx.remove(i, 'timestamp');
  },
};
