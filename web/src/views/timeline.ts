/**
 * The timeline: one item per date with its summary sentences (each citing numbered sources), the day's
 * quotes, chips for the entities it mentions (a chip toggles the entity filter) and its sources. Which
 * entities an entry mentions is decided by the server's own matcher (src/text/names-match.ts), so a chip
 * appears on exactly the entries that filtering by it keeps.
 */
import type { TimelineEntity, TimelineEntry, TimelineQuote } from '../api.js';
import { entitiesIn } from '../../../src/text/names-match.js';
import { fragment, h } from '../dom.js';
import { fmtDay, fmtShort, plural, quoteText, safeHref } from '../format.js';

export interface TimelineProps {
  entries: readonly TimelineEntry[];
  quotes: readonly TimelineQuote[];
  /** The entities chips may name. */
  entities: readonly TimelineEntity[];
  /** The entity the timeline is filtered by ('' for none): its chips are pressed. */
  activeEntity: string;
  /** The page's address, against which relative links are resolved. */
  base: string;
  /** A chip was pressed: filter by this entity, or '' to clear. */
  onEntity: (name: string) => void;
}

/** Chips per entry and quotes per day, at most. */
export const MAX_CHIPS = 8;
export const MAX_DAY_QUOTES = 3;

type Source = TimelineEntry['sources'][number];

function quotesByDay(quotes: readonly TimelineQuote[]): Map<string, TimelineQuote[]> {
  const byDay = new Map<string, TimelineQuote[]>();
  for (const q of quotes) if (q.date) byDay.set(q.date, [...(byDay.get(q.date) ?? []), q]);
  return byDay;
}

function sourceItem(ref: Source, n: number, anchor: string, day: string, base: string): HTMLLIElement {
  const file = ref.path ? ref.path.split(/[\\/]/).pop() : null;
  const label = [ref.source, ref.title].filter(Boolean).join(': ') || file || ref.articleId;
  const href = safeHref(ref.url, base);
  return h(
    'li',
    { id: `${anchor}-s${n}` },
    href
      ? h('a', { href, rel: 'noopener noreferrer', target: '_blank', text: label })
      : h('span', { text: label }),
    ref.publishedAt && ref.publishedAt !== day
      ? h('span', { class: 'muted', text: ` (${fmtShort(ref.publishedAt)})` })
      : null,
  );
}

function entryItem(entry: TimelineEntry, dayQuotes: TimelineQuote[], props: TimelineProps): HTMLLIElement {
  // Number each source once per entry; sentences cite those numbers.
  const numbers = new Map<string, number>();
  const sources: Source[] = [];
  const cite = (ref: Source) => {
    if (!numbers.has(ref.articleId)) {
      sources.push(ref);
      numbers.set(ref.articleId, sources.length);
    }
    return numbers.get(ref.articleId)!;
  };
  const anchor = `d-${entry.date}`;
  const sentences = entry.sentences.length
    ? entry.sentences
    : entry.summary.map((text) => ({ text, sources: entry.sources.slice(0, 1), outlets: undefined }));
  const paras = sentences.map((sent) =>
    h(
      'p',
      { class: 'summary' },
      sent.text,
      ' ',
      sent.sources.map((ref) => {
        const n = cite(ref);
        return h('a', {
          class: 'cite',
          href: `#${anchor}-s${n}`,
          'aria-label': `source ${n}`,
          text: `[${n}]`,
        });
      }),
      // Corroboration: how many outlets reported this sentence's event (wire copies count once).
      (sent.outlets ?? 0) > 1 ? h('span', { class: 'outlets', text: ` · ${sent.outlets} outlets` }) : null,
    ),
  );
  for (const ref of entry.sources) cite(ref);
  const more = (entry.sourceCount || entry.sources.length) - entry.sources.length;
  const chips = entitiesIn(entry.summary.join(' '), props.entities).slice(0, MAX_CHIPS);
  const active = props.activeEntity;
  return h(
    'li',
    { class: 'entry', id: anchor, dataset: { date: entry.date } },
    h('h3', { class: 'entry-date' }, h('time', { datetime: entry.date, text: fmtDay(entry.date) })),
    h('div', { class: 'entry-body' }, paras),
    dayQuotes.length
      ? h(
          'div',
          { class: 'entry-quotes' },
          dayQuotes
            .slice(0, MAX_DAY_QUOTES)
            .map((q) =>
              h(
                'figure',
                { class: 'quote' },
                h('blockquote', {}, h('p', { text: quoteText(q.text) })),
                h('figcaption', { text: `— ${q.speaker || 'unattributed'}` }),
              ),
            ),
        )
      : null,
    chips.length
      ? h(
          'ul',
          { class: 'chips', 'aria-label': 'People, organisations and places' },
          chips.map((e) =>
            h(
              'li',
              {},
              h('button', {
                type: 'button',
                class: `chip chip-${e.type.toLowerCase()}`,
                'aria-pressed': active === e.name ? 'true' : 'false',
                text: e.name,
                onclick: () => props.onEntity(active === e.name ? '' : e.name),
              }),
            ),
          ),
        )
      : null,
    h(
      'ol',
      { class: 'sources', 'aria-label': 'Sources' },
      sources.map((ref, i) => sourceItem(ref, i + 1, anchor, entry.date, props.base)),
    ),
    more > 0
      ? h('p', { class: 'more-sources muted small', text: `and ${plural(more, 'more source')}` })
      : null,
  );
}

/** The entries, as list items for `#timeline`. */
export function render(props: TimelineProps): DocumentFragment {
  const byDay = quotesByDay(props.quotes);
  return fragment(props.entries.map((e) => entryItem(e, byDay.get(e.date) ?? [], props)));
}

/** "(3 dates)" beside the heading. */
export const countText = (n: number): string => `(${plural(n, 'date')})`;
