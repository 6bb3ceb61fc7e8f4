/**
 * What the learned models see. A day is described by how many articles refer to it, and when they were
 * published, and by how many were published on it; a candidate sentence by how it relates to its day
 * (names it, leads a report of it, previews it), how central it is, how widely its event was reported (by
 * articles and by outlets), its length, names, quotes, numbers and modal words. Features are computed from
 * the context alone (never from a reference), once per context and day, and are the same for training
 * (src/eval/tls-train.ts) and for building a timeline.
 *
 * Position in the date span is deliberately not a day feature: under the Timeline17 protocol the span is
 * the reference's own first..last date, so a model learns "the ends of the span are timeline dates" (it
 * did: +1.8 points date F1), which says nothing about a user's story.
 */
import type { IsoDay } from '../model.js';
import { mentionAndLeadCollector, type Candidate } from './collect.js';
import type { TimelineContext, SentenceUnit } from './context.js';
import { groupEvents, type DayEvent } from './events.js';
import { cosine, cosineDense, sparseCentroidOf, type SparseVector } from './text.js';

/**
 * Day features: how many articles refer to the day (all of them; those published more than `laterAfterDays`
 * after it: a day still referred to long after is a milestone; those published before it: a scheduled day),
 * and how many were published on it. Each is a query-weighted count relative to the task's most referred-to
 * day, log-scaled (log1p(20 · count / max)): a ranking within a story must not depend on how big the story
 * is. A few broad features generalise across stories better than many narrow ones (compared leave-one-topic-out
 * on Timeline17: 0.573 vs 0.554 precision at the reference's number of dates).
 */
export const DATE_FEATURES = ['references', 'laterReferences', 'earlierReferences', 'publications'] as const;

/** Sentence features (the last seven are logs and products of the strongest ones: a linear model needs
 * them to say "central AND widely carried"). */
export const SENTENCE_FEATURES = [
  'namesDay',
  'lead',
  'preview',
  'position',
  'sameDayReport',
  'laterReport',
  'centralDay',
  'centralTopic',
  'carriers',
  'eventArticles',
  'eventOutlets',
  'eventShare',
  'query',
  'offQuery',
  'words',
  'wordsSquared',
  'otherDays',
  'quote',
  'names',
  'dayNames',
  'digits',
  'said',
  'modal',
  'logCentralDay',
  'logCentralTopic',
  'centralDayCarriers',
  'centralTopicCarriers',
  'centralTopicEvent',
  'centralTopicOffQuery',
  'centralTopicPreview',
] as const;

const MS_DAY = 86_400_000;
const dayNumber = (d: IsoDay) => Math.round(Date.parse(d + 'T00:00:00Z') / MS_DAY);

/** Candidate days with their feature rows (same order). */
export interface DateFeatures {
  days: IsoDay[];
  rows: Float64Array[];
  /** Distinct articles naming each day (for the users' default number of dates, and entry sources). */
  refArticles: number[];
  referencedBy: string[][];
  /** Articles published on each day. */
  published: number[];
}

/** Per-context memo (shared by shallow copies of a context that differ only in later parameters). */
function memo<T>(ctx: TimelineContext, key: string, make: () => T): T {
  let v = ctx.cache.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    ctx.cache.set(key, v);
  }
  return v;
}

/** The day features of every candidate day in range: days some article names, and publication days. */
export function dateFeatures(ctx: TimelineContext): DateFeatures {
  return memo(ctx, `dates ${ctx.params.laterAfterDays}`, () => computeDateFeatures(ctx));
}

function computeDateFeatures(ctx: TimelineContext): DateFeatures {
  const daySet = new Set<IsoDay>();
  for (const d of ctx.byDay.keys()) if (ctx.inRange(d)) daySet.add(d);
  for (const d of ctx.byPublication.keys()) if (ctx.inRange(d)) daySet.add(d);
  const days = [...daySet].sort();
  const later = ctx.params.laterAfterDays;
  // Counts are weighted by the query weight of the article (1, or offQueryWeight off the query), so a user's
  // query steers the days as it steers the sentences.
  const raw = days.map((day) => {
    const weights = new Map<string, { w: number; lag: number }>();
    const d0 = dayNumber(day);
    for (const u of ctx.byDay.get(day) ?? [])
      if (!weights.has(u.article.id)) {
        const lag = u.article.publishedAt ? dayNumber(u.article.publishedAt) - d0 : 0;
        weights.set(u.article.id, { w: u.weight, lag });
      }
    let refs = 0;
    let late = 0;
    let early = 0;
    for (const { w, lag } of weights.values()) {
      refs += w;
      if (lag > later) late += w;
      else if (lag < 0) early += w;
    }
    let pub = 0;
    for (const a of ctx.byPublication.get(day) ?? []) pub += ctx.articleWeight.get(a.id) ?? 1;
    return { refs, late, early, pub, referencedBy: [...weights.keys()] };
  });
  // Publication days count only where some article names the day, unless no day is named at all (no
  // time expressions): then publication is all there is.
  const named = raw.some((r) => r.refs > 0);
  const max = Math.max(1e-9, ...raw.map((r) => (named ? r.refs : r.pub)));
  const f = (x: number) => Math.log1p((20 * x) / max);
  const rows = raw.map((r) =>
    Float64Array.from([f(r.refs), f(r.late), f(r.early), named && r.refs === 0 ? 0 : f(r.pub)]),
  );
  return {
    days,
    rows,
    refArticles: raw.map((r) => r.referencedBy.length),
    referencedBy: raw.map((r) => r.referencedBy),
    published: days.map((d) => ctx.byPublication.get(d)?.length ?? 0),
  };
}

/** The candidates of one day, their vectors, events and feature rows. */
export interface DayCandidates {
  candidates: Candidate[];
  vectors: SparseVector[];
  rows: Float64Array[];
  events: DayEvent[];
  eventOf: Int32Array;
}

const NAME = /\s([A-Z][a-z]+(?:-[A-Z][a-z]+)?)/g;
const namesCache = new WeakMap<SentenceUnit['sentence'], string[]>();

/** Name-like words: capitalised words other than the sentence's first (a cheap stand-in for entities). */
function namesOf(u: SentenceUnit): string[] {
  let names = namesCache.get(u.sentence);
  if (!names) {
    const text = u.sentence.text.trim();
    const firstSpace = text.search(/\s/);
    const rest = firstSpace < 0 ? '' : text.slice(firstSpace);
    names = [...new Set([...rest.matchAll(NAME)].map((m) => m[1]!))];
    namesCache.set(u.sentence, names);
  }
  return names;
}

/** Candidates of a day with their features (memoised per context, day and the parameters that shape them). */
export function dayCandidates(ctx: TimelineContext, day: IsoDay): DayCandidates {
  const p = ctx.params;
  return memo(ctx, `day ${day} ${p.leadSentences} ${p.minWords} ${p.maxWords} ${p.eventSimilarity}`, () =>
    computeDayCandidates(ctx, day),
  );
}

function computeDayCandidates(ctx: TimelineContext, day: IsoDay): DayCandidates {
  const candidates = mentionAndLeadCollector.collect(ctx, day);
  const vectors = candidates.map((c) => ctx.vector(c.unit));
  const { events, eventOf } = groupEvents(ctx, candidates, vectors, ctx.params.eventSimilarity);
  const centroid = sparseCentroidOf(candidates.map((c, i) => ({ vector: vectors[i]!, weight: c.weight })));
  const topic = ctx.topicCentroid();
  const dayArticles = new Set(candidates.map((c) => c.unit.article.id)).size || 1;
  // name-like words of the day: in how many articles' candidates each occurs
  const nameArticles = new Map<string, Set<string>>();
  for (const c of candidates)
    for (const nm of namesOf(c.unit)) {
      let s = nameArticles.get(nm);
      if (!s) nameArticles.set(nm, (s = new Set()));
      s.add(c.unit.article.id);
    }
  const d0 = dayNumber(day);
  const queryTerms = ctx.query;
  const rows = candidates.map((c, i) => {
    const u = c.unit;
    const text = u.sentence.text;
    const lower = queryTerms.length ? text.toLowerCase() : '';
    const lag = u.article.publishedAt ? dayNumber(u.article.publishedAt) - d0 : 0;
    const words = ctx.words(u);
    const names = namesOf(u);
    let shared = 0;
    for (const nm of names) if ((nameArticles.get(nm)?.size ?? 0) > 1) shared++;
    const ev = events[eventOf[i]!]!;
    const cd = cosine(vectors[i]!, centroid);
    const ct = cosineDense(vectors[i]!, topic);
    const carriers = Math.log(ctx.carriers.get(u.key)?.length ?? 1);
    const eventArticles = Math.log1p(ev.articles.length);
    return Float64Array.from([
      c.namesDay ? 1 : 0,
      c.lead ? 1 : 0,
      c.preview ? 1 : 0,
      Math.log1p(u.sentence.index),
      lag >= 0 && lag <= 1 ? 1 : 0,
      lag > 1 ? 1 : 0,
      cd,
      ct,
      carriers,
      eventArticles,
      Math.log1p(ev.outlets),
      ev.articles.length / dayArticles,
      queryTerms.length ? queryTerms.filter((t) => lower.includes(t)).length / queryTerms.length : 0,
      u.weight < 1 ? 1 : 0,
      words / 25,
      (words / 25) ** 2,
      Math.log1p(u.days.filter((d) => d !== day).length),
      /["“”]|``|''/.test(text) ? 1 : 0,
      Math.log1p(names.length),
      names.length ? shared / names.length : 0,
      /\d/.test(text) ? 1 : 0,
      /\b(?:said|says|told|according)\b/i.test(text) ? 1 : 0,
      /\b(?:will|would|could|may|might|should|expected|plans?|if)\b/i.test(text) ? 1 : 0,
      Math.log(cd + 0.01),
      Math.log(ct + 0.01),
      cd * carriers,
      ct * carriers,
      ct * eventArticles,
      ct * (u.weight < 1 ? 1 : 0),
      ct * (c.preview ? 1 : 0),
    ]);
  });
  return { candidates, vectors, rows, events, eventOf };
}
