/**
 * Date ranking: which days deserve an entry. Every day in range that an article names (through a resolved
 * day-level time expression) or was published on is a candidate; the learned date model (a logistic
 * regression over the features of src/timeline/features.ts: distinct articles and outlets naming the day,
 * how long after it they wrote, explicit dates, leads, the query, publication bursts) orders them. Supervised
 * date ranking is what DATEWISE (Ghalandari & Ifrim 2020) does; the model is trained by Chronicle.
 */
import type { IsoDay } from '../model.js';
import type { TimelineContext } from './context.js';
import { dateFeatures } from './features.js';
import { linearScore, type LinearModel } from './models.js';

export interface RankedDate {
  date: IsoDay;
  /** The date model's probability that the day is a timeline date. */
  score: number;
  /** Articles that name the day (the day's evidence, used as entry sources). */
  referencedBy: string[];
  /** Distinct articles naming it, and published on it (for the users' default number of dates). */
  references: number;
  published: number;
}

/** Candidate days, most probable first (ties: earlier day first). */
export function rankDates(ctx: TimelineContext, model: LinearModel): RankedDate[] {
  const f = dateFeatures(ctx);
  return f.days
    .map((date, i) => ({
      date,
      score: 1 / (1 + Math.exp(-linearScore(model, f.rows[i]!))),
      referencedBy: f.referencedBy[i]!,
      references: f.refArticles[i]!,
      published: f.published[i]!,
    }))
    .sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : 1));
}

/**
 * The days users get when they do not say how many: those referred to by at least `minReports` articles (or,
 * when no day is referred to at all, the publication days), most probable first, at most `maxDefault`.
 */
export function defaultDates(
  ranked: readonly RankedDate[],
  minReports: number,
  maxDefault: number,
): RankedDate[] {
  const anyReference = ranked.some((r) => r.references > 0);
  return ranked
    .filter((r) => (anyReference ? r.references >= minReports : r.published > 0))
    .slice(0, maxDefault);
}
