/**
 * The filter lists: entities (most mentioned first) and sources. A value from the URL that is not in the
 * list is kept as an extra option, so the page shows what it is filtered by.
 */
import type { TimelineEntity } from '../api.js';
import { fragment, h } from '../dom.js';

/** Entities offered in the list at most. */
export const MAX_ENTITY_OPTIONS = 80;

export function entityOptions(entities: readonly TimelineEntity[], selected: string): DocumentFragment {
  const top = [...entities]
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, MAX_ENTITY_OPTIONS);
  return fragment(
    h('option', { value: '', text: 'Everyone' }),
    top.map((e) => h('option', { value: e.name, text: `${e.name} (${e.mentions})` })),
    selected && !top.some((e) => e.name === selected)
      ? h('option', { value: selected, text: selected })
      : null,
  );
}

export function sourceOptions(sources: readonly string[], selected: string): DocumentFragment {
  return fragment(
    h('option', { value: '', text: 'All sources' }),
    sources.map((x) => h('option', { value: x, text: x })),
    selected && !sources.includes(selected) ? h('option', { value: selected, text: selected }) : null,
  );
}

/** The "add to story" choice: let Chronicle decide, or the story shown. */
export function targetStoryOptions(story: { id: string; title: string }): DocumentFragment {
  return fragment(
    h('option', { value: '', text: 'Let Chronicle decide' }),
    h('option', { value: story.id, text: `This story: ${story.title}` }),
  );
}
