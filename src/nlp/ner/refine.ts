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

/** "Mr. Ellingsrud", "Dr Ana Ruiz": the capitalised words after an honorific are a person. */
export const honorificPerson: Refiner = (words, spans) => {
  let out = spans;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!isHonorific(words[i]) || !nameLike(words[i + 1])) continue;
    // "MX Onda" (a team code): an honorific in capitals counts only before a name in capitals (headlines).
    if (words[i] === words[i].toUpperCase() && /\p{Ll}/u.test(words[i + 1])) continue;
    // "Mr. President", "Madam Secretary": a form of address, not a name.
    if (ROLE_WORDS.has(words[i + 1].toLowerCase()) && !nameLike(words[i + 2] ?? '')) continue;
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

/** Every [start, end) where `name` occurs in `words` (case-sensitive, whole words). */
function occurrences(words: string[], name: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + name.length <= words.length; i++) {
    let k = 0;
    while (k < name.length && words[i + k] === name[k]) k++;
    if (k === name.length) out.push(i);
  }
  return out;
}

/**
 * "the tanker Aster Dawn", "MV Aster Dawn": a name after a lower-case vessel noun or a ship prefix is
 * MISC, and so is every other occurrence of that name in the document ("The Aster Dawn will be towed"),
 * unless the model put it inside a longer name there (or, for a one-word name, saw no name there).
 */
export const vesselName: DocumentRefiner = (doc, spans) => {
  const names = new Map<string, string[]>();
  const out = spans.map((sentence, s) => {
    let sp = sentence;
    for (const [start, end] of vesselNamesIn(doc[s])) {
      sp = replaceSpans(sp, start, end, 'MISC');
      const name = doc[s].slice(start, end);
      names.set(name.join(' '), name);
      if (VESSEL_PREFIXES.has(name[0]) && name.length > 1) names.set(name.slice(1).join(' '), name.slice(1));
    }
    return sp;
  });
  if (!names.size) return out;
  return out.map((sentence, s) => {
    let sp = sentence;
    for (const name of names.values())
      for (const i of occurrences(doc[s], name)) {
        const end = i + name.length;
        if (i > 0 && VESSEL_PREFIXES.has(doc[s][i - 1])) continue;
        const over = sp.filter((x) => x.start < end && x.end > i);
        if (over.some((x) => x.start < i || x.end > end)) continue;
        // A one-word name ("the tug Hope") is retyped where the model saw a name, never added to plain words.
        if (name.length === 1 && !over.length) continue;
        if (over.length === 1 && over[0].start === i && over[0].end === end && over[0].type === 'MISC')
          continue;
        sp = replaceSpans(sp, i, end, 'MISC');
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
    let out = sentence;
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
      out = replaceSpans(out, nameStart, sp.end, 'PER');
      let modifier: Span | null = null;
      for (let end = firstRole; end > sp.start && !modifier; end--) {
        const type = known().get(words.slice(sp.start, end).join(' '));
        if (type) modifier = { start: sp.start, end, type };
      }
      if (!modifier && sp.type === 'ORG' && firstRole > sp.start)
        modifier = { start: sp.start, end: firstRole, type: 'ORG' };
      if (modifier) out = [...out, modifier].sort((a, b) => a.start - b.start);
    }
    return out;
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
    let out = sentence;
    for (const sp of sentence) {
      if (sp.type !== 'PER' || sp.end + 1 >= words.length) continue;
      const role = words[sp.end];
      if (!ROLE_NOUNS_AFTER_MODIFIER.has(role) || !nameLike(words[sp.end + 1])) continue;
      lower ??= new Set(doc.flat().filter((w) => /^\p{Ll}+$/u.test(w)));
      const common = words.slice(sp.start, sp.end).every((w) => lower!.has(w.toLowerCase()));
      out = out.filter((x) => x !== sp);
      if (!common) out = [...out, { ...sp, type: 'ORG' }].sort((a, b) => a.start - b.start);
    }
    return out;
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
