/**
 * Views the API derives from a story's timeline and entities: filters (by entity, by outlet), coverage per
 * day, and entity co-occurrence. Pure functions over the document model, so they are tested on their own.
 */
import type { Entity, IsoDay, SourceRef, Timeline, TimelineEntry } from '../model.js';
import { DAY_MS, dayToMs, msToDay } from '../util/day.js';
import { entityNames, nameMatcher } from '../text/names-match.js';

// The name matcher is shared with the web app (src/text/names-match.ts); re-exported for the server's callers.
export { entityNames, nameMatcher };

/** Keep the entries whose summary mentions the entity, with only the sentences that do. */
export function filterByEntity(timeline: Timeline, entity: string): Timeline {
  const mentions = nameMatcher(entityNames(entity, timeline.entities));
  const entries: TimelineEntry[] = [];
  for (const e of timeline.entries) {
    const keep = e.sentences.length
      ? e.sentences.filter((s) => mentions(s.text))
      : e.summary.filter(mentions).map((text) => ({ text, articleId: '', sentenceIndex: -1, sources: [] }));
    if (!keep.length) continue;
    entries.push({ ...e, summary: keep.map((s) => s.text), sentences: e.sentences.length ? keep : [] });
  }
  const quotes = timeline.quotes.filter((q) => (q.speaker && mentions(q.speaker)) || mentions(q.text));
  return { ...timeline, entries, quotes };
}

function sameSource(ref: SourceRef, wanted: string): boolean {
  return (ref.source ?? '').trim().toLowerCase() === wanted.trim().toLowerCase();
}

/** Keep what the given outlet reported: entries with a sentence from it, and only those sentences. */
export function filterBySource(timeline: Timeline, source: string): Timeline {
  const entries: TimelineEntry[] = [];
  for (const e of timeline.entries) {
    const keep = e.sentences.filter((s) => s.sources.some((r) => sameSource(r, source)));
    if (!keep.length) continue;
    entries.push({
      ...e,
      summary: keep.map((s) => s.text),
      sentences: keep,
      sources: e.sources.filter((r) => sameSource(r, source)),
    });
  }
  const quotes = timeline.quotes.filter((q) => q.sources.some((r) => sameSource(r, source)));
  return { ...timeline, entries, quotes };
}

/** Restrict entries (and dated quotes) to an inclusive day range. */
export function filterByDates(timeline: Timeline, from?: IsoDay, to?: IsoDay): Timeline {
  if (!from && !to) return timeline;
  const inRange = (d: IsoDay | null) => d !== null && (!from || d >= from) && (!to || d <= to);
  return {
    ...timeline,
    entries: timeline.entries.filter((e) => inRange(e.date)),
    quotes: timeline.quotes.filter((q) => q.date === null || inRange(q.date)),
  };
}

/** Every source reference in a timeline, one per article. */
export function timelineSources(timeline: Timeline): SourceRef[] {
  const byId = new Map<string, SourceRef>();
  const add = (r: SourceRef) => {
    if (!byId.has(r.articleId)) byId.set(r.articleId, r);
  };
  for (const e of timeline.entries) {
    e.sources.forEach(add);
    for (const s of e.sentences) s.sources.forEach(add);
  }
  for (const q of timeline.quotes) q.sources.forEach(add);
  return [...byId.values()];
}

export interface DayCount {
  date: IsoDay;
  articles: number;
}

/**
 * Articles per publication day, every day from the first to the last present (zeros included). `alsoDays`
 * (the timeline's dates) widen the range, so an event dated before the first report still has its day.
 */
export function coverageByDay(sources: SourceRef[], alsoDays: IsoDay[] = [], maxDays = 3660): DayCount[] {
  const counts = new Map<IsoDay, number>();
  for (const s of sources) if (s.publishedAt) counts.set(s.publishedAt, (counts.get(s.publishedAt) ?? 0) + 1);
  const days = [
    ...new Set([...counts.keys(), ...alsoDays.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))]),
  ].sort();
  if (!days.length) return [];
  const out: DayCount[] = [];
  const end = dayToMs(days[days.length - 1]);
  for (let t = dayToMs(days[0]); t <= end && out.length < maxDays; t += DAY_MS) {
    const d = msToDay(t);
    out.push({ date: d, articles: counts.get(d) ?? 0 });
  }
  return out;
}

export interface CoOccurrence {
  a: string;
  b: string;
  /** Number of articles mentioning both. */
  articles: number;
}

/**
 * Who appears with whom: pairs among the `top` most mentioned entities, by articles shared. Entities with
 * the same name (one name tagged as two types) count as one.
 */
export function coOccurrence(entities: Entity[], top = 20): CoOccurrence[] {
  const byName = new Map<string, Entity>();
  for (const e of entities) {
    const key = e.name.toLowerCase();
    const seen = byName.get(key);
    if (!seen) byName.set(key, { ...e, articleIds: [...e.articleIds] });
    else {
      seen.mentions += e.mentions;
      seen.articleIds = [...new Set([...seen.articleIds, ...e.articleIds])];
    }
  }
  const chosen = [...byName.values()]
    .filter((e) => e.articleIds.length)
    .sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name))
    .slice(0, top);
  const sets = chosen.map((e) => new Set(e.articleIds));
  const out: CoOccurrence[] = [];
  for (let i = 0; i < chosen.length; i++)
    for (let j = i + 1; j < chosen.length; j++) {
      let n = 0;
      for (const id of chosen[j].articleIds) if (sets[i].has(id)) n++;
      if (n) out.push({ a: chosen[i].name, b: chosen[j].name, articles: n });
    }
  return out.sort((x, y) => y.articles - x.articles || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** A timeline whose long source and quote lists are cut, with the full counts kept alongside. */
export interface TrimmedTimeline extends Timeline {
  /** Quotes in the full timeline (the response carries at most `maxQuotes`). */
  quoteCount: number;
}

/**
 * Cut every source list to `maxSources` (recording `sourceCount`) and the quotes to `maxQuotes`. A story of
 * thousands of articles cites hundreds of them per date; a reader (and the wire) needs the first few.
 */
export function trimTimeline(
  timeline: Timeline,
  maxSources: number,
  maxQuotes: number,
  maxQuoteSources = Math.min(3, maxSources),
): TrimmedTimeline {
  const cutTo =
    (max: number) =>
    <T extends { sources: SourceRef[] }>(x: T) =>
      x.sources.length > max ? { ...x, sources: x.sources.slice(0, max), sourceCount: x.sources.length } : x;
  const cut = cutTo(maxSources);
  return {
    ...timeline,
    entries: timeline.entries.map((e) => cut({ ...e, sentences: e.sentences.map(cut) })),
    // The page shows who said it and when; a few sources per quote are plenty.
    quotes: timeline.quotes.slice(0, maxQuotes).map(cutTo(maxQuoteSources)),
    quoteCount: timeline.quotes.length,
  };
}
