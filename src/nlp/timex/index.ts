import type { Article, IsoDay, Timex } from '../../model.js';

export interface TimexOptions {
  /** Document creation time (publication day); null leaves relative expressions unresolved (X placeholders). */
  dct: IsoDay | null;
  /** Sentence spans (offsets into text), used for tense and for anchoring "the day before". */
  sentences?: { start: number; end: number }[];
}

/** STUB (owned by the timex work): every temporal expression in text, offsets into text. */
export function tagTimexes(_text: string, _options: TimexOptions): Timex[] {
  return [];
}

/** Pipeline stage: tag the whole article and attach each timex to its sentence. */
export function annotateTimexes(article: Article): void {
  const all = tagTimexes(article.text, { dct: article.publishedAt, sentences: article.sentences });
  for (const s of article.sentences) s.timexes = all.filter((t) => t.start >= s.start && t.end <= s.end);
}
