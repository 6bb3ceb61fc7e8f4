/** The story's quotes beside the timeline: who said what, and when. */
import type { TimelineQuote } from '../api.js';
import { fragment, h } from '../dom.js';
import { fmtShort, quoteText } from '../format.js';

/** Quotes listed at most. */
export const MAX_QUOTES = 30;

export function render(quotes: readonly TimelineQuote[]): DocumentFragment {
  if (!quotes.length) return fragment(h('li', { class: 'muted', text: 'No quotes found.' }));
  return fragment(
    quotes
      .slice(0, MAX_QUOTES)
      .map((q) =>
        h(
          'li',
          {},
          h(
            'figure',
            { class: 'quote' },
            h('blockquote', {}, h('p', { text: quoteText(q.text) })),
            h(
              'figcaption',
              {},
              h('span', { class: 'speaker', text: q.speaker || 'unattributed' }),
              q.date ? h('span', { class: 'muted', text: ` · ${fmtShort(q.date)}` }) : null,
            ),
          ),
        ),
      ),
  );
}
