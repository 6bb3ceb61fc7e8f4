/**
 * Story summaries and stored-timeline policy, whatever the backend: a summary's top entities come from the
 * story's entity vector (kept by clustering), its title falls back to those names, and its span is recomputed
 * from the articles' plausible days when a stored bound is impossible. A stored timeline is keyed by the
 * options it was built with and tagged with the story version it reflects.
 */
import type { EntityType, TimelineOptions } from '../../model.js';
import { decodeVector } from '../../stories/cluster.js';
import type { StorySummary } from '../types.js';
import { methodFingerprint } from '../../timeline/index.js';
import { isPlausibleDay, storedDay } from './days.js';
import type { StoredStory } from './snapshot.js';

/** A story row as the readers select it. */
export type StoryRow = StoredStory & { title: string };

/** The story's most weighted stored entities (rowid and weight), at most `n`. */
export function topEntityRowids(r: Pick<StoredStory, 'entity_vec'>, n = 5): [number, number][] {
  return [...decodeVector(r.entity_vec)]
    .filter(([k]) => /^e\d+$/.test(k))
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(([k, w]) => [Number(k.slice(1)), w]);
}

/** Whether the stored span is usable as it is (both bounds plausible or absent). */
export function spanIsPlausible(r: Pick<StoredStory, 'first_day' | 'last_day'>): boolean {
  return r.first_day === storedDay(r.first_day) && r.last_day === storedDay(r.last_day);
}

/** The span of a story from its articles' distinct publication days (sorted), impossible ones left out. */
export function spanOfDays(days: string[]): { from: string | null; to: string | null } {
  const ok = days.filter(isPlausibleDay);
  return { from: ok[0] ?? null, to: ok[ok.length - 1] ?? null };
}

/** A story's summary from its row, its top entities (names of topEntityRowids' rowids), outlets and span. */
export function storySummary(
  r: StoryRow,
  top: { rowid: number; weight: number }[],
  names: Map<number, { name: string; type: EntityType }>,
  sources: string[],
  span: { from: string | null; to: string | null },
): StorySummary {
  const topEntities = top.flatMap(({ rowid, weight }) => {
    const e = names.get(rowid);
    return e ? [{ name: e.name, type: e.type, mentions: Math.round(weight) }] : [];
  });
  const title =
    r.title ||
    topEntities
      .slice(0, 3)
      .map((e) => e.name)
      .join(', ') ||
    r.id;
  return {
    id: r.id,
    title,
    articles: r.size,
    from: span.from,
    to: span.to,
    topEntities,
    sources,
    version: r.version,
  };
}

/** Stable key of timeline options, for stored timelines. */
export function optionsKey(o: TimelineOptions = {}): string {
  const q = Array.isArray(o.query) ? o.query.join(' ') : o.query;
  return JSON.stringify([
    o.dates ?? null,
    o.sentences ?? null,
    q ?? null,
    o.from ?? null,
    o.to ?? null,
    o.strategy ?? null,
    // the method that built it (a store built before a change of parameters or models rebuilds)
    methodFingerprint(),
  ]);
}

/** The options a stored timeline's key stands for. */
export function optionsFromKey(key: string): TimelineOptions {
  const [dates, sentences, query, from, to, strategy] = JSON.parse(key) as (string | number | null)[];
  const o: TimelineOptions = {};
  if (dates !== null) o.dates = dates as number;
  if (sentences !== null) o.sentences = sentences as number;
  if (query !== null) o.query = query as string;
  if (from !== null) o.from = from as string;
  if (to !== null) o.to = to as string;
  if (strategy !== null) o.strategy = strategy as string;
  return o;
}
