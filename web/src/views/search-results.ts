/** Search hits across all stories: headline (linked when it has a web address), outlet and day, snippet. */
import type { SearchHit } from '../api.js';
import { fragment, h } from '../dom.js';
import { fmtDay, safeHref } from '../format.js';

export interface SearchResultsProps {
  q: string;
  hits: readonly SearchHit[];
  /** The page's address, against which relative links are resolved. */
  base: string;
}

export function render({ q, hits, base }: SearchResultsProps): DocumentFragment {
  if (!hits.length) return fragment(h('li', { class: 'muted', text: `No articles match “${q}”.` }));
  return fragment(
    hits.map((hit) => {
      const href = safeHref(hit.url, base);
      const title = hit.title || hit.snippet.slice(0, 80);
      return h(
        'li',
        {},
        h(
          'p',
          { class: 'hit-title' },
          href
            ? h('a', { href, rel: 'noopener noreferrer', target: '_blank', text: title })
            : h('span', { text: title }),
        ),
        h('p', {
          class: 'muted small',
          text: [hit.source, fmtDay(hit.publishedAt)].filter(Boolean).join(' · '),
        }),
        h('p', { class: 'snippet', text: hit.snippet }),
      );
    }),
  );
}
