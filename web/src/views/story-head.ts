/** The story's heading line: how many articles, over which days, from how many sources. */
import type { StorySummary } from '../api.js';
import { fmtDay, plural } from '../format.js';

export function metaText(st: StorySummary): string {
  return [
    plural(st.articles, 'article'),
    st.from ? `${fmtDay(st.from)} to ${fmtDay(st.to)}` : null,
    st.sources.length ? plural(st.sources.length, 'source') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
