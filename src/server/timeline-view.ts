/**
 * A story's timeline as the API sends it: the stored timeline with the request's filters applied, trimmed,
 * plus coverage per day for the overview chart. Pure over the store, so the server can build it on its reader
 * thread (reader.ts) as well as inline.
 */
import type { Store, StorySummary } from '../store/index.js';
import type { Timeline } from '../model.js';
import { DEFAULT_MAX_QUOTES, DEFAULT_MAX_SOURCES, type TimelineQuery } from './schemas.js';

export { DEFAULT_MAX_QUOTES, DEFAULT_MAX_SOURCES };
import { presentTimeline } from '../render/present.js';
import {
  coverageByDay,
  filterByDates,
  filterByEntity,
  filterBySource,
  timelineSources,
  trimTimeline,
} from './views.js';

/** A story's timeline with the API's filters applied, plus coverage per day for the overview chart. */
export async function timelineView(store: Pick<Store, 'storyTimeline'>, s: StorySummary, q: TimelineQuery) {
  const base: Timeline = await store.storyTimeline(s.id, {
    dates: q.dates,
    sentences: q.sentences,
    query: q.q,
    from: q.from,
    to: q.to,
  });
  let timeline = filterByDates(base, q.from, q.to);
  if (q.entity) timeline = filterByEntity(timeline, q.entity);
  if (q.source) timeline = filterBySource(timeline, q.source);
  return {
    story: s,
    filters: {
      entity: q.entity ?? null,
      source: q.source ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      q: q.q ?? null,
    },
    coverage: coverageByDay(
      timelineSources(base),
      base.entries.map((e) => e.date),
    ),
    timeline: trimTimeline(
      presentTimeline(timeline),
      q.maxSources ?? DEFAULT_MAX_SOURCES,
      q.maxQuotes ?? DEFAULT_MAX_QUOTES,
    ),
  };
}
