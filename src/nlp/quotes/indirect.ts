/**
 * Indirect and partial quotes, one sentence at a time: `according to X, ...`, `..., X said.`,
 * `..., said X.`, `..., X said, ...`, `X said (that) ...`. Direct quotes (quotation marks) are attribute.ts's;
 * the cue and speaker finders are shared with it.
 */
import {
  cueAt,
  EVIDENCE_CUES,
  EVIDENCE_SOURCES,
  MAX_TAIL_WORDS,
  NO_CLAUSE_START,
  QUOTE_TOKEN,
  subjectOfWords,
  TIME_WORDS,
  WEAK_CUES,
  type Cue,
  type RawAttribution,
} from './attribute.js';
import { alternation, CLAUSE_CUES, DETERMINERS } from './lexicon.js';
import { isCap, isWord, speakerAfter, speakerBefore, words, type SpeakerSpan, type W } from './words.js';
import { ForwardSearch } from '../../util/forward-search.js';

/** Any clause cue (or "according") in lower-cased text: where none matches, no word is a cue. */
const CLAUSE_CUE_TEXT = new RegExp(alternation([...CLAUSE_CUES, 'according']));
/** The same, searched from `lastIndex` in a whole lower-cased text. */
const CLAUSE_CUE_FROM = new RegExp(CLAUSE_CUE_TEXT.source, 'g');
const NON_ASCII_RE = /[^\x00-\x7f]/;

/**
 * Finds clause cues in one text for `indirectAttribution`, which asks about its sentences in text order.
 * `lower` is `text.toLowerCase()` when that equals lower-casing any slice of it on its own (plain ASCII
 * text: one character at a time, no length change), else null (each slice is then lower-cased and tested).
 */
export class ClauseCueScan {
  readonly lower: string | null;
  /** Clause cues searched forward in `lower` (plain ASCII texts only). */
  private readonly search: ForwardSearch | null;

  constructor(text: string) {
    this.lower = NON_ASCII_RE.test(text) ? null : text.toLowerCase();
    this.search = this.lower === null ? null : new ForwardSearch(this.lower, CLAUSE_CUE_FROM);
  }

  /**
   * Is there a clause cue in `text.slice(start, end).toLowerCase()`? (`text`: the one given to the
   * constructor.)
   */
  hasCue(text: string, start: number, end: number): boolean {
    if (this.search !== null) {
      // The leftmost match at or after `start` in the whole text: none before `end` means none in the slice
      // (the pattern has no anchors or look-arounds, so a match in the slice is one in the text); one that
      // fits before `end` is one in the slice; one that runs past `end` may hide a shorter alternative.
      // Sentences come in text order, so the text is scanned about once instead of once per sentence up to
      // the next cue (ForwardSearch remembers the last search).
      const at = this.search.next(start);
      if (at < 0 || at >= end) return false;
      if (at + this.search.length <= end) return true;
    }
    return CLAUSE_CUE_TEXT.test(text.slice(start, end).toLowerCase());
  }
}

export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Indirect (or partial, when the content holds a quoted fragment) attribution in one sentence. `cues`: a
 * `ClauseCueScan` of `text`, when the caller reads many sentences of one text in order (optional, for speed).
 */
export function indirectAttribution(
  text: string,
  sent: SentenceSpan,
  cues: ClauseCueScan | null = null,
): RawAttribution | null {
  // Most sentences hold no clause cue at all: a word that lower-cases to a cue is in the lower-cased text (a
  // superset test), checked before any word is scanned.
  const anyCueText = cues
    ? cues.hasCue(text, sent.start, sent.end)
    : CLAUSE_CUE_TEXT.test(text.slice(sent.start, sent.end).toLowerCase());
  if (!anyCueText) return null;
  const ws = words(text, sent.start, sent.end);
  let n = ws.length;
  while (n > 0 && !isWord(ws[n - 1])) n--;
  if (n < 4) return null;
  let anyCue = false;
  for (let q = 0; q < n && !anyCue; q++)
    anyCue = CLAUSE_CUES.has(ws[q].lower) || (ws[q].lower === 'according' && ws[q + 1]?.lower === 'to');
  if (!anyCue) return null;
  const make = (a: number, b: number, cue: Cue, speaker: SpeakerSpan | null, rule: string) =>
    contentAttribution(text, ws, a, b, cue, speaker, rule);
  // The last "that" of the sentence: a cue has one after it when this comes later (one pass, not one per cue).
  let lastThat = -1;
  for (let k = 0; k < n; k++) if (ws[k].lower === 'that') lastThat = k;
  // Sentence-final attributions ("..., port officials said.") win over cue words earlier in the sentence.
  const tailFrom = Math.max(0, n - 1 - MAX_TAIL_WORDS - 4);
  const order: number[] = [];
  for (let q = tailFrom; q < n; q++) order.push(q);
  for (let q = 0; q < tailFrom; q++) order.push(q);
  for (const q of order) {
    const cue = cueAt(text, ws, q, true);
    if (!cue) continue;
    if (isCap(ws[q]) && q > 0) continue;
    // "the report said", "an estimated 1,200": a cue word after a determiner or possessive is a noun/adjective
    if (q > 0 && (DETERMINERS.has(ws[q - 1].lower) || /['’]s$/.test(ws[q - 1].t))) continue;
    // "had been found", "was told": passive, the subject is not the speaker
    if (
      q > 0 &&
      /^(?:been|be|being|is|was|were|are|get|got)$/.test(ws[q - 1].lower) &&
      ws[q].lower !== 'according'
    )
      continue;
    let weak = WEAK_CUES.has(ws[q].lower);
    if (ws[q].lower === 'according') {
      const r = accordingTo(text, ws, n, q, cue);
      if (r) return r;
      continue;
    }
    let sp = speakerBefore(text, ws, q);
    if (sp && EVIDENCE_CUES.has(ws[q].lower) && EVIDENCE_SOURCES.test(sp.text)) weak = false;
    // "Dunmore thanked the crews and said ...", "then says ...": coordinated verbs share the sentence subject
    // (the words from the sentence's first word to the cue are ws[0, q))
    if (!sp && q > 0 && /^(?:and|then|but|also)$/.test(ws[q - 1].lower)) sp = subjectOfWords(text, ws, q);
    const tail = n - 1 - cue.last;
    const tailHasThat = lastThat > cue.last;
    // ..., X said.  /  ..., X said, ...
    if (sp && sp.from > 0 && ws[sp.from - 1].t === ',') {
      const t0 = ws[cue.last + 1];
      const tailIsAdverbial =
        tail === 0 ||
        (t0 !== undefined && (!isWord(t0) || NO_CLAUSE_START.has(t0.lower) || TIME_WORDS.test(t0.t)));
      if (tail <= MAX_TAIL_WORDS && !tailHasThat && tailIsAdverbial) {
        const r = make(0, sp.from - 2, cue, sp, 'clause-speaker-cue');
        if (r) return r;
      }
      if (ws[cue.last + 1]?.t === ',') {
        const r = make(0, n - 1, cue, sp, 'parenthetical');
        if (r) return { ...r, start: ws[0].s, end: ws[n - 1].e };
      }
    }
    // ..., said X.
    if (q > 0 && ws[q - 1].t === ',') {
      const after = speakerAfter(text, ws, cue.last + 1, n);
      if (after && after.to >= n - 1 - MAX_TAIL_WORDS && isCap(ws[after.to])) {
        const r = make(0, q - 2, cue, after, 'clause-cue-speaker');
        if (r) return r;
      }
    }
    // X said (that) ...
    if (sp) {
      for (let k = cue.last + 1; k < Math.min(n, cue.last + 10); k++) {
        if (ws[k].lower === 'that') {
          const r = make(k + 1, n - 1, cue, sp, 'speaker-cue-that');
          if (r) return r;
          break;
        }
        if (QUOTE_TOKEN.test(ws[k].t) || ws[k].t === ';') break;
      }
      // "Dunmore says, rain or shine, ...": a comma may follow the cue
      const c0 = ws[cue.last + 1]?.t === ',' && cue.last + 2 < n ? cue.last + 2 : cue.last + 1;
      const nx = ws[c0];
      if (
        !weak &&
        nx &&
        isWord(nx) &&
        !NO_CLAUSE_START.has(nx.lower) &&
        !/^(?:tell|tells|told|telling|asked|asks|ask)$/.test(ws[q].lower)
      ) {
        const r = make(c0, n - 1, cue, sp, 'speaker-cue-clause');
        if (r && r.end - r.start > 15) return r;
      }
    }
  }
  return null;
}

/**
 * The attribution whose content is words a..b of the sentence (trimmed of punctuation other than quote marks),
 * or null when fewer than three words remain. A content holding a quote mark is a partial quote.
 */
function contentAttribution(
  text: string,
  ws: W[],
  a: number,
  b: number,
  cue: Cue,
  speaker: SpeakerSpan | null,
  rule: string,
): RawAttribution | null {
  while (a <= b && !isWord(ws[a]) && !QUOTE_TOKEN.test(ws[a].t)) a++;
  while (b >= a && !isWord(ws[b]) && !QUOTE_TOKEN.test(ws[b].t)) b--;
  if (b - a + 1 < 3) return null;
  const start = ws[a].s;
  const end = ws[b].e;
  const t = text.slice(start, end);
  return {
    kind: /["“”]/.test(t) ? 'partial' : 'indirect',
    start,
    end,
    text: t,
    cue: cue.text,
    cueStart: cue.start,
    speaker,
    rule,
  };
}

/** `According to X, ...` at the sentence start, or `..., according to X.` at its end (the cue at word q). */
function accordingTo(text: string, ws: W[], n: number, q: number, cue: Cue): RawAttribution | null {
  const sp = speakerAfter(text, ws, cue.last + 1, n);
  if (!sp) return null;
  if (q === 0 || (q === 1 && !isWord(ws[0]))) {
    let c = sp.to + 1;
    while (c < n && ws[c].t !== ',') c++;
    return contentAttribution(text, ws, c + 1, n - 1, cue, sp, 'according-to-first');
  }
  if (ws[q - 1].t === ',' && sp.to >= n - 1 - MAX_TAIL_WORDS)
    return contentAttribution(text, ws, 0, q - 2, cue, sp, 'according-to-last');
  return null;
}
