/**
 * Timeline building: strategies behind one interface. The default (`datewise`, news-tls style) ranks days
 * with the learned date model, collects each day's candidate sentences (those naming it, the leads of the
 * next reports), groups them into events and picks one sentence per event with the learned sentence model,
 * never repeating itself across days. `chronicle timeline`, the store and the web app, and `chronicle eval
 * tls` all use it. Parameters and models are arguments (`options.params` overrides DEFAULT_PARAMS,
 * `options.models` replaces the shipped models); nothing global changes. The strategy reads only the
 * analysis' articles, sentences, time expressions and near-duplicate marks (not entities or quotes), so
 * those stages may be skipped when only the entries matter.
 */
import type { Analysis, Article, Timeline, TimelineEntry, TimelineOptions } from '../model.js';
import { buildContext, type TimelineContext } from './context.js';
import { defaultDates, rankDates } from './dates.js';
import { summariseDay, type Chosen } from './summarise.js';
import { countOutlets } from './corroboration.js';
import { timelineEntities, timelineQuotes, uniqueSources } from './aggregate.js';
import { timelineParams } from './params.js';
import { shippedModels, type TimelineModels } from './models.js';

export type { RankedDate } from './dates.js';
export type { Candidate, SentenceCollector } from './collect.js';
export type { TimelineParams } from './params.js';
export type { TimelineModels, LinearModel } from './models.js';
export { DEFAULT_PARAMS, PARAM_NAMES, timelineParams } from './params.js';
export { parseModels, shippedModels, methodFingerprint } from './models.js';
export { buildContext } from './context.js';

export interface TimelineStrategy {
  name: string;
  build(analysis: Analysis, options: TimelineOptions): Timeline;
}

/** The dated entries of a timeline from a context (its params) and models: the datewise method. */
export function datewiseEntries(
  ctx: TimelineContext,
  models: TimelineModels,
  dates: number | undefined,
  sentences: number | undefined,
): TimelineEntry[] {
  const p = ctx.params;
  const k = Math.max(1, sentences ?? p.defaultSentences);
  const all = rankDates(ctx, models.date);
  // users who do not say how many get the days enough articles refer to; the TLS protocol says how many
  const ranked = dates === undefined ? defaultDates(all, p.minReports, p.maxDefaultDates) : all;
  const wanted = dates ?? ranked.length;
  const chosen: Chosen[] = [];
  const entries: TimelineEntry[] = [];
  const byId = new Map(ctx.analysis.articles.map((a) => [a.id, a]));
  for (const r of ranked) {
    if (entries.length >= wanted) break;
    const picks = summariseDay(ctx, r.date, k, models.sentence, chosen);
    if (!picks.length) continue;
    chosen.push(...picks);
    const sentencesOut = picks.map((pk) => {
      const u = pk.candidate.unit;
      return {
        text: u.sentence.text.replace(/\s+/g, ' ').trim(),
        articleId: u.article.id,
        sentenceIndex: u.sentence.index,
        sources: uniqueSources(ctx.carriers.get(u.key) ?? [u.article]),
        outlets: pk.event.outlets,
      };
    });
    const referring = r.referencedBy.map((id) => byId.get(id)).filter((a): a is Article => Boolean(a));
    const carriers = picks.flatMap(
      (pk) => ctx.carriers.get(pk.candidate.unit.key) ?? [pk.candidate.unit.article],
    );
    entries.push({
      date: r.date,
      summary: sentencesOut.map((s) => s.text),
      sentences: sentencesOut,
      sources: uniqueSources([...carriers, ...referring]),
      score: r.score,
      outlets: countOutlets([...carriers, ...referring], byId),
      events: picks[0]!.dayEvents,
    });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return entries;
}

/** The default: learned date ranking, mention + lead candidates, one sentence per event. */
export const defaultStrategy: TimelineStrategy = {
  name: 'datewise',
  build(analysis, options) {
    const ctx = buildContext(analysis, options, timelineParams(options.params));
    const entries = datewiseEntries(ctx, options.models ?? shippedModels(), options.dates, options.sentences);
    return { entries, entities: timelineEntities(analysis), quotes: timelineQuotes(analysis.articles) };
  },
};

export const strategies: Record<string, TimelineStrategy> = { datewise: defaultStrategy };

/** Build the timeline of an analysis with the named strategy (default: `datewise`). */
export function buildTimelineFromAnalysis(analysis: Analysis, options: TimelineOptions = {}): Timeline {
  const name = options.strategy ?? defaultStrategy.name;
  const strategy = strategies[name];
  if (!strategy)
    throw new Error(`unknown timeline strategy "${name}" (known: ${Object.keys(strategies).join(', ')})`);
  return strategy.build(analysis, options);
}
