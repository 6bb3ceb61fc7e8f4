/**
 * The quotes stage: direct, partial and indirect quotes with their cue and speaker, the speaker resolved
 * to the canonical entity name (see attribute.ts for the patterns and resolve.ts for speakers).
 */
import type { Article, Entity, Quote } from '../../model.js';
import {
  ClauseCueScan,
  directAttributions,
  indirectAttribution,
  tidyQuoteText,
  type RawAttribution,
} from './attribute.js';
import { paragraphs } from './marks.js';
import { SpeakerResolver } from './resolve.js';

/** A quote with the offsets of its speaker phrase and cue (for evaluation and highlighting). */
export interface Attribution extends Quote {
  sourceStart: number | null;
  sourceEnd: number | null;
  cueStart: number | null;
  /** The rule that found it. */
  rule: string;
}

function sentenceIndexAt(article: Article, pos: number): number {
  const ss = article.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ss.length ? ss[ans].index : 0;
}

/** All attributions of one article, in text order. */
export function findAttributions(article: Article, entities: Entity[]): Attribution[] {
  const text = article.text;
  const raws: RawAttribution[] = directAttributions(text);
  // Regions already covered by direct quotes (content plus attribution) are not re-read as indirect quotes.
  // Sorted by start: the first one that overlaps a sentence is the one that starts first.
  const covered = raws
    .map((r) => ({
      start: Math.min(r.start, r.speaker?.start ?? r.start),
      end: Math.max(r.end, r.speaker?.end ?? r.end),
    }))
    .sort((a, b) => a.start - b.start);
  const sentences = article.sentences.length ? article.sentences : paragraphs(text);
  const cues = new ClauseCueScan(text);
  // covered[0 .. lo) end at or before the current sentence's start (sentences come in text order; lo goes
  // back to 0 if one does not)
  let lo = 0;
  let prevStart = -1;
  for (const s of sentences) {
    if (s.start < prevStart) lo = 0;
    prevStart = s.start;
    while (lo < covered.length && covered[lo].end <= s.start) lo++;
    // a sentence that also holds a direct quote is read up to that quote ("X said ... but added, “...”")
    let first = Infinity;
    for (let k = lo; k < covered.length && covered[k].start < s.end; k++)
      if (s.start < covered[k].end) {
        first = covered[k].start;
        break;
      }
    let span: { start: number; end: number } = s;
    if (first !== Infinity) {
      let cut = first;
      while (cut > s.start && /[\s"“”'‘,:—–-]/u.test(text[cut - 1])) cut--;
      span = { start: s.start, end: Math.max(s.start, cut) };
    }
    if (span.end - span.start < 20) continue;
    const r = indirectAttribution(text, span, cues);
    if (r) raws.push(r);
  }
  raws.sort((a, b) => a.start - b.start);
  const resolver = new SpeakerResolver(article, entities);
  // Speakers are resolved in text order so pronoun history and role links only look backwards.
  const order = raws
    .map((r, i) => ({ r, i, pos: r.speaker?.start ?? r.start }))
    .sort((a, b) => a.pos - b.pos);
  const resolved = new Array<ReturnType<SpeakerResolver['resolve']>>(raws.length);
  for (const o of order) resolved[o.i] = resolver.resolve(o.r.speaker);
  // A comma that only hands over to the attribution ("We are ready," she said) is not part of the quote.
  for (const r of raws) {
    if (r.kind === 'indirect') continue;
    r.text = r.text.replace(/[\s,]+$/u, '');
    while (r.end > r.start && /[\s,]/u.test(text[r.end - 1])) r.end--;
  }
  return raws.map((r, i) => ({
    text: tidyQuoteText(r.text),
    kind: r.kind,
    speaker: resolved[i].speaker,
    speakerEntityId: resolved[i].entityId,
    speakerText: r.speaker?.text ?? null,
    cue: r.cue,
    start: r.start,
    end: r.end,
    sentenceIndex: sentenceIndexAt(article, r.start),
    sourceStart: r.speaker?.start ?? null,
    sourceEnd: r.speaker?.end ?? null,
    cueStart: r.cueStart,
    rule: r.rule,
  }));
}

/** Quotes with speakers resolved to canonical entity names (`entities` from resolveEntities). */
export function extractQuotes(article: Article, entities: Entity[]): Quote[] {
  return findAttributions(article, entities);
}

export function annotateQuotes(article: Article, entities: Entity[]): void {
  article.quotes = extractQuotes(article, entities);
}
