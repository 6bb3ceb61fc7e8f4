/** The list of stories in the side bar: one link per story, the current one marked. */
import type { StorySummary } from '../api.js';
import { fragment, h } from '../dom.js';
import { plural, rangeText } from '../format.js';

export interface StoryListProps {
  stories: readonly StorySummary[];
  current: string;
  /** Called when a story is chosen (the link's default navigation is prevented). */
  onPick: (id: string) => void;
}

export function render({ stories, current, onPick }: StoryListProps): DocumentFragment {
  return fragment(
    stories.map((st) =>
      h(
        'li',
        {},
        h(
          'a',
          {
            href: `?story=${encodeURIComponent(st.id)}`,
            'aria-current': st.id === current ? 'page' : null,
            dataset: { story: st.id },
            onclick: (ev) => {
              ev.preventDefault();
              onPick(st.id);
            },
          },
          h('span', { class: 'story-name', text: st.title }),
          h('span', { class: 'story-dates muted', text: rangeText(st.from, st.to) }),
          h('span', { class: 'story-count muted', text: plural(st.articles, 'article') }),
        ),
      ),
    ),
  );
}

/** Move the "current page" mark to the story shown, without rebuilding the list. */
export function markCurrent(list: ParentNode, current: string): void {
  for (const a of Array.from(list.querySelectorAll<HTMLAnchorElement>('a[data-story]'))) {
    if (a.dataset.story === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}
