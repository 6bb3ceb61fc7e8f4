/**
 * Timeline building: strategies behind one interface (news-tls style: a date ranker, a sentence collector
 * and a summariser composed into a strategy). `chronicle timeline` and `chronicle eval tls` use the same
 * default strategy. The strategy reads only the analysis' articles, sentences, time expressions and
 * near-duplicate marks (not entities or quotes), so those stages may be skipped when only the entries matter.
 */
import type { Analysis, Article, Timeline, TimelineEntry, TimelineOptions } from '../model.js';
import { buildContext } from './context.js';
import { mentionAndLeadCollector, type SentenceCollector } from './collect.js';
import { mentionDateRanker, type DateRanker } from './dates.js';
import { centroidSummariser, type Chosen, type Summariser } from './summarise.js';
import { timelineEntities, timelineQuotes, uniqueSources } from './aggregate.js';
import { PARAMS } from './params.js';
import { countOutlets } from './corroboration.js';

export type { DateRanker, RankedDate } from './dates.js';
export type { SentenceCollector, Candidate } from './collect.js';
export type { Summariser } from './summarise.js';
export { PARAMS } from './params.js';

export interface TimelineStrategy {
  name: string;
  build(analysis: Analysis, options: TimelineOptions): Timeline;
}

/** Compose a date ranker, a sentence collector and a summariser into a strategy. */
export function datewiseStrategy(
  name: string,
  ranker: DateRanker,
  collector: SentenceCollector,
  summariser: Summariser,
): TimelineStrategy {
  return {
    name,
    build(analysis, options) {
      const ctx = buildContext(analysis, options);
      const k = Math.max(1, options.sentences ?? PARAMS.defaultSentences);
      const ranked = ranker.rank(ctx);
      const wanted =
        options.dates ??
        Math.min(
          PARAMS.maxDefaultDates,
          Math.max(ranked.length ? 1 : 0, ranked.filter((r) => r.score >= PARAMS.minSalience).length),
        );
      const chosen: Chosen[] = [];
      const entries: TimelineEntry[] = [];
      const byId = new Map(analysis.articles.map((a) => [a.id, a]));
      for (const r of ranked) {
        if (entries.length >= wanted) break;
        const picks = summariser.summarise(ctx, collector.collect(ctx, r.date), k, chosen);
        if (!picks.length) continue;
        chosen.push(...picks);
        const sentences = picks.map((p) => {
          const u = p.candidate.unit;
          const carriers = ctx.carriers.get(u.key) ?? [u.article];
          return {
            text: u.sentence.text.replace(/\s+/g, ' ').trim(),
            articleId: u.article.id,
            sentenceIndex: u.sentence.index,
            sources: uniqueSources(carriers),
            outlets: countOutlets(carriers, byId),
          };
        });
        const referring = r.referencedBy.map((id) => byId.get(id)).filter((a): a is Article => Boolean(a));
        const carriers = picks.flatMap(
          (p) => ctx.carriers.get(p.candidate.unit.key) ?? [p.candidate.unit.article],
        );
        entries.push({
          date: r.date,
          summary: sentences.map((s) => s.text),
          sentences,
          sources: uniqueSources([...carriers, ...referring]),
          outlets: countOutlets([...carriers, ...referring], byId),
          score: r.score,
        });
      }
      entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return { entries, entities: timelineEntities(analysis), quotes: timelineQuotes(analysis.articles) };
    },
  };
}

/** The default: distinct-source date mentions, mention + lead sentences, centroid summaries without redundancy. */
export const defaultStrategy = datewiseStrategy(
  'datewise',
  mentionDateRanker,
  mentionAndLeadCollector,
  centroidSummariser,
);

export const strategies: Record<string, TimelineStrategy> = { datewise: defaultStrategy };

/** Build the timeline of an analysis with the named strategy (default: `datewise`). */
export function buildTimelineFromAnalysis(analysis: Analysis, options: TimelineOptions = {}): Timeline {
  const name = options.strategy ?? defaultStrategy.name;
  const strategy = strategies[name];
  if (!strategy)
    throw new Error(`unknown timeline strategy "${name}" (known: ${Object.keys(strategies).join(', ')})`);
  return strategy.build(analysis, options);
}
