/**
 * Date rankers: which days deserve an entry. The default counts DISTINCT articles that name the day
 * through a resolved day-level time expression (the strongest signal in the TLS literature: Tran et
 * al. 2013, Ghalandari & Ifrim 2020), plus a smaller weight for articles published that day (bursts).
 * Sentences that repeat inside one article add sub-linearly, so one long article cannot make a day.
 */
import type { IsoDay } from '../model.js';
import type { TimelineContext } from './context.js';
import { PARAMS } from './params.js';

export interface RankedDate {
  date: IsoDay;
  score: number;
  /** Articles that name the day (the day's evidence, used as entry sources). */
  referencedBy: string[];
}

export interface DateRanker {
  name: string;
  rank(ctx: TimelineContext): RankedDate[];
}

export const mentionDateRanker: DateRanker = {
  name: 'mentions',
  rank(ctx) {
    const score = new Map<IsoDay, number>();
    const refs = new Map<IsoDay, string[]>();
    for (const [day, units] of ctx.byDay) {
      if (!ctx.inRange(day)) continue;
      const perArticle = new Map<string, number>();
      const near = new Set<string>();
      const dayMs = Date.parse(day + 'T00:00:00Z');
      for (const u of units) {
        perArticle.set(u.article.id, (perArticle.get(u.article.id) ?? 0) + 1);
        const pub = u.article.publishedAt ? Date.parse(u.article.publishedAt + 'T00:00:00Z') : NaN;
        const lag = (pub - dayMs) / 86_400_000;
        if (lag >= -1 && lag <= PARAMS.nearReportDays) near.add(u.article.id);
      }
      let s = 0;
      for (const [id, count] of perArticle)
        s +=
          (ctx.articleWeight.get(id) ?? 1) *
          (near.has(id) ? 1 : PARAMS.distantMentionWeight) *
          (PARAMS.mentionWeight + PARAMS.repeatMentionWeight * Math.sqrt(count - 1));
      score.set(day, s);
      refs.set(day, [...perArticle.keys()]);
    }
    const mentioned = score.size > 0;
    for (const [day, arts] of ctx.byPublication) {
      if (!ctx.inRange(day)) continue;
      // Without any resolved day reference (no time-expression stage), publication days are all we have.
      if (mentioned && !score.has(day)) continue;
      let s = 0;
      for (const a of arts) s += (ctx.articleWeight.get(a.id) ?? 1) * PARAMS.publicationWeight;
      score.set(day, (score.get(day) ?? 0) + s);
      if (!refs.has(day)) refs.set(day, []);
    }
    return [...score.entries()]
      .map(([date, s]) => ({ date, score: s, referencedBy: refs.get(date) ?? [] }))
      .sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : 1));
  },
};

export const dateRankers: Record<string, DateRanker> = { mentions: mentionDateRanker };
