/**
 * Cheap pre-filters, in two layers.
 *
 * The feature gate (F, scanFeatures): one scan of the text records which kinds of trigger words it contains
 * (digits, month names, weekdays, unit words...). A parser's matches are kept only when every feature group
 * it needs is there. The gate decides outputs, not only speed: SCAN's leftmost alternation used to read
 * "decades" as the month prefix "dec", so an article whose only unit word was "decade(s)" had no UNIT
 * feature and got no duration; the month prefix now excludes "decade". It only needs to run as far as the
 * groups in question.
 *
 * The trigger index (scanTriggers): one pass over the text splits it into tokens (maximal runs of the regex
 * word characters [A-Za-z0-9_], so token edges are exactly where `\b` holds) and records, for each parser,
 * which tokens can be its trigger: a word every match of that parser contains as a whole token ("quarter",
 * a month name, a four-digit year...). A parser's regex is then tried only at the few token starts just
 * before each of its triggers, instead of at every position of the article (see `collect` in index.ts).
 */
export const F = {
  DIGIT: 1,
  MONTH: 2,
  WEEKDAY: 4,
  UNIT: 8,
  REF: 16,
  DEICTIC: 32,
  SEASON: 64,
  FREQ: 128,
  HOLIDAY: 256,
  SPELLED: 512,
} as const;

const SCAN =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec(?!ade))|\b(?:mon|tues|wednes|thurs|fri|satur|sun)(day)|\b(hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annually|yearly|semiannually|biannually)|(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|period|morning|afternoon|evening)|\b(now|current|recent|past|future|soon|present|moment|formerly|previously|these days|term\b|later date|while\b|time\b)|\b(today|yesterday|tomorrow|tonight|overnight|noon|midday|midnight|mid)|\b(spring|summer|fall|autumn|winter)|\b(christmas|new year|independence|fourth of july|halloween|valentine|thanksgiving|election day|labor day|memorial day|easter|good friday)|\b(nineteen|eighteen|two thousand|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)/gi;

/** The feature bit of each capture group of SCAN, in order (frequency words come before unit words so
 * that "weekly" is not read as "week"). */
const GROUP_BITS = [F.MONTH, F.WEEKDAY, F.FREQ, F.UNIT, F.REF, F.DEICTIC, F.SEASON, F.HOLIDAY, F.SPELLED];
const ALL_WORD_BITS = 1023 & ~F.DIGIT;

/**
 * Bitmask of the feature groups present in text. Digits are looked for on their own: every word
 * alternative of SCAN starts with a letter and never spans a digit, so a digit neither starts nor hides a
 * word match, and the word scan need not stop at each digit. With `enough`, the scan stops as soon as the
 * groups found so far satisfy it (the bits found are then a subset of the full mask).
 */
export function scanFeatures(text: string, enough?: (mask: number) => boolean): number {
  let mask = /\d/.test(text) ? F.DIGIT : 0;
  if (enough?.(mask)) return mask;
  let words = 0;
  SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCAN.exec(text))) {
    for (let g = 1; g <= 9; g++) {
      if (m[g] !== undefined) {
        words |= GROUP_BITS[g - 1];
        break;
      }
    }
    if (words === ALL_WORD_BITS || enough?.(mask | words)) break;
  }
  mask |= words;
  return mask;
}

/** Regex word characters ([A-Za-z0-9_]): `\b` holds exactly between one of them and anything else. */
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * The tokens before which SCAN's phrases with a space continue ("these days", "later date", "new year",
 * "fourth of july", "election/labor/memorial day", "good friday", "two thousand").
 */
const SCAN_PHRASE_HEADS = new Set([
  'these',
  'later',
  'new',
  'fourth',
  'of',
  'election',
  'labor',
  'memorial',
  'good',
  'two',
]);

/**
 * True when no SCAN match can contain both text[i] and text[i + 1]: SCAN's alternatives are letters and,
 * inside the phrases above, single spaces; so a non-word character other than such a space is never inside
 * a match. Cutting the text just after it changes neither `\b` at the cut (a non-word character before it
 * either way) nor any match.
 */
function scanCut(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isWordChar(c)) return false;
  if (c !== 32) return true;
  let j = i;
  while (j > 0 && isWordChar(text.charCodeAt(j - 1))) j--;
  return j === i || !SCAN_PHRASE_HEADS.has(text.slice(j, i).toLowerCase());
}

/**
 * Feature groups SCAN finds in a stretch of text around [start, end), cut at scanCut points: the global
 * scan reaches a cut point in the same state whatever came before (no match spans it), so every match it
 * finds in the stretch is a match of scanFeatures(text) too, and the result is a subset of that mask.
 */
export function featuresAround(text: string, start: number, end: number): number {
  let from = start;
  while (from > 0 && !scanCut(text, from - 1)) from--;
  let to = end;
  while (to < text.length && !scanCut(text, to - 1)) to++;
  return scanFeatures(text.slice(from, to));
}

/** Token shapes that are tested by their characters rather than looked up as words. */
export type TokenShape =
  /** Starts with the first three letters of a month name ("Jan", "Sept", "Mayor" too: a superset). */
  | 'month'
  /** Ends in a year 1600-2099 ("1987", "FY2010"). */
  | 'year'
  /** Starts with a digit ("3", "10", "3pm"). */
  | 'number'
  /** A decade in digits: "1990", "1990s", "80", "80s" (the digits of "the 1990s", "'80s", "1990's"). */
  | 'decade';

/**
 * What a parser's matches always contain, and how far before it they can start.
 *
 * Contract (it is what makes skipping safe): every match of the parser contains a whole token that is one
 * of `words` (compared lower-cased: the patterns are ASCII and `i` only folds ASCII letters) or has one of
 * `shapes`, and at most `before` tokens of the match (counting a token the match starts inside) lie before
 * that trigger token. Whitespace and punctuation between tokens do not count, so the bound holds whatever
 * the spacing.
 */
export interface Trigger {
  words?: readonly string[];
  shapes?: readonly TokenShape[];
  before: number;
  /** The match can also start at an apostrophe just before a token ("'80s"), not only at a token start. */
  apostrophe?: boolean;
}

/** Tokens of a text and, per trigger (by its index in the table), the indexes of its trigger tokens. */
export interface TriggerScan {
  /** Start offset of each token (a buffer reused by the next scan: read it before scanning again). */
  starts: Int32Array;
  /** Number of tokens. */
  count: number;
  /** Per trigger: indexes into `starts` of the tokens that can be that trigger, ascending; null when none. */
  hits: (number[] | null)[];
}

export interface TriggerTable {
  readonly size: number;
  /** Open-addressing table of lower-cased word hashes (wordHash): slot → entry + 1, 0 = empty. */
  readonly slots: Int32Array;
  /** Hash of each entry, its word and the triggers that have it. */
  readonly hashes: Int32Array;
  readonly entries: { word: string; ids: number[] }[];
  readonly shapes: Record<TokenShape, number[]>;
  /** Longest word of any trigger: longer tokens are not looked up. */
  readonly maxWord: number;
}

/** Hash step over lower-cased char codes (the scan computes the same hash without making strings). */
const hashStep = (h: number, lowerCode: number) => (Math.imul(h, 31) + lowerCode) | 0;
function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}
/** Slot of a hash in a table of `mask + 1` slots (a power of two). */
const slotOf = (h: number, mask: number) => (Math.imul(h, 0x9e3779b1) >>> 16) & mask;

/** Builds the lookup table for a list of triggers (undefined entries get no hits). */
export function buildTriggerTable(triggers: (Trigger | undefined)[]): TriggerTable {
  const entries: { word: string; ids: number[] }[] = [];
  const shapes: Record<TokenShape, number[]> = { month: [], year: [], number: [], decade: [] };
  let maxWord = 0;
  triggers.forEach((t, id) => {
    if (!t) return;
    for (const w of t.words ?? []) {
      const word = w.toLowerCase();
      let entry = entries.find((e) => e.word === word);
      if (!entry) entries.push((entry = { word, ids: [] }));
      if (!entry.ids.includes(id)) entry.ids.push(id);
      maxWord = Math.max(maxWord, word.length);
    }
    for (const s of t.shapes ?? []) shapes[s].push(id);
  });
  let size = 64;
  while (size < entries.length * 8) size *= 2;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(entries.length);
  entries.forEach((e, k) => {
    hashes[k] = wordHash(e.word);
    let slot = slotOf(hashes[k], size - 1);
    while (slots[slot]) slot = (slot + 1) & (size - 1);
    slots[slot] = k + 1;
  });
  return { size: triggers.length, slots, hashes, entries, shapes, maxWord };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** ASCII lower case of a char code (the patterns' `i` flag folds only ASCII letters onto ASCII letters). */
const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** Lower-case letters a..z → 0..25, anything else → -1. */
const letterIndex = (c: number) => {
  const l = lowerCode(c) - 97;
  return l >= 0 && l < 26 ? l : -1;
};
/** The first three letters of each month, by letter indexes (26 × 26 × 26 flags). */
const MONTH_PREFIXES = new Uint8Array(26 * 26 * 26);
for (const m of ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])
  MONTH_PREFIXES[
    (letterIndex(m.charCodeAt(0)) * 26 + letterIndex(m.charCodeAt(1))) * 26 + letterIndex(m.charCodeAt(2))
  ] = 1;

function shapeMonth(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const a = letterIndex(text.charCodeAt(start));
  const b = letterIndex(text.charCodeAt(start + 1));
  const c = letterIndex(text.charCodeAt(start + 2));
  return a >= 0 && b >= 0 && c >= 0 && MONTH_PREFIXES[(a * 26 + b) * 26 + c] === 1;
}
/** 16xx..20xx at the end of the token. */
function shapeYear(text: string, start: number, end: number): boolean {
  if (end - start < 4) return false;
  const a = text.charCodeAt(end - 4);
  const b = text.charCodeAt(end - 3);
  if (!isDigit(text.charCodeAt(end - 2)) || !isDigit(text.charCodeAt(end - 1))) return false;
  return (a === 49 && b >= 54 && b <= 57) || (a === 50 && b === 48);
}
/** (?:(?:1[5-9]|20)\d|\d)0s? over the whole token, case-insensitively. */
function shapeDecade(text: string, start: number, end: number): boolean {
  let e = end;
  if (lowerCode(text.charCodeAt(e - 1)) === 115) e--; // s
  const n = e - start;
  if (n !== 2 && n !== 4) return false;
  for (let i = start; i < e; i++) if (!isDigit(text.charCodeAt(i))) return false;
  if (text.charCodeAt(e - 1) !== 48) return false;
  if (n === 2) return true;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  return (a === 49 && b >= 53 && b <= 57) || (a === 50 && b === 48);
}

function sameWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++)
    if (lowerCode(text.charCodeAt(start + i)) !== word.charCodeAt(i)) return false;
  return true;
}

function add(hits: (number[] | null)[], ids: number[], token: number): void {
  for (const id of ids) {
    const h = hits[id];
    // A token can reach one trigger twice (a word and a shape): keep each token once.
    if (!h) hits[id] = [token];
    else if (h[h.length - 1] !== token) h.push(token);
  }
}

/** Token starts, reused from scan to scan (grown as needed). */
let startsBuffer = new Int32Array(4096);

/** Per ASCII char code: its lower case when it is a regex word character, else 0. */
const WORD_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isWordChar(c)) WORD_LOWER[c] = lowerCode(c);

/** One pass over text: its tokens and each trigger's hits. Makes no strings. */
export function scanTriggers(text: string, table: TriggerTable): TriggerScan {
  let starts = startsBuffer;
  let count = 0;
  const hits: (number[] | null)[] = new Array<number[] | null>(table.size).fill(null);
  const { slots, hashes, entries, shapes, maxWord } = table;
  const mask = slots.length - 1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    let l = c0 < 128 ? WORD_LOWER[c0] : 0;
    if (l === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    while (l !== 0) {
      h = hashStep(h, l);
      if (++i === n) break;
      const c = text.charCodeAt(i);
      l = c < 128 ? WORD_LOWER[c] : 0;
    }
    const token = count++;
    if (token === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = startsBuffer = grown;
    }
    starts[token] = start;
    if (i - start <= maxWord) {
      // Equal hashes are confirmed char by char, so a collision never makes a hit.
      for (let slot = slotOf(h, mask); slots[slot] !== 0; slot = (slot + 1) & mask) {
        const k = slots[slot] - 1;
        if (hashes[k] === h && sameWord(text, start, i, entries[k].word)) add(hits, entries[k].ids, token);
      }
    }
    if (isDigit(c0)) {
      if (shapes.number.length) add(hits, shapes.number, token);
      if (shapes.decade.length && shapeDecade(text, start, i)) add(hits, shapes.decade, token);
    } else if (shapes.month.length && shapeMonth(text, start, i)) add(hits, shapes.month, token);
    if (shapes.year.length && isDigit(text.charCodeAt(i - 1)) && shapeYear(text, start, i))
      add(hits, shapes.year, token);
  }
  return { starts, count, hits };
}
