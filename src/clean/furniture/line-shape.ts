/**
 * What one line looks like on its own, for the furniture classifier: length, words, sentence ends, title
 * case, digits, symbols, link and menu marks, scripts written without spaces, furniture vocabulary. The
 * page-level features (./features.ts) are built on top of these.
 */
import { isDateLine } from '../../ingest/text.js';

/** The line-only feature names, in vector order: the first entries of LINE_FEATURES. */
export const SHAPE_FEATURES = [
  'logChars',
  'logWords',
  'meanWordLen',
  'endsSentence',
  'endsColon',
  'endsQuestion',
  'innerSentences',
  'commaRate',
  'titleCaseRatio',
  'allCaps',
  'digitRatio',
  'startsDigit',
  'symbolRatio',
  'linkMarks',
  'separatorMarks',
  'noSpaceScript',
] as const;

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
/** Scripts written without spaces between words: a "word" there is a whole phrase. */
const NO_SPACE_SCRIPT_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
const SENTENCE_END_RE = /[.!?…。！？]["'”’»)\]]*$/;
const INNER_SENTENCE_RE = /[.!?。！？]["'”’]?\s+["'“‘]?\p{Lu}/gu;
const LINK_MARK_RE = /https?:|www\.|\.(?:com|org|net|co\.uk)\b|@\w|#\w|©|®|™/gi;
const SEPARATOR_RE = /\s[|•·›»>→\/]\s|^\s*[•·›»>→▶►\-–—*]\s|[|•·]/g;
const SYMBOL_RE = /[^\p{L}\p{N}\s]/gu;
const CAPITALISED_WORD_RE = /(?:^|\s)["'“‘(]?\p{Lu}/gu;
const LETTER_RE = /\p{L}/gu;
const UPPER_RE = /\p{Lu}/gu;
const DIGIT_RE = /\p{N}/gu;
const COMMA_RE = /[,，、]/g;
const ENDS_COLON_RE = /[:：]$/;
const ENDS_QUESTION_RE = /[?？]["'”’]?$/;
const STARTS_DIGIT_RE = /^\p{N}/u;

/**
 * Words that page furniture is made of on English-language sites (navigation, sharing, accounts, legal
 * notices, comments, advertising, media credits): common knowledge of how news pages are built, listed
 * here by us. A line's share of them is one feature among many; it removes nothing by itself.
 */
const FURNITURE_WORDS = new Set(
  (
    'home menu search login log sign subscribe subscription subscribers newsletter newsletters email share ' +
    'shares shared tweet facebook twitter instagram pinterest linkedin whatsapp youtube follow like likes ' +
    'comment comments reply replies says posted advertisement advertising sponsored ad ads cookie cookies ' +
    'privacy policy terms conditions copyright rights reserved contact about careers help faq account ' +
    'register profile settings preferences click here read more related recommended trending popular ' +
    'latest watch video videos photo photos image images gallery getty credit view views loading skip ' +
    'content next previous prev back top print download app apps store shop deals'
  ).split(' '),
);

/** A line with at least this many words and a sentence end is prose (for the main run and vocabulary). */
const PROSE_WORDS = 6;
/** A line with at most this many words is short (menus, headline lists). */
const SHORT_WORDS = 6;

export interface LineStats {
  /** Index of the line in the article's lines. */
  index: number;
  text: string;
  chars: number;
  /** Words; a run of a no-space script counts one word per two characters. */
  words: number;
  /** Lower-cased word tokens. */
  lower: string[];
  endsSentence: boolean;
  prose: boolean;
  short: boolean;
  /** Lower-cased words joined by spaces, for finding repeated lines. */
  norm: string;
  /** `words` when the line is prose, else 0. */
  proseWords: number;
  dateLine: boolean;
  /** Share of the line's words that are furniture words. */
  furniture: number;
  /** The SHAPE_FEATURES values. */
  shape: number[];
}

function countMatches(s: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

const log1p = Math.log1p;

export function lineStats(index: number, raw: string): LineStats {
  const text = raw.trim();
  const tokens = text.match(WORD_RE) ?? [];
  const nTok = tokens.length;
  const chars = text.length;
  const noSpace = countMatches(text, NO_SPACE_SCRIPT_RE);
  const words = nTok + noSpace / 2;
  const endsSentence = SENTENCE_END_RE.test(text);
  const prose = words >= PROSE_WORDS && endsSentence;
  const lower = tokens.map((t) => t.toLowerCase());
  const letters = countMatches(text, LETTER_RE);
  const upper = countMatches(text, UPPER_RE);
  const shape = [
    log1p(chars),
    log1p(words),
    nTok ? Math.min(20, (chars - noSpace) / Math.max(1, nTok)) : 0,
    endsSentence ? 1 : 0,
    ENDS_COLON_RE.test(text) ? 1 : 0,
    ENDS_QUESTION_RE.test(text) ? 1 : 0,
    log1p(countMatches(text, INNER_SENTENCE_RE)),
    countMatches(text, COMMA_RE) / Math.max(1, words),
    nTok ? countMatches(text, CAPITALISED_WORD_RE) / nTok : 0,
    letters >= 4 && upper / letters > 0.8 ? 1 : 0,
    countMatches(text, DIGIT_RE) / Math.max(1, chars),
    STARTS_DIGIT_RE.test(text) ? 1 : 0,
    countMatches(text, SYMBOL_RE) / Math.max(1, chars),
    Math.min(3, countMatches(text, LINK_MARK_RE)),
    Math.min(3, countMatches(text, SEPARATOR_RE)),
    noSpace / Math.max(1, chars),
  ];
  return {
    index,
    text,
    chars,
    words,
    lower,
    endsSentence,
    prose,
    short: words <= SHORT_WORDS,
    norm: lower.join(' '),
    proseWords: prose ? words : 0,
    dateLine: isDateLine(text),
    furniture: nTok ? lower.filter((t) => FURNITURE_WORDS.has(t)).length / nTok : 0,
    shape,
  };
}
