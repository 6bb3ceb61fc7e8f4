/**
 * Attribution rules. Direct quotes: the attribution after the closing mark (`"...," X said` /
 * `"...," said X`), before the opening mark (`X said: "..."`, also at the end of the previous paragraph),
 * split quotes joined (`"A," X said, "B."` → one quote), and continuation paragraphs (a quote with no
 * attribution of its own right after a quote by a known speaker). Indirect and partial quotes, one
 * sentence at a time, are in indirect.ts. Each rule names itself in `rule` for debugging.
 */
import type { QuoteKind } from '../../model.js';
import { AUX_ADVERBS, CLAUSE_CUES, CUE_VERBS, NP_STOP, PRONOUNS } from './lexicon.js';
import { MarkScan, paragraphs, quoteSpans, type QuoteMarkSpan } from './marks.js';
import {
  isCap,
  isWord,
  npBack,
  speakerAfter,
  speakerBefore,
  words,
  type SpeakerSpan,
  type W,
} from './words.js';
import { isSpeakerPhrase } from './speakers.js';

// Regular expressions used inside functions are compiled once, here.
const LOWER_ED_ES_RE = /^\p{Ll}+(?:ed|es)$/u;
const LOWER_ED_S_RE = /^\p{Ll}+(?:ed|s)$/u;
const LOWER_ED_ING_RE = /^\p{Ll}+(?:ed|ing)$/u;
const ALNUM_RUN_RE = /[\p{L}\p{N}]+/gu;
const TITLE_WORD_RE = /[\p{L}][\p{L}’'-]*/gu;
const CAP_START_RE = /^\p{Lu}/u;

export interface RawAttribution {
  kind: QuoteKind;
  /** Content offsets (inside the quotation marks for direct quotes). */
  start: number;
  end: number;
  /** The quoted words (parts of a split quote joined by a space). */
  text: string;
  cue: string | null;
  cueStart: number | null;
  speaker: SpeakerSpan | null;
  rule: string;
}

export const QUOTE_TOKEN = /^(?:["“”„«»‘]|'')$/;
const SENT_END = /^[.!?]$/;
const ABBREV_BEFORE_DOT = /^(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|[A-Z])$/;
/** A sentence-ending . ! ? (not the dot of "Dr." or an initial). */
const isSentEnd = (ws: W[], k: number) =>
  SENT_END.test(ws[k].t) && !(ws[k].t === '.' && k > 0 && ABBREV_BEFORE_DOT.test(ws[k - 1].t));
/** Words that cannot start a reported clause right after "said" ("said on Monday", "said in a statement"). */
export const NO_CLAUSE_START = new Set(
  'in on at to during after before of for with nothing so yes no when while through last earlier late early from by as than repeatedly again'.split(
    ' ',
  ),
);
export const TIME_WORDS =
  /^(?:yesterday|today|tonight|recently|later|earlier|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|afterwards|previously|repeatedly|again)$/i;
/** Tail words allowed after a sentence-final attribution ("..., she said on Tuesday in an interview."). */
export const MAX_TAIL_WORDS = 7;
/**
 * Evidence verbs report a clause only with "that" ("the study shows that ..."); without it they take an object
 * ("a video shows the rescue", "the design shows its strength"), unless the source is data (EVIDENCE_SOURCES).
 */
export const EVIDENCE_CUES = new Set('show shows showed found finds indicate indicates indicated'.split(' '));
/** Cues that report a clause only with "that" ("X agreed that ..."), never bare ("X agreed the deal"). */
export const WEAK_CUES = new Set([
  ...'agree agrees agreed hope hopes hoped fear fears feared worry worries worried estimate estimates estimated learned'.split(
    ' ',
  ),
  ...EVIDENCE_CUES,
]);
/** Sources whose findings are reported without "that" ("a new poll shows the mayor ahead"): our list. */
export const EVIDENCE_SOURCES =
  /(?:^|\s)(?:poll|polls|survey|surveys|study|studies|data|report|reports|analysis|research|figures|records|statistics|numbers|results|census|audit|review|investigation|documents|filings)$/i;
/** A quote paragraph right after a paragraph by the same speaker continues that attribution (one content). */
const MERGE_CONTINUATIONS = true;
/** Words of a quote without attribution for it to be kept as an unattributed direct quote. */
const MIN_UNATTRIBUTED_WORDS = 4;

export interface Cue {
  /** Index of the last word of the cue phrase. */
  last: number;
  text: string;
  start: number;
}

/** The cue phrase starting at word q ("said", "according to", "wrote on Twitter", "said in a statement"). */
export function cueAt(text: string, ws: W[], q: number, clauseOnly = false): Cue | null {
  const w = ws[q];
  if (!w || !isWord(w)) return null;
  if (w.lower === 'according' && ws[q + 1]?.lower === 'to')
    return { last: q + 1, text: text.slice(w.s, ws[q + 1].e), start: w.s };
  if (!(clauseOnly ? CLAUSE_CUES : CUE_VERBS).has(w.lower)) return null;
  // "the secretary of state said": a noun after "of"/"the", not the verb "state"
  if (
    /^(?:state|states|report|reports)$/.test(w.lower) &&
    /^(?:of|the|a|this|that|its|his|her)$/.test(ws[q - 1]?.lower ?? '')
  )
    return null;
  let last = q;
  const nxt = (k: number) => ws[q + k]?.lower;
  if (nxt(1) === 'on' && (nxt(2) === 'twitter' || nxt(2) === 'facebook' || nxt(2) === 'x')) last = q + 2;
  else if (nxt(1) === 'in' && nxt(2) === 'a' && nxt(3) === 'statement') last = q + 3;
  return { last, text: text.slice(w.s, ws[last].e), start: w.s };
}

/** Prepositions that open a fronted adverbial ("On Tuesday, Varga said"). */
const FRONTED = new Set(
  'on in at during after before when while as at with for from speaking asked'.split(' '),
);

/** Words that open a fronted time or linking adverbial ("Hours later, ...", "Back in 1999, ..."). */
const ADVERBIAL_START = new Set(
  'hours days weeks months years minutes moments back later earlier ever since yesterday today last this next meanwhile however moreover still then now instead separately indeed also afterwards once ultimately finally shortly soon just'.split(
    ' ',
  ),
);

/** The subject of the sentence starting at `from`: its first name or pronoun phrase (after a fronted adverbial). */
export function sentenceSubject(text: string, from: number, to: number): SpeakerSpan | null {
  const ws = words(text, from, to);
  return subjectOfWords(text, ws, ws.length);
}

/**
 * sentenceSubject over words already read: `ws` are the words from the sentence start, of which the first
 * `n` count (callers that hold the sentence's words pass them instead of reading the text again, which
 * made one call per cue word quadratic on long sentences).
 */
export function subjectOfWords(text: string, ws: W[], n: number): SpeakerSpan | null {
  let i = 0;
  while (i < n && !isWord(ws[i])) i++;
  // one or two fronted adverbials ("On Tuesday, ...", "Hours later, ...", "Back in 1999, ...")
  for (let round = 0; round < 2 && i < n; round++) {
    if (!FRONTED.has(ws[i].lower) && !ADVERBIAL_START.has(ws[i].lower)) break;
    let c = i;
    while (c < Math.min(n, i + 12) && ws[c].t !== ',') c++;
    if (c < n && ws[c].t === ',') i = c + 1;
    else break;
  }
  if (i >= n || !(isCap(ws[i]) || PRONOUNS[ws[i].lower] !== undefined || /^(?:the|a|an)$/i.test(ws[i].t)))
    return null;
  const sp = speakerAfter(text, ws, i, n);
  if (!sp || !isSpeakerPhrase(sp.text)) return null;
  if (/^(?:the|a|an)$/i.test(ws[i].t) && sp.to === i) return null;
  return sp;
}

interface Found {
  speaker: SpeakerSpan;
  cue: Cue;
  /** Offset where the attribution clause ends. */
  end: number;
}

/** Words after a cue that name who was told or where ("told a briefing", "said at a news conference"). */
const AUDIENCE =
  /^(?:reporters|journalists|lawmakers|parliament|supporters|delegates|viewers|listeners|readers|the|a|an|at|in|on|during|to|from|via|through|before|after|late|early|last|this|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * After a quote that ends with a full stop, the attribution must end its sentence soon: at most 4 more
 * words, or up to MAX_TAIL_WORDS when they only say who was told, where or when ("Akers told a briefing in
 * Halden on Tuesday."). A longer tail is a new sentence (`"... today." The star then recalled an incident`).
 */
function shortTail(ws: W[], from: number, to: number): boolean {
  if (to - from <= 4) return true;
  if (to - from > MAX_TAIL_WORDS) return false;
  const tail = ws.slice(from, to);
  return (
    AUDIENCE.test(tail[0].t) &&
    !tail.some((w) => CUE_VERBS.has(w.lower) || /^\p{Ll}+ed$/u.test(w.t) || w.t === ',')
  );
}

/** `"...," X said` / `"...," said X` right after a closing mark. */
function attributionAfter(text: string, q: QuoteMarkSpan): Found | null {
  const endsWithStop = /\.\s*$/.test(text.slice(q.start, q.end));
  const ws = words(text, q.close, Math.min(q.paraEnd, q.close + 220));
  let limit = ws.length;
  for (let i = 0; i < ws.length; i++) {
    if (QUOTE_TOKEN.test(ws[i].t)) {
      limit = i;
      break;
    }
  }
  let b = 0;
  while (b < limit && /^[,—–-]$/.test(ws[b].t)) b++;
  for (let k = b; k < Math.min(limit, b + 10); k++) {
    if (isSentEnd(ws, k)) {
      limit = k;
      break;
    }
  }
  for (let k = b; k < Math.min(limit, b + 10); k++) {
    const cue = cueAt(text, ws, k);
    if (!cue || (isCap(ws[k]) && k > b)) continue;
    let speaker: SpeakerSpan | null = null;
    if (k === b) speaker = speakerAfter(text, ws, cue.last + 1, limit);
    else {
      const sp = speakerBefore(text, ws, k, b);
      if (sp && sp.from <= b + 1) speaker = sp;
      // "Varga campaign adviser Lena Brosk conceded": the whole phrase from the quote on is the speaker
      else if (sp && sp.from - b <= 5 && ws.slice(b, sp.from).every(isWord))
        speaker = { ...sp, start: ws[b].s, text: text.slice(ws[b].s, sp.end), from: b };
    }
    // `“... today.” The star then recalled ...` starts a new sentence: only a short closing
    // attribution (`“... today.” he said.`) belongs to a quote that ends with a full stop
    if (
      speaker &&
      endsWithStop &&
      !(limit < ws.length && isSentEnd(ws, limit) && shortTail(ws, Math.max(cue.last, speaker.to) + 1, limit))
    )
      speaker = null;
    if (speaker) return { speaker, cue, end: Math.max(ws[cue.last].e, speaker.end) };
    if (k > b) break;
  }
  // an unlisted verb of saying right after the quote: `"...!" beamed Jo Hart` / `"...," she shrugged.`
  const v = ws[b];
  if (v && b < limit && LOWER_ED_ES_RE.test(v.t) && isCap(ws[b + 1])) {
    const sp = speakerAfter(text, ws, b + 1, limit);
    if (sp) return { speaker: sp, cue: { last: b, text: v.t, start: v.s }, end: sp.end };
  }
  for (let k = b + 1; k < Math.min(limit, b + 6); k++) {
    if (!LOWER_ED_S_RE.test(ws[k].t) || NP_STOP.has(ws[k].lower)) continue;
    const sp = speakerBefore(text, ws, k, b);
    if (endsWithStop && !(limit < ws.length && isSentEnd(ws, limit) && shortTail(ws, k + 1, limit))) break;
    if (
      sp &&
      sp.from === b &&
      (isCap(ws[b]) || PRONOUNS[ws[b].lower] !== undefined || /^(?:the|a|an)$/i.test(ws[b].t))
    )
      return { speaker: sp, cue: { last: k, text: ws[k].t, start: ws[k].s }, end: ws[k].e };
    break;
  }
  // `“...,” Ilse Marten, the mayor's chief of staff, said`: a name, an appositive, then the cue
  const name =
    b < limit && (isCap(ws[b]) || /^(?:the|a|an)$/i.test(ws[b].t)) ? speakerAfter(text, ws, b, limit) : null;
  if (name && ws[name.to + 1]?.t === ',') {
    const far = Math.min(limit, name.to + 26);
    for (let k = name.to + 2; k < far; k++) {
      if (ws[k].t !== ',') continue;
      let c = k + 1;
      // (a cue may itself be listed as an auxiliary: "has told", so stop at the first cue)
      while (c < far && AUX_ADVERBS.has(ws[c].lower) && !cueAt(text, ws, c)) c++;
      const cue = cueAt(text, ws, c);
      if (cue) return { speaker: name, cue, end: ws[cue.last].e };
    }
  }
  return null;
}

/** `X said: "..."`, `X told reporters, "..."`, `said X: "..."`, also across a paragraph ending in ":". */
function attributionBefore(
  text: string,
  q: QuoteMarkSpan,
  prevParaEnd: number | null,
  prevParaStart: number | null,
): Found | null {
  let from = Math.max(q.paraStart, q.open - 250);
  let to = q.open;
  if (
    q.open === q.paraStart &&
    prevParaEnd !== null &&
    prevParaStart !== null &&
    text[prevParaEnd - 1] === ':'
  ) {
    from = Math.max(prevParaStart, prevParaEnd - 250);
    to = prevParaEnd;
  }
  const ws = words(text, from, to);
  if (!ws.length) return null;
  let n = ws.length;
  if (ws[n - 1].t === ',' || ws[n - 1].t === ':') n--;
  let sentFrom = 0;
  for (let k = n - 1; k >= 0; k--)
    if (QUOTE_TOKEN.test(ws[k].t) || isSentEnd(ws, k)) {
      sentFrom = k + 1;
      break;
    }
  const subject = () => (sentFrom < n ? sentenceSubject(text, ws[sentFrom].s, ws[n - 1].e) : null);
  for (let k = n - 1; k >= Math.max(sentFrom, n - 9); k--) {
    const cue = cueAt(text, ws, k);
    if (!cue || (isCap(ws[k]) && k > sentFrom)) continue;
    // "telling reporters, ..." / "told his supporters, ...": the words after these cues are the audience
    const objectCue = /^(?:tell|tells|told|telling|ask|asks|asked|asking)$/.test(ws[k].lower);
    const participle = /ing$/.test(ws[k].lower) && ws[k].lower !== 'according';
    const sp =
      (participle ? subject() : null) ??
      (k > sentFrom ? speakerBefore(text, ws, k, sentFrom) : null) ??
      (!objectCue && cue.last + 1 < n ? speakerAfter(text, ws, cue.last + 1, n) : null) ??
      subject();
    if (sp) return { speaker: sp, cue, end: q.open };
    return null;
  }
  // `..., he quipped, "..."` / `shouting, "..."`: an unlisted verb right before the mark; the subject speaks
  const last = ws[n - 1];
  if (n < ws.length && n > sentFrom && LOWER_ED_ING_RE.test(last.t)) {
    const sp = speakerBefore(text, ws, n - 1, sentFrom) ?? subject();
    if (sp) return { speaker: sp, cue: { last: n - 1, text: last.t, start: last.s }, end: q.open };
  }
  if (ws[ws.length - 1].t === ':') {
    const colon = ws[ws.length - 1];
    // `Okafor: ‘We Will Rebuild The Pier’`, `... - PollDesk: “...”`: a name right before the colon
    const np = npBack(ws, ws.length - 2, 6);
    if (np && np[0] >= sentFrom && isCap(ws[np[0]]) && (np[0] === sentFrom || !isWord(ws[np[0] - 1]))) {
      const sp = {
        start: ws[np[0]].s,
        end: ws[np[1]].e,
        text: text.slice(ws[np[0]].s, ws[np[1]].e),
        from: np[0],
        to: np[1],
      };
      return { speaker: sp, cue: { last: ws.length - 1, text: ':', start: colon.s }, end: q.open };
    }
    // `President Okafor released the following statement:` — the subject of that sentence speaks
    const sp = subject();
    if (sp) return { speaker: sp, cue: { last: ws.length - 1, text: ':', start: colon.s }, end: q.open };
  }
  return null;
}

const wordCount = (s: string) => (s.match(ALNUM_RUN_RE) ?? []).length;

/** True when most words of the quote are capitalised: a title or a name ("Good Morning America"), not speech. */
function isTitleCase(body: string): boolean {
  const ws = body.match(TITLE_WORD_RE) ?? [];
  const content = ws.filter((w) => !/^(?:of|the|a|an|and|or|in|on|at|to|for|with|by|from|is|as)$/i.test(w));
  if (!content.length) return false;
  const caps = content.filter((w) => CAP_START_RE.test(w)).length;
  return caps === content.length && content.length <= 8;
}

/** Abbreviations whose full stop ends no sentence (checked on the five characters before the space). */
const ABBREVIATION_DOT_RE = /(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|St|Lt|Col|[A-Z]))\.$/;

/**
 * The crude sentence starts (after . ! ? and a space, not after an abbreviation) of the paragraph being
 * read, found once and looked up by binary search: a quote's sentence start was found by reading back
 * to the paragraph start, once per quote, which was quadratic on a long paragraph of quotes without
 * full stops. Quotes are asked about in text order, so the paragraph is read once, up to its last quote.
 */
class SentenceStarts {
  private paraStart = -1;
  /** The paragraph is read up to here. */
  private readTo = -1;
  /** Offsets `i` (ascending) where text[i - 1] ends a sentence and text[i] is white space. */
  private breaks: number[] = [];

  constructor(private readonly text: string) {}

  /** Where the sentence holding offset `pos` starts, within the paragraph starting at `paraStart`. */
  before(paraStart: number, pos: number): number {
    if (paraStart !== this.paraStart || pos < this.paraStart) {
      this.paraStart = paraStart;
      this.readTo = paraStart + 1;
      this.breaks = [];
    }
    const text = this.text;
    for (let i = this.readTo; i < pos; i++) {
      const c = text.charCodeAt(i - 1);
      if (
        (c === 46 || c === 33 || c === 63) && // . ! ?
        /\s/.test(text[i]) &&
        !ABBREVIATION_DOT_RE.test(text.slice(Math.max(paraStart, i - 5), i))
      )
        this.breaks.push(i);
    }
    this.readTo = Math.max(this.readTo, pos);
    // the last break i with paraStart < i <= pos - 1
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid] <= pos - 1) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.breaks[lo - 1] + 1 : paraStart;
  }
}

/**
 * The words of a sentence read so far, for fragmentAttribution, which asks for the words from one
 * sentence start up to each quote of that sentence in turn: a request that extends the last one (same
 * start, later end) reads only the new words, so a sentence of many quotes is read once.
 */
class SentenceWords {
  private from = -1;
  private to = -1;
  private ws: W[] = [];

  constructor(private readonly text: string) {}

  /** words(text, from, to); the array is shared and only valid until the next call. */
  get(from: number, to: number): W[] {
    if (from !== this.from || to < this.to) {
      this.from = from;
      this.to = to;
      this.ws = words(this.text, from, to);
      return this.ws;
    }
    const ws = this.ws;
    const more = words(this.text, ws.length ? ws[ws.length - 1].e : from, to);
    for (const w of more) ws.push(w);
    this.to = to;
    return ws;
  }
}

/** Cues that introduce quoted fragments ("called the plan “a disgrace”"), on top of the speech verbs. */
const FRAGMENT_CUES = new Set(
  'chanted chanting shouting shouted reading read reads writing saying adding labeling labelling thanked admitted mouthing echoing titled entitled called calls calling call described describes describing dubbed dubs labeled labelled branded brands slammed slams blasted blasts denounced denounces praised praises hailed hails derided derides mocked mocks decried decries dismissed dismisses characterized characterised termed terms vowing promising pledging pledged'.split(
    ' ',
  ),
);

/** A quoted fragment inside a sentence whose cue and speaker come earlier in that sentence. */
function fragmentAttribution(
  text: string,
  q: QuoteMarkSpan,
  starts: SentenceStarts,
  sentenceWords: SentenceWords,
): Found | null {
  const from = starts.before(q.paraStart, q.open);
  const ws = sentenceWords.get(from, q.open);
  for (let k = ws.length - 1; k >= 0; k--) {
    if (QUOTE_TOKEN.test(ws[k].t)) return null;
    const w = ws[k];
    const cue =
      cueAt(text, ws, k) ?? (FRAGMENT_CUES.has(w.lower) ? { last: k, text: w.t, start: w.s } : null);
    if (!cue || (isCap(w) && k > 0)) continue;
    // the words from the sentence start up to w are ws[0, k) (sentenceSubject(text, from, w.s))
    const sp = speakerBefore(text, ws, k) ?? subjectOfWords(text, ws, k);
    if (sp) return { speaker: sp, cue, end: q.open };
  }
  return null;
}

/**
 * Joins the parts of a quote split by its attribution ("A," X said. "B.") for display: a part that ended
 * with the comma before the attribution and is followed by a new sentence ends with a full stop instead.
 */
export function joinQuoteParts(first: string, next: string): string {
  const a = first.trimEnd();
  const b = next.trim();
  return /,$/.test(a) && /^[A-Z]/.test(b) ? `${a.slice(0, -1)}. ${b}` : `${a} ${b}`;
}

/** The quote as shown to readers: without the comma that led into the attribution ("...," she said). */
export function tidyQuoteText(quote: string): string {
  return quote.trim().replace(/\s*,$/, '');
}

/**
 * Whether a quote opens its paragraph or sentence: nothing but white space before it in its sentence, or a
 * colon (read backwards: a regular expression over the whole sentence before each quote was quadratic on
 * long sentences).
 */
function startsItsSentence(text: string, q: QuoteMarkSpan, starts: SentenceStarts): boolean {
  const sentStart = starts.before(q.paraStart, q.open);
  let b = q.open;
  while (b > sentStart && /\s/.test(text[b - 1])) b--;
  return q.open === q.paraStart || b === sentStart || text[b - 1] === ':';
}

/** Direct quotes of the whole text (attributed after or before, split quotes joined, continuations), and
 * partial quotes (quoted fragments attributed in their sentence). */
export function directAttributions(text: string): RawAttribution[] {
  const out: RawAttribution[] = [];
  const paras = paragraphs(text);
  const marks = new MarkScan(text);
  const starts = new SentenceStarts(text);
  const sentenceWords = new SentenceWords(text);
  let lastAttributed: { att: RawAttribution; para: number } | null = null;
  paras.forEach((para, pi) => {
    const qs = quoteSpans(text, para, marks);
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      const body = text.slice(q.start, q.end);
      const n = wordCount(body);
      const strongEnd = /[,?!]\s*$/.test(body);
      let found = q.closed && (n >= 3 || strongEnd) ? attributionAfter(text, q) : null;
      let rule = 'after';
      if (!found) {
        found = attributionBefore(
          text,
          q,
          pi > 0 ? paras[pi - 1].end : null,
          pi > 0 ? paras[pi - 1].start : null,
        );
        rule = 'before';
      }
      if (found && n < 3 && !strongEnd && rule === 'before') found = null;
      let end = q.end;
      let qtext = body;
      // split quote: following quotes right after the attribution (or glued to this one) join it
      let after = found && rule === 'after' ? found.end : q.close;
      let joinAfterAttribution = found !== null && rule === 'after';
      while (i + 1 < qs.length && (found || n >= 3)) {
        const nx = qs[i + 1];
        const gap = text.slice(after, nx.open);
        const gw = words(text, after, nx.open);
        // right after the attribution a few words may follow ("he said in an interview. “...”"); otherwise
        // only punctuation may separate the parts
        const ok =
          !/[“"]|''/.test(gap) &&
          gw.filter(isWord).length <= (joinAfterAttribution ? 6 : 0) &&
          !gw.some((w) => CUE_VERBS.has(w.lower));
        joinAfterAttribution = false;
        if (!ok) break;
        // the next quote must not carry its own (different) attribution
        if (nx.closed) {
          const own = attributionAfter(text, nx);
          if (own && found && own.speaker.text.toLowerCase() !== found.speaker.text.toLowerCase()) break;
          if (own && !found) break;
        }
        end = nx.end;
        qtext = joinQuoteParts(qtext, text.slice(nx.start, nx.end));
        after = nx.close;
        i++;
      }
      const standalone = startsItsSentence(text, q, starts);
      if (found) {
        const att: RawAttribution = {
          kind: 'direct',
          start: q.start,
          end,
          text: qtext.trim(),
          cue: found.cue.text,
          cueStart: found.cue.start,
          speaker: found.speaker,
          rule,
        };
        out.push(att);
        lastAttributed = { att, para: pi };
        continue;
      }
      if (!standalone) {
        const frag = fragmentAttribution(text, q, starts, sentenceWords);
        if (frag)
          out.push({
            kind: 'partial',
            start: q.start,
            end,
            text: qtext.trim(),
            cue: frag.cue.text,
            cueStart: frag.cue.start,
            speaker: frag.speaker,
            rule: 'fragment',
          });
        continue;
      }
      if (lastAttributed && pi - lastAttributed.para <= 1 && n >= 2) {
        if (MERGE_CONTINUATIONS && out[out.length - 1] === lastAttributed.att) {
          // the speaker goes on in the next paragraph: one attribution, its content spanning both
          const prev = lastAttributed.att;
          prev.end = end;
          prev.text = joinQuoteParts(prev.text, qtext);
          lastAttributed = { att: prev, para: pi };
          continue;
        }
        const att: RawAttribution = {
          ...lastAttributed.att,
          start: q.start,
          end,
          text: qtext.trim(),
          rule: 'continuation',
        };
        out.push(att);
        lastAttributed = { att, para: pi };
      } else if (n >= MIN_UNATTRIBUTED_WORDS && !isTitleCase(qtext)) {
        out.push({
          kind: 'direct',
          start: q.start,
          end,
          text: qtext.trim(),
          cue: null,
          cueStart: null,
          speaker: null,
          rule: 'unattributed',
        });
      }
    }
  });
  return out;
}
