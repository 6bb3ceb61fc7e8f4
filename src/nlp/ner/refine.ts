/**
 * Refiners: small named rules applied to the tagger's entity spans afterwards, for phenomena that the
 * Reuters training data hardly shows but user news text often does. Each takes the words of a sentence
 * and its spans and returns the new spans. CoNLL convention is kept: titles and honorifics are not part
 * of a person's name.
 */
export interface Span {
  start: number;
  end: number;
  type: string;
}

export type Refiner = (words: string[], spans: Span[]) => Span[];

/** Honorifics written before a surname (American style, rare in Reuters copy). */
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'mx', 'mx.']);

const nameLike = (w: string) => /^\p{Lu}[\p{L}'.-]*$/u.test(w);

/** Replace every span that overlaps [start, end) with one span of the given type. */
export function replaceSpans(spans: Span[], start: number, end: number, type: string): Span[] {
  const kept = spans.filter((s) => s.end <= start || s.start >= end);
  kept.push({ start, end, type });
  return kept.sort((a, b) => a.start - b.start);
}

/** "Mr. Ellingsrud", "Dr Ana Ruiz": the capitalised words after an honorific are a person. */
export const honorificPerson: Refiner = (words, spans) => {
  let out = spans;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!HONORIFICS.has(words[i].toLowerCase()) || !nameLike(words[i + 1])) continue;
    let end = i + 1;
    while (end < words.length && end < i + 4 && nameLike(words[end])) end++;
    const already = out.some((s) => s.start === i + 1 && s.end === end && s.type === 'PER');
    if (!already) out = replaceSpans(out, i + 1, end, 'PER');
    i = end - 1;
  }
  return out;
};

export const REFINERS: Array<[string, Refiner]> = [['honorific-person', honorificPerson]];

export function refineSpans(words: string[], spans: Span[]): Span[] {
  let out = spans;
  for (const [, rule] of REFINERS) out = rule(words, out);
  return out;
}
