/**
 * Sentences and tokens. Rule-based and fast: sentence boundaries are found at terminal punctuation
 * (. ! ? …) unless an abbreviation, an initial, a lower-case continuation or a dotted acronym says
 * otherwise; line breaks end a sentence unless they only wrap a line. Tokens are Penn-Treebank-like
 * (punctuation and clitics split off; abbreviations, hyphenated words, numbers, URLs and e-mail
 * addresses kept whole). All offsets are into the text given (Article.text).
 */
import type { Article, Token } from '../model.js';

// Regular expressions used inside functions are compiled once, here.
const WORD_BEFORE_CHAR_RE = /[\p{L}\p{N}.'’-]/u;
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const DOTTED_ACRONYM_RE = /^(?:\p{L}\.)+\p{L}$/u;
const WRAP_PREV_RE = /[\p{Ll},;\-–]/u;

export interface Span {
  start: number;
  end: number;
}

/** Titles before a name: never end a sentence ("Mr. Smith", "Gen. Ortiz"). */
const TITLE_ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen sen rep gov lt col capt cpt sgt cpl pvt adm maj cmdr cdr det insp supt rev hon ' +
    'pres amb atty fr sr sra srta mme mlle messrs mssrs st mt ft brig'
  ).split(' '),
);
/**
 * Abbreviations that may end a sentence: a boundary is kept only when a capitalised word follows that
 * does not look like the rest of a name ("Apple Inc. said" vs "Apple Inc. The company").
 */
const OTHER_ABBREVIATIONS = new Set(
  (
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc corp ltd co bros plc llc jr vs etc al approx est dept univ ave blvd rd ed eds cf ca viz'
  ).split(' '),
);
/** Abbreviations after which a number must follow ("No. 5", "Feb. 9", "Vol. 2"): never split before a digit. */
const BEFORE_NUMBER = new Set(
  'no nos jan feb mar apr jun jul aug sep sept oct nov dec vol vols fig figs pp op art'.split(' '),
);

/** Words that typically start a new sentence (used after dotted acronyms: "in the U.S. The ..."). */
const SENTENCE_STARTERS = new Set(
  (
    'the a an he she it they we i you his her its their our this that these those there but and or so yet ' +
    'however meanwhile in on at for after before when while if as although though officials police ' +
    'some many most several no one two three what who why how where mr mrs ms dr'
  ).split(' '),
);

const CLOSERS = '"\'”’»)]}';
const OPENERS = '"\'“‘«([{`';

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** The word just before position `dot` (a '.'), including internal dots ("U.S"). */
function wordBefore(text: string, dot: number, lineStart: number): string {
  let i = dot;
  while (i > lineStart && WORD_BEFORE_CHAR_RE.test(text[i - 1])) i--;
  return text.slice(i, dot);
}

/** First word after position i (skipping spaces and opening quotes/brackets). */
function nextWordAt(text: string, i: number, end: number): { ch: string; word: string } {
  while (i < end && (text[i] === ' ' || text[i] === '\t' || OPENERS.includes(text[i]))) i++;
  let j = i;
  while (j < end && WORD_CHAR_RE.test(text[j])) j++;
  return { ch: text[i] ?? '', word: text.slice(i, j) };
}

/** Decide whether the terminal punctuation run text[p, q) (followed by whitespace) ends a sentence. */
function isBoundary(text: string, p: number, q: number, lineStart: number, lineEnd: number): boolean {
  const { ch, word } = nextWordAt(text, q, lineEnd);
  if (!ch) return true;
  // "?" / "!" / "." followed by a lower-case word: the sentence goes on ("'Why?' she asked", "etc. and").
  if (isLower(ch)) return false;
  const punct = text.slice(p, q);
  if (punct !== '.') return true; // "!", "?", "...", "?!": a boundary before a capital or a digit.
  const before = wordBefore(text, p, lineStart);
  if (!before) return true;
  const lower = before.toLowerCase().replace(/^['’-]+/, '');
  if (isDigit(ch) && BEFORE_NUMBER.has(lower)) return false;
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  // Initials: "J. R. Smith".
  if (before.length === 1 && isUpper(before)) return !isUpper(ch);
  // Dotted acronyms "U.S.", "a.m.": a boundary only before a typical sentence starter.
  if (DOTTED_ACRONYM_RE.test(before)) return SENTENCE_STARTERS.has(word.toLowerCase());
  if (OTHER_ABBREVIATIONS.has(lower)) {
    if (isDigit(ch)) return false;
    return SENTENCE_STARTERS.has(word.toLowerCase());
  }
  return true;
}

/**
 * Finds runs of terminal punctuation for splitBlock, which asks block by block in text order. A search
 * that ran past its block (the next full stop may be megabytes away, or absent) still answers for the
 * following blocks, so a text of a million short lines without full stops is read once, not once per line.
 */
class TerminalScan {
  private readonly re = /(?:\.{2,}|…|[.!?]+)/g;
  /** The last search: from `from`, the first run starts at `at` (-1: none) and is `length` long. */
  private from = -1;
  private at = -1;
  length = 0;

  constructor(private readonly text: string) {}

  /** Offset of the first run of terminal punctuation starting at or after `i` (-1: none); see `length`. */
  next(i: number): number {
    // a search from `from` <= i whose run starts at or after i found the first run from i as well
    if (!(this.from >= 0 && this.from <= i && (this.at < 0 || this.at >= i))) {
      this.re.lastIndex = i;
      const m = this.re.exec(this.text);
      this.from = i;
      this.at = m ? m.index : -1;
      this.length = m ? m[0].length : 0;
    }
    return this.at;
  }
}

/** Sentence spans of one line (or wrapped paragraph) text[start, end). */
function splitBlock(text: string, start: number, end: number, out: Span[], scan: TerminalScan): void {
  let sentStart = start;
  let from = start;
  let p: number;
  while ((p = scan.next(from)) >= 0 && p < end) {
    let q = p + scan.length;
    from = q;
    if (q > end) break;
    // Terminal punctuation may be followed by more terminal marks and closing quotes/brackets.
    while (q < end && CLOSERS.includes(text[q])) q++;
    if (q < end && !/\s/.test(text[q])) continue; // "3.5", "example.com", "U.S.-led"
    if (q >= end) break;
    if (!isBoundary(text, p, q, start, end)) continue;
    pushTrimmed(text, sentStart, q, out);
    sentStart = q;
    from = q;
  }
  pushTrimmed(text, sentStart, end, out);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

/**
 * Split text into sentence spans (offsets into text). Blank lines always separate; a single line break
 * separates too (headlines, captions, list items) unless it merely wraps a sentence (the line does not
 * end in terminal punctuation and the next line starts in lower case).
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const scan = new TerminalScan(text);
  const n = text.length;
  let blockStart = 0;
  let i = 0;
  while (i <= n) {
    const nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 ? n : nl;
    if (nl < 0) {
      splitBlock(text, blockStart, n, out, scan);
      break;
    }
    // Does the line break wrap a sentence? Look at the last non-space char before and the first after.
    let a = lineEnd;
    while (a > blockStart && (text[a - 1] === ' ' || text[a - 1] === '\t' || text[a - 1] === '\r')) a--;
    let b = nl + 1;
    while (b < n && (text[b] === ' ' || text[b] === '\t')) b++;
    const prev = text[a - 1] ?? '';
    const next = text[b] ?? '';
    const wraps =
      a > blockStart && next !== '\n' && next !== '\r' && WRAP_PREV_RE.test(prev) && isLower(next);
    if (!wraps) {
      splitBlock(text, blockStart, lineEnd, out, scan);
      blockStart = nl + 1;
    }
    i = nl + 1;
  }
  return out;
}

/** Splits each non-empty line into one sentence (for pre-tokenised one-sentence-per-line files). */
export function splitLines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = n;
    pushTrimmed(text, start, nl, out);
    start = nl + 1;
  }
  return out;
}

const ABBREV_WITH_DOT = new Set([...TITLE_ABBREVIATIONS, ...OTHER_ABBREVIATIONS, ...BEFORE_NUMBER]);
/** "No.", "Vol.": an abbreviation only before a number ("said no. Then" ends on the word "no"). */
const BEFORE_NUMBER_ONLY = new Set([...BEFORE_NUMBER].filter((w) => !OTHER_ABBREVIATIONS.has(w)));

/**
 * One pass, ordered alternatives: URLs, e-mails, PTB brackets, numbers (1,000.5 9:57 2/3), dotted
 * acronyms (U.S.), words (with internal hyphens and apostrophes), multi-char punctuation, then any single
 * non-space char.
 */
const TOKEN_RE =
  /(https?:\/\/[^\s<>"'“”]+|www\.[^\s<>"'“”]+)|([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)|(-[LR][RCS]B-)|(\p{N}+(?:[.,:/]\p{N}+)*)|((?:\p{L}\.){2,})|([\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*)|(\.{2,}|-{2,}|``|''|[^\s])/guy;

const CLITIC_RE = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M))$/;

function push(out: Token[], text: string, start: number, end: number): void {
  out.push({ text: text.slice(start, end), start, end });
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
/** Characters after which an ASCII word is certainly complete. */
const SIMPLE_FOLLOW = charTable(' \n\t\r,;!?)]}"');
/** Punctuation that is always a token on its own. */
const SIMPLE_PUNCT = charTable(',;!?()[]{}"');
/**
 * Characters that TOKEN_RE can only match alone: none starts a URL, an e-mail address (not in its local
 * part's class), a PTB bracket, a number, a word or a multi-character punctuation token.
 */
const ALWAYS_SINGLE = charTable(':&#*/@$=|~^\\<>');
/** White space after which '.' or a quote mark cannot be part of a longer token. */
function isBreakSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Tokens of text[start, end), offsets into text. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    // Skip whitespace quickly.
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) {
      i++;
      continue;
    }
    // Fast path for the common case: an ASCII word or number, or simple punctuation, followed by a space
    // or simple punctuation (everything else goes through TOKEN_RE).
    if (isAsciiAlnum(c)) {
      const digitStart = c >= 48 && c <= 57;
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (digitStart ? !(d >= 48 && d <= 57) : !isAsciiAlnum(d)) break;
        j++;
      }
      const f = text.charCodeAt(j);
      const numberGoesOn = digitStart && f === 44 && j + 1 < end && isAsciiAlnum(text.charCodeAt(j + 1)); // "1,000"
      if (j >= end || (SIMPLE_FOLLOW[f] === 1 && !numberGoesOn)) {
        push(out, text, i, j);
        i = j;
        continue;
      }
    } else if (
      SIMPLE_PUNCT[c] === 1 ||
      ALWAYS_SINGLE[c] === 1 ||
      // "." before white space (or the end of the text): not "..", an e-mail or an acronym's dot
      (c === 46 && (i + 1 >= text.length || isBreakSpace(text.charCodeAt(i + 1)))) ||
      // "'" not doubled: TOKEN_RE's `''` alternative needs a second one, nothing else starts with it
      (c === 39 && text.charCodeAt(i + 1) !== 39)
    ) {
      push(out, text, i, i + 1);
      i++;
      continue;
    }
    TOKEN_RE.lastIndex = i;
    const m = TOKEN_RE.exec(text);
    if (!m) {
      i++;
      continue;
    }
    let tokEnd = Math.min(i + m[0].length, end);
    if (m[1]) {
      // URL: trailing sentence punctuation is not part of it.
      while (tokEnd > i && /[.,;:!?)\]]/.test(text[tokEnd - 1])) tokEnd--;
      push(out, text, i, tokEnd);
    } else if (m[6]) {
      const word = text.slice(i, tokEnd);
      const cl = CLITIC_RE.exec(word);
      if (cl && !/^['’]/.test(word)) {
        push(out, text, i, i + cl[1].length);
        push(out, text, i + cl[1].length, tokEnd);
      } else if (
        text[tokEnd] === '.' &&
        tokEnd < end &&
        (ABBREV_WITH_DOT.has(word.toLowerCase()) || (word.length === 1 && isUpper(word))) &&
        (!BEFORE_NUMBER_ONLY.has(word.toLowerCase()) || /^\s*\d/.test(text.slice(tokEnd + 1, tokEnd + 4))) &&
        // Keep the dot on the abbreviation unless it is clearly the sentence's full stop at the very end.
        tokEnd + 1 < end
      ) {
        tokEnd++;
        push(out, text, i, tokEnd);
      } else push(out, text, i, tokEnd);
    } else if (m[5] && tokEnd === end && tokEnd - i > 2) {
      // "... in the U.S." at the end of a sentence: keep the acronym's dots (PTB keeps "U.S." and adds ".").
      push(out, text, i, tokEnd);
    } else push(out, text, i, tokEnd);
    i = tokEnd;
  }
  return out;
}

/**
 * The longest sentence, in tokens, that the later stages see: a longer "sentence" (a run-on line without
 * full stops, a table or a list dumped as text, a hostile input) is cut into consecutive chunks of this
 * many tokens. One global cap, not tuned: well above the longest sentences of the corpora we read (596
 * tokens in Timeline17, 95 in PolNeAR dev), so real sentences are never cut, and small enough that the
 * work a stage does per sentence (NER's features and refiners, quote attribution) stays bounded.
 */
export const MAX_SENTENCE_TOKENS = 1000;

/** Fill article.sentences (with tokens) from article.text; over-long sentences are cut (MAX_SENTENCE_TOKENS). */
export function annotateSentences(article: Article): void {
  const text = article.text;
  const spans = article.linesAreSentences ? splitLines(text) : splitSentences(text);
  const sentences: Article['sentences'] = [];
  const add = (start: number, end: number, tokens: Token[]) =>
    sentences.push({
      index: sentences.length,
      start,
      end,
      text: text.slice(start, end),
      tokens,
      timexes: [],
    });
  for (const s of spans) {
    const tokens = tokenize(text, s.start, s.end);
    if (tokens.length <= MAX_SENTENCE_TOKENS) {
      add(s.start, s.end, tokens);
      continue;
    }
    for (let k = 0; k < tokens.length; k += MAX_SENTENCE_TOKENS) {
      const chunk = tokens.slice(k, k + MAX_SENTENCE_TOKENS);
      add(chunk[0].start, chunk[chunk.length - 1].end, chunk);
    }
  }
  article.sentences = sentences;
}
