/**
 * Sentence collectors: the candidate sentences for one day. The default takes sentences that name the
 * day (they state what happened on it) and the lead sentences of articles published that day or the
 * day after (news reports yesterday's events first), provided they do not name another day. Quality
 * filters drop questions, fragments and sentences too short or too long to summarise anything.
 */
import type { IsoDay } from '../model.js';
import type { SentenceUnit, TimelineContext } from './context.js';

export interface Candidate {
  unit: SentenceUnit;
  /** Centroid weight: the query weight of the sentence's article. */
  weight: number;
  /** The sentence names the day through a resolved day-level time expression. */
  namesDay: boolean;
  /** It is one of the first `leadSentences` of an article published on the day or the day after. */
  lead: boolean;
  /** It names the day in an article published before it (a plan or a preview, not a report). */
  preview: boolean;
}

export interface SentenceCollector {
  name: string;
  collect(ctx: TimelineContext, day: IsoDay): Candidate[];
}

export function nextDay(day: IsoDay, delta = 1): IsoDay {
  return new Date(Date.parse(day + 'T00:00:00Z') + delta * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Do the sentence's double quotation marks pair up? Curly marks must open before they close; straight
 * marks (and the tokenised `` and '' of research corpora) must come in pairs.
 */
export function quotesBalanced(t: string): boolean {
  let depth = 0;
  for (const ch of t) {
    if (ch === '“') depth++;
    else if (ch === '”' && --depth < 0) return false;
  }
  if (depth !== 0) return false;
  const straight = (t.match(/"/g) ?? []).length;
  const opens = (t.match(/``/g) ?? []).length;
  const closes = (t.match(/''/g) ?? []).length;
  return straight % 2 === 0 && opens === closes;
}

/** Is this sentence fit to stand in a timeline? */
export function isSummaryMaterial(ctx: TimelineContext, u: SentenceUnit): boolean {
  const words = ctx.words(u);
  if (words < ctx.params.minWords || words > ctx.params.maxWords) return false;
  const t = u.sentence.text.trim();
  if (/\?\s*(?:''|"|”|')?$/.test(t)) return false; // questions
  if (!/^(?:[`'"“‘(]+\s*)?[\p{Lu}\p{N}]/u.test(t)) return false; // fragments starting mid-sentence
  if (/https?:\/\/|www\.|@\w/.test(t)) return false;
  // a piece of a quotation that runs over several sentences ('I want to know how," she said.'): read alone,
  // it opens or closes a quotation it does not hold
  if (!quotesBalanced(t)) return false;
  // the article's own headline: a label for the story, not a statement of what happened that day
  const title = u.article.title?.trim();
  if (title && t === title && !/[.!]["'”’]?$/.test(t)) return false;
  if (/^(?:photo|image|picture|video|watch|read more|related|click|share|follow)\b/i.test(t)) return false;
  return true;
}

export const mentionAndLeadCollector: SentenceCollector = {
  name: 'mention+lead',
  collect(ctx, day) {
    const out = new Map<string, Candidate>();
    const add = (u: SentenceUnit, lead: boolean) => {
      if (!isSummaryMaterial(ctx, u)) return;
      const namesDay = u.days.includes(day);
      const preview = namesDay && u.article.publishedAt !== null && u.article.publishedAt < day;
      const prev = out.get(u.key);
      // one candidate per fact: the first report of it, a lead or day-naming copy before a preview
      if (prev && (prev.lead || !prev.preview || preview)) return;
      out.set(u.key, { unit: u, weight: u.weight, namesDay, lead, preview });
    };
    for (const u of ctx.byDay.get(day) ?? []) add(u, false);
    for (const pub of [day, nextDay(day)])
      for (const a of ctx.byPublication.get(pub) ?? []) {
        const own = ctx.articleUnits.get(a);
        const leads = Math.min(a.sentences.length, ctx.params.leadSentences);
        for (let position = 0; position < leads; position++) {
          const u = own?.[position];
          if (!u || (u.days.length && !u.days.includes(day))) continue;
          const prev = out.get(u.key);
          if (prev && prev.unit === u) prev.lead = true;
          else add(u, true);
        }
      }
    return [...out.values()];
  },
};

export const sentenceCollectors: Record<string, SentenceCollector> = {
  'mention+lead': mentionAndLeadCollector,
};
