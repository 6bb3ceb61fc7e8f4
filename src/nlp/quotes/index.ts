/**
 * The quotes stage: direct, partial and indirect quotes with their cue and speaker, the speaker resolved
 * to the canonical entity name (see attribute.ts and indirect.ts for the patterns and resolve.ts for speakers).
 */
import type { Article, Entity, Quote } from '../../model.js';
import { directAttributions, sentenceSubject, tidyQuoteText, type RawAttribution } from './attribute.js';
import { ClauseCueScan, indirectAttribution } from './indirect.js';
import { isSpeakerPhrase, splitRole, trimSpeaker } from './speakers.js';
import { npBack, words } from './words.js';
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
  checkSpeakers(text, raws, sentences);
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
    speakerRole: r.speaker ? (r.speaker.role ?? splitRole(r.speaker.text)?.role ?? null) : null,
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

/** Communication verbs that make the subject of a sentence the speaker of the quote that follows it. */
const SPEAKING =
  /^(?:said|says|told|tells|added|adds|wrote|writes|tweeted|posted|spoke|speaks|addressed|addresses|responded|responds|replied|replies|answered|asked|argued|argues|continued|explained|insisted|urged|vowed|warned|declared|pledged|defended|remarked|recalled|stated|announced|appealed|pressed|repeated|concluded)$/i;

/**
 * Speakers checked and completed after the rules ran: a phrase that is no speaker (speakers.ts: a fragment,
 * a bare demonym, an adverb) is dropped; a direct quote left without a speaker that opens its sentence takes
 * the subject of the previous sentence when that sentence reports someone speaking ("Solvang addressed the
 * crowd. “We will rebuild.”").
 */
function checkSpeakers(
  text: string,
  raws: RawAttribution[],
  sentences: { start: number; end: number }[],
): void {
  for (const r of raws) {
    // "a report that said ...", "the ministry, which noted ...": the relative pronoun stands for the phrase before it
    if (r.speaker && /^(?:that|which|who)$/i.test(r.speaker.text)) {
      const ante = antecedent(text, r.speaker.start);
      if (ante) r.speaker = { ...r.speaker, start: ante.start, text: ante.text };
    }
    if (r.speaker) r.speaker = trimSpeaker(r.speaker);
    if (r.speaker && !isSpeakerPhrase(r.speaker.text)) {
      if (process.env.QDROP) console.error('DROP', JSON.stringify(r.speaker.text));
      r.speaker = null;
      r.rule += '-dropped';
    }
  }
  for (const r of raws) {
    if (r.speaker || r.kind !== 'direct') continue;
    const si = sentenceAt(sentences, r.start);
    if (si <= 0) continue;
    const own = sentences[si];
    if (!/^[\s"“”'‘’«»]*$/u.test(text.slice(own.start, Math.max(own.start, r.start - 1)))) continue;
    const prev = sentences[si - 1];
    const prevText = text.slice(prev.start, prev.end);
    // the previous sentence reports speech (and holds no quote of its own, which would have its speaker)
    if (/["“”«»‘]|''/.test(prevText) || !prevText.split(/[^\p{L}]+/u).some((w) => SPEAKING.test(w))) continue;
    const sp = sentenceSubject(text, prev.start, prev.end);
    if (!sp) continue;
    r.speaker = sp;
    r.rule = 'previous-subject';
  }
}

/** The noun phrase right before a relative pronoun at `pos` (a comma between them allowed), or null. */
function antecedent(text: string, pos: number): { start: number; text: string } | null {
  const ws = words(text, Math.max(0, pos - 120), pos);
  let j = ws.length - 1;
  if (j >= 0 && ws[j].t === ',') j--;
  if (j < 0) return null;
  const np = npBack(ws, j);
  if (!np) return null;
  const start = ws[np[0]].s;
  const phrase = text.slice(start, ws[np[1]].e);
  return isSpeakerPhrase(phrase) ? { start, text: phrase } : null;
}

/** Index of the sentence holding offset `pos` (sentences in text order), or -1. */
function sentenceAt(sentences: { start: number; end: number }[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Quotes with speakers resolved to canonical entity names (`entities` from resolveEntities). */
export function extractQuotes(article: Article, entities: Entity[]): Quote[] {
  return findAttributions(article, entities);
}

export function annotateQuotes(article: Article, entities: Entity[]): void {
  article.quotes = extractQuotes(article, entities);
}
