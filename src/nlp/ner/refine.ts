/**
 * Refiners: small named rules applied to the tagger's entity spans afterwards, for phenomena that the
 * Reuters training data hardly shows but user news text often does. Each takes the words of a sentence
 * and its spans and returns the new spans; document refiners (DOCUMENT_REFINERS, run after the sentence
 * ones by refineDocument) see every sentence of the article. Word lists are in roles.ts. CoNLL convention is kept: titles and honorifics are not part
 * of a person's name.
 */
export interface Span {
  start: number;
  end: number;
  type: string;
}

export type Refiner = (words: string[], spans: Span[]) => Span[];

/** A refiner that sees the whole document (the words and spans of every sentence). */
export type DocumentRefiner = (doc: string[][], spans: Span[][]) => Span[][];

import {
  NON_PERSON_WORDS,
  NOT_A_NAME,
  ROLE_ABBREVIATIONS,
  ROLE_NOUNS_AFTER_MODIFIER,
  ROLE_WORDS,
  VESSEL_NOUNS,
  VESSEL_PREFIXES,
} from './roles.js';

/** Honorifics written before a surname (American style, rare in Reuters copy). */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'mx', 'mx.']);

/**
 * HONORIFICS.has(w.toLowerCase()), read code by code (this runs on every token, and lower-casing each one
 * would allocate a string): m or d, then r, s or x (after m) or r (after d), an s after "mr", a full stop.
 */
export function isHonorific(w: string): boolean {
  const n = w.length;
  if (n < 2 || n > 4) return false;
  const a = w.charCodeAt(0) | 32;
  const b = w.charCodeAt(1) | 32;
  let k = 2;
  if (a === 109) {
    if (b === 114) {
      if (k < n && (w.charCodeAt(k) | 32) === 115) k++;
    } else if (b !== 115 && b !== 120) return false;
  } else if (a !== 100 || b !== 114) return false;
  if (k < n && w.charCodeAt(k) === 46) k++;
  return k === n;
}

const nameLike = (w: string) => /^\p{Lu}[\p{L}'.-]*$/u.test(w);

/** Replace every span that overlaps [start, end) with one span of the given type. */
export function replaceSpans(spans: Span[], start: number, end: number, type: string): Span[] {
  const kept = spans.filter((s) => s.end <= start || s.start >= end);
  kept.push({ start, end, type });
  return kept.sort((a, b) => a.start - b.start);
}

/*
 * The refiners below edit a sentence's spans in place. A sentence's spans are sorted by start and never
 * overlap (the tagger decodes them left to right, and each edit keeps that), so the spans overlapping a
 * range are found by binary search and replaced by one splice: one edit costs a search and a move, not
 * the filter and sort of replaceSpans, which made a sentence with thousands of names quadratic.
 */

/** Index of the first span that ends after `pos` (spans sorted by start, not overlapping). */
function firstEndingAfter(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** [lo, hi): the indices of the spans overlapping [start, end). */
function overlapRange(spans: Span[], start: number, end: number): [number, number] {
  const lo = firstEndingAfter(spans, start);
  let hi = lo;
  while (hi < spans.length && spans[hi].start < end) hi++;
  return [lo, hi];
}

/** replaceSpans done in place on sorted, non-overlapping spans (the same result, without sorting). */
export function replaceSpansInPlace(spans: Span[], start: number, end: number, type: string): void {
  const [lo, hi] = overlapRange(spans, start, end);
  spans.splice(lo, hi - lo, { start, end, type });
}

/** Insert a span that overlaps none of `spans` at its place by start. */
function insertSpan(spans: Span[], span: Span): void {
  spans.splice(firstEndingAfter(spans, span.start), 0, span);
}

/** "Mr. Ellingsrud", "Dr Ana Ruiz": the capitalised words after an honorific are a person. */
export const honorificPerson: Refiner = (words, spans) => {
  let out: Span[] | null = null;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!isHonorific(words[i]) || !nameLike(words[i + 1])) continue;
    // "MX Onda" (a team code): an honorific in capitals counts only before a name in capitals (headlines).
    if (words[i] === words[i].toUpperCase() && /\p{Ll}/u.test(words[i + 1])) continue;
    // "Mr. President", "Madam Secretary": a form of address, not a name.
    if (ROLE_WORDS.has(words[i + 1].toLowerCase()) && !nameLike(words[i + 2] ?? '')) continue;
    let end = i + 1;
    while (end < words.length && end < i + 4 && nameLike(words[end])) end++;
    const cur: Span[] = out ?? spans;
    const [lo, hi] = overlapRange(cur, i + 1, end);
    const already = hi === lo + 1 && cur[lo].start === i + 1 && cur[lo].end === end && cur[lo].type === 'PER';
    if (!already) replaceSpansInPlace((out ??= spans.slice()), i + 1, end, 'PER');
    i = end - 1;
  }
  return out ?? spans;
};

export const REFINERS: Array<[string, Refiner]> = [['honorific-person', honorificPerson]];

export function refineSpans(words: string[], spans: Span[]): Span[] {
  let out = spans;
  for (const [, rule] of REFINERS) out = rule(words, out);
  return out;
}

const hasLower = (w: string) => /\p{Ll}/u.test(w);

/** End (exclusive) of the capitalised name starting at `i` (at most `max` words), or `i` if there is none. */
function nameEnd(words: string[], i: number, max: number): number {
  let end = i;
  while (
    end < words.length &&
    end < i + max &&
    nameLike(words[end]) &&
    !NOT_A_NAME.has(words[end].toLowerCase())
  )
    end++;
  return end;
}

/**
 * Per ASCII first character, a bit (1 << length, lengths from 31 up sharing bit 31) for each length of the
 * words of `set` starting with it: a word whose bit is clear is not in the set, so most tokens need no
 * look-up (this runs on every token). Words starting with another character are looked up.
 */
function firstCharLengths(set: Set<string>): Int32Array {
  const out = new Int32Array(128);
  for (const w of set) if (w.charCodeAt(0) < 128) out[w.charCodeAt(0)] |= 1 << Math.min(w.length, 31);
  return out;
}
const VESSEL_NOUN_LENGTHS = firstCharLengths(VESSEL_NOUNS);
const ROLE_LENGTHS = firstCharLengths(ROLE_WORDS);
const ROLE_ABBREVIATION_LENGTHS = firstCharLengths(ROLE_ABBREVIATIONS);
const VESSEL_PREFIX_LENGTHS = firstCharLengths(VESSEL_PREFIXES);
const mayBeIn = (lengths: Int32Array, set: Set<string>, w: string): boolean => {
  const c = w.charCodeAt(0);
  return c < 128 ? (lengths[c] & (1 << Math.min(w.length, 31))) !== 0 && set.has(w) : set.has(w);
};

/** The vessel names a sentence introduces: [start, end) of the name, prefix included. */
export function vesselNamesIn(words: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i];
    let start = -1;
    if (mayBeIn(VESSEL_NOUN_LENGTHS, VESSEL_NOUNS, w) && hasLower(words[i + 1])) start = i + 1;
    else if (mayBeIn(VESSEL_PREFIX_LENGTHS, VESSEL_PREFIXES, w) && hasLower(words[i + 1])) start = i;
    if (start < 0) continue;
    const end = nameEnd(words, i + 1, 4);
    if (end === i + 1) continue;
    out.push([start, end]);
    i = end - 1;
  }
  return out;
}

/** Longest vessel name in words: a prefix and a name of at most four words (see vesselNamesIn). */
const MAX_VESSEL_NAME = 5;

/**
 * "the tanker Aster Dawn", "MV Aster Dawn": a name after a lower-case vessel noun or a ship prefix is
 * MISC, and so is every other occurrence of that name in the document ("The Aster Dawn will be towed"),
 * unless the model put it inside a longer name there (or, for a one-word name, saw no name there).
 * Occurrences are found by looking up the words at each position in a map of the names (one look-up per
 * name length), not by scanning the document once per name.
 */
export const vesselName: DocumentRefiner = (doc, spans) => {
  const names = new Map<string, string[]>();
  const out = spans.map((sentence, s) => {
    let sp: Span[] | null = null;
    for (const [start, end] of vesselNamesIn(doc[s])) {
      replaceSpansInPlace((sp ??= sentence.slice()), start, end, 'MISC');
      const name = doc[s].slice(start, end);
      names.set(name.join(' '), name);
      if (VESSEL_PREFIXES.has(name[0]) && name.length > 1) names.set(name.slice(1).join(' '), name.slice(1));
    }
    return sp ?? sentence;
  });
  if (!names.size) return out;
  // Each name's place in the map's order: occurrences are applied name by name, then left to right.
  const order = new Map<string, number>();
  let longest = 0;
  for (const [key, name] of names) {
    order.set(key, order.size);
    longest = Math.max(longest, name.length);
  }
  return out.map((sentence, s) => {
    const words = doc[s];
    const found: Array<[number, number, number]> = []; // [name order, start, end]
    for (let i = 0; i < words.length; i++) {
      let key = '';
      for (let len = 1; len <= Math.min(longest, MAX_VESSEL_NAME) && i + len <= words.length; len++) {
        key = len === 1 ? words[i] : `${key} ${words[i + len - 1]}`;
        const k = order.get(key);
        if (k !== undefined) found.push([k, i, i + len]);
      }
    }
    if (!found.length) return sentence;
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const sp = sentence.slice();
    for (const [, i, end] of found) {
      if (i > 0 && VESSEL_PREFIXES.has(words[i - 1])) continue;
      const [lo, hi] = overlapRange(sp, i, end);
      if (lo < hi && (sp[lo].start < i || sp[hi - 1].end > end)) continue;
      // A one-word name ("the tug Hope") is retyped where the model saw a name, never added to plain words.
      if (end - i === 1 && lo === hi) continue;
      if (hi === lo + 1 && sp[lo].start === i && sp[lo].end === end && sp[lo].type === 'MISC') continue;
      replaceSpansInPlace(sp, i, end, 'MISC');
    }
    return sp;
  });
};

/** Index after the role word at `i` ("Mayor", "Gen." or "Gen" "."), or -1 if `words[i]` is not a role. */
export function afterRole(words: string[], i: number): number {
  const c = words[i].charCodeAt(0);
  if (c < 128) {
    // Most words of a name are no role: test the lower-case first character and the length first. The
    // role words are ASCII, and lower-casing changes a string's length only through characters whose
    // lower case is not ASCII (U+0130), so a word of another length cannot lower-case to one.
    const lc = c >= 65 && c <= 90 ? c + 32 : c;
    const bit = 1 << Math.min(words[i].length, 31);
    if (!(ROLE_LENGTHS[lc] & bit) && !(words[i + 1] === '.' && ROLE_ABBREVIATION_LENGTHS[lc] & bit))
      return -1;
  }
  const w = words[i].toLowerCase();
  if (ROLE_WORDS.has(w)) return i + 1;
  if (ROLE_ABBREVIATIONS.has(w) && words[i + 1] === '.') return i + 2;
  return -1;
}

/**
 * "Kelvik Mayor Piet Olander", "Maritime Affairs Minister Ingrid Solvang": when the model glued a title
 * to a name, the person is the name after the last role word. The words before the title stay a
 * mention only if the same words are a mention on their own elsewhere in the document (with that type),
 * or, in a span the model called an organisation, as an organisation ("Port Authority Director X").
 * Organisation spans are split only when a modifier precedes the title and the name has two or three
 * words, so names such as "General Motors" stay whole.
 */
export const titleSplit: DocumentRefiner = (doc, spans) => {
  // The first type of each span's words, built when a split first needs it (few documents have one).
  let knownMap: Map<string, string> | null = null;
  const known = (): Map<string, string> => {
    if (knownMap) return knownMap;
    knownMap = new Map<string, string>();
    spans.forEach((sentence, s) => {
      for (const sp of sentence) {
        const text = doc[s].slice(sp.start, sp.end).join(' ');
        if (!knownMap!.has(text)) knownMap!.set(text, sp.type);
      }
    });
    return knownMap;
  };
  return spans.map((sentence, s) => {
    const words = doc[s];
    let out: Span[] | null = null;
    for (const sp of sentence) {
      if (sp.type !== 'PER' && sp.type !== 'ORG') continue;
      let firstRole = -1;
      let nameStart = -1;
      for (let i = sp.start; i < sp.end - 1; i++) {
        const after = afterRole(words, i);
        if (after < 0 || after >= sp.end) continue;
        if (firstRole < 0) firstRole = i;
        nameStart = after;
      }
      if (nameStart < 0) continue;
      const name = words.slice(nameStart, sp.end);
      if (name.length > 3 || !name.every((w) => nameLike(w) && !NON_PERSON_WORDS.has(w.toLowerCase())))
        continue;
      if (sp.type === 'ORG' && (firstRole === sp.start || name.length < 2)) continue;
      replaceSpansInPlace((out ??= sentence.slice()), nameStart, sp.end, 'PER');
      let modifier: Span | null = null;
      for (let end = firstRole; end > sp.start && !modifier; end--) {
        const type = known().get(words.slice(sp.start, end).join(' '));
        if (type) modifier = { start: sp.start, end, type };
      }
      if (!modifier && sp.type === 'ORG' && firstRole > sp.start)
        modifier = { start: sp.start, end: firstRole, type: 'ORG' };
      // The modifier lies inside the span just replaced, before the name: it overlaps nothing left.
      if (modifier) insertSpan(out, modifier);
    }
    return out ?? sentence;
  });
};

/**
 * "Harbour master Agnes Thorne", "Corvane spokesman Daniel Roper": a person span right before a
 * lower-case role noun that is itself followed by a name is the employer or the office, not a person.
 * It is dropped when its words are written in lower case elsewhere in the document (a common noun
 * capitalised at the start of a sentence) and becomes an organisation otherwise.
 */
export const roleModifier: DocumentRefiner = (doc, spans) => {
  let lower: Set<string> | null = null;
  return spans.map((sentence, s) => {
    const words = doc[s];
    // Each span is kept, dropped or retyped in its place (a retyped span keeps its start, so the order holds).
    let out: Array<Span | null> | null = null;
    for (let k = 0; k < sentence.length; k++) {
      const sp = sentence[k];
      if (sp.type !== 'PER' || sp.end + 1 >= words.length) continue;
      const role = words[sp.end];
      if (!ROLE_NOUNS_AFTER_MODIFIER.has(role) || !nameLike(words[sp.end + 1])) continue;
      lower ??= new Set(doc.flat().filter((w) => /^\p{Ll}+$/u.test(w)));
      const common = words.slice(sp.start, sp.end).every((w) => lower!.has(w.toLowerCase()));
      out ??= sentence.slice();
      out[k] = common ? null : { ...sp, type: 'ORG' };
    }
    return out ? out.filter((x): x is Span => x !== null) : sentence;
  });
};

export const DOCUMENT_REFINERS: Array<[string, DocumentRefiner]> = [
  ['vessel-name', vesselName],
  ['title-split', titleSplit],
  ['role-modifier', roleModifier],
];

/** The sentence refiners on every sentence, then the document refiners. */
export function refineDocument(doc: string[][], spans: Span[][]): Span[][] {
  let out = spans.map((sp, s) => refineSpans(doc[s], sp));
  for (const [, rule] of DOCUMENT_REFINERS) out = rule(doc, out);
  return out;
}
