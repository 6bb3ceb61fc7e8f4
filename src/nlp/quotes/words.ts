/** Light word scanning and speaker-phrase rules used by quote attribution (offsets into the article text). */
import { AUX_ADVERBS, CUE_VERBS, DETERMINERS, NP_STOP, ORG_VOICE, PRONOUNS, ROLE_NOUNS } from './lexicon.js';
import { speakerShape } from './speakers.js';

// Regular expressions used inside functions are compiled once, here.
const WORD_START_RE = /^[\p{L}\p{N}]/u;
const CAP_START_RE = /^\p{Lu}/u;
const DIGIT_START_RE = /^\p{N}/u;
const LOWER_ED_S_RE = /^\p{Ll}+(?:ed|s)$/u;

export interface W {
  t: string;
  lower: string;
  s: number;
  e: number;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*|''|\S/gu;

export function words(text: string, from: number, to: number): W[] {
  const out: W[] = [];
  WORD_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) && m.index < to) {
    if (m.index + m[0].length > to) break;
    out.push({ t: m[0], lower: m[0].toLowerCase(), s: m.index, e: m.index + m[0].length });
  }
  return out;
}

export const isWord = (w: W | undefined): boolean => !!w && WORD_START_RE.test(w.t);
export const isCap = (w: W | undefined): boolean => !!w && CAP_START_RE.test(w.t);
const ABBREV = /^(?:mr|mrs|ms|dr|gov|sen|rep|gen|sgt|lt|col|capt|jr|sr|st|prof|rev|u\.s|[A-Z])$/i;
/** Sentence-initial adverbs that are capitalised but never part of a speaker phrase. */
const LEAD_ADVERBS = new Set(
  'yesterday today tonight later then meanwhile however but and also earlier instead still now afterwards separately indeed so'.split(
    ' ',
  ),
);

export interface SpeakerSpan {
  start: number;
  end: number;
  text: string;
  /** Word indices [first, last] in the scanned list. */
  from: number;
  to: number;
  /** Appositive role description ("a ministry spokeswoman") when the speaker was introduced with one. */
  role?: string;
}

function spanOf(text: string, ws: W[], a: number, b: number, role?: string): SpeakerSpan {
  const start = ws[a].s;
  const end = ws[b].e;
  return { start, end, text: text.slice(start, end), from: a, to: b, role };
}

/** A noun phrase ending at word j, scanning backwards (at most `max` words). Returns [first, j] or null. */
export function npBack(ws: W[], j: number, max = 8): [number, number] | null {
  let end = j;
  // a trailing "." belongs to an abbreviation/initial ("Gov. Halvorsen" never ends with it, but "Jr." may)
  while (end >= 0 && ws[end].t === '.' && end > 0 && ABBREV.test(ws[end - 1].t)) end--;
  if (end < 0 || !isWord(ws[end])) return null;
  if ((NP_STOP.has(ws[end].lower) && ws[end].lower !== 'it') || CUE_VERBS.has(ws[end].lower)) return null;
  if (ws[end].lower === 'it') return [end, end]; // "It said ..." (an organisation)
  let k = end;
  let first = end;
  let n = 0;
  let allCaps = true;
  while (k >= 0 && n < max) {
    const w = ws[k];
    if (w.t === '.' && k > 0 && ABBREV.test(ws[k - 1].t)) {
      k--;
      continue;
    }
    if (w.t === '-' || w.t === '&') {
      k--;
      continue;
    }
    if (!isWord(w)) break;
    if (DETERMINERS.has(w.lower)) {
      first = k;
      // "the head of the ministry": keep going through "of"
      if (k >= 2 && ws[k - 1].lower === 'of' && isWord(ws[k - 2])) {
        k -= 2;
        n += 2;
        first = k + 1;
        continue;
      }
      break;
    }
    if (w.lower === 'and' && isCap(ws[k - 1]) && isCap(ws[k + 1])) {
      k--;
      continue;
    }
    if (NP_STOP.has(w.lower) || (k !== end && CUE_VERBS.has(w.lower) && !isCap(w))) break;
    if (k !== end && PRONOUNS[w.lower] !== undefined) break;
    // a name ends its phrase on the left at the first lowercase word ("At the meeting Quill")
    if (!isCap(w) && allCaps && k !== end) {
      // ...unless the lowercase word is a role before the name ("the rail operator Nordbane", "ministry
      // spokesman Aron Vell"): the phrase then runs back to its determiner (or the clause edge).
      const role = roleBefore(ws, k);
      if (role !== null) first = role;
      break;
    }
    allCaps &&= isCap(w);
    first = k;
    k--;
    n++;
  }
  while (first < end && LEAD_ADVERBS.has(ws[first].lower)) first++;
  if (first === end && DETERMINERS.has(ws[end].lower)) return null; // "an estimated ...": no phrase
  if (ws[first].t === '-' || ws[first].t === '&' || ws[first].t === '.') first++;
  return first <= end ? [first, end] : null;
}

/**
 * A role description that ends at word k right before a name ("the rail operator", "ministry spokesman"):
 * the index where it starts (its determiner, else its first word after a clause edge), or null when word k
 * is not a role or voice noun or the words before it do not make a short description.
 */
function roleBefore(ws: W[], k: number): number | null {
  if (!ROLE_NOUNS.has(ws[k].lower) && !ORG_VOICE.has(ws[k].lower)) return null;
  for (let i = k - 1; i >= Math.max(0, k - 4); i--) {
    const w = ws[i];
    if (!isWord(w)) return i + 1;
    if (DETERMINERS.has(w.lower)) return i;
    if (NP_STOP.has(w.lower) || CUE_VERBS.has(w.lower) || PRONOUNS[w.lower] !== undefined) return null;
  }
  return k - 4 >= 0 && isWord(ws[k - 4]) ? null : Math.max(0, k - 3);
}

/**
 * The speaker before a cue at word index q: "Smith said", "the ministry's spokeswoman has said",
 * "Jane Roe, a ministry spokeswoman, said" (→ Jane Roe, role "a ministry spokeswoman").
 */
export function speakerBefore(text: string, ws: W[], q: number, minIndex = 0): SpeakerSpan | null {
  let j = q - 1;
  while (j >= minIndex && AUX_ADVERBS.has(ws[j].lower) && !PRONOUNS[ws[j].lower]) j--;
  if (j < minIndex) return null;
  if (ws[j].t === ',') {
    // appositive or relative clause between commas: "Roe, a spokeswoman for the port, said", also
    // several of them: "Jo Hart, 27, a nurse from Kelvik, said"
    let commas = 0;
    for (let k = j - 1; k >= Math.max(minIndex, j - 26); k--) {
      if (ws[k].t !== ',') continue;
      const seg = ws.slice(k + 1, j);
      if (!seg.length) break;
      if (commas++ > 0) {
        const np = npBack(ws, k - 1);
        if (
          np &&
          np[0] >= minIndex &&
          isCap(ws[np[0]]) &&
          isCap(ws[np[1]]) &&
          (np[0] === minIndex || !isWord(ws[np[0] - 1]))
        )
          return spanOf(text, ws, np[0], np[1], text.slice(seg[0].s, seg[seg.length - 1].e));
        if (commas > 3) break;
        continue;
      }
      // "the mayor's press officer, Ruth Calloway, said": the name between the commas speaks
      if (seg.length <= 5 && seg.every((w) => isCap(w) || w.t === '.')) return spanOf(text, ws, k + 1, j - 1);
      const lead = seg[0].lower;
      const np0 = npBack(ws, k - 1);
      const nameBefore = !!np0 && np0[0] >= minIndex && isCap(ws[np0[1]]);
      if (
        DETERMINERS.has(lead) ||
        lead === 'who' ||
        lead === 'which' ||
        DIGIT_START_RE.test(lead) ||
        lead === 'herself' ||
        lead === 'himself' ||
        (nameBefore && seg.length <= 14)
      ) {
        const np = np0;
        if (np && np[0] >= minIndex && isCap(ws[np[1]])) {
          const role = DETERMINERS.has(lead) ? text.slice(seg[0].s, seg[seg.length - 1].e) : undefined;
          return spanOf(text, ws, np[0], np[1], role);
        }
      }
    }
    return null;
  }
  const np = npBack(ws, j);
  if (!np || np[0] < minIndex) return null;
  // "... that he said", "though she told": the pronoun right before the cue is the speaker
  if (np[1] > np[0] && PRONOUNS[ws[np[1]].lower] !== undefined) return spanOf(text, ws, np[1], np[1]);
  const span = spanOf(text, ws, np[0], np[1]);
  if (speakerShape(span.text) !== null) return span;
  // The phrase before the cue cannot speak (a time, a fragment). "Divers who inspected it on Thursday
  // found that ...": the subject is the phrase before a "who" that opens the clause ending there; "Hale on
  // Monday said ...": the phrase before the time.
  const who = subjectBeforeWho(text, ws, np[0] - 1, minIndex);
  if (who) return who;
  const p = np[0] - 1;
  if (p > minIndex && TIME_PREPOSITIONS.has(ws[p].lower)) {
    const before = npBack(ws, p - 1);
    if (before && before[0] >= minIndex) {
      const sp = spanOf(text, ws, before[0], before[1]);
      if (speakerShape(sp.text) === 'name') return sp;
    }
  }
  return span;
}

/** Prepositions that open a time phrase between a subject and its verb ("Hale on Monday said"). */
const TIME_PREPOSITIONS = new Set(['on', 'last', 'this', 'late', 'early']);

/** The phrase right before a "who" found going back from word j (no punctuation in between), or null. */
function subjectBeforeWho(text: string, ws: W[], j: number, minIndex: number): SpeakerSpan | null {
  for (let r = j; r > Math.max(minIndex, j - 12); r--) {
    if (!isWord(ws[r])) return null;
    if (ws[r].lower !== 'who') continue;
    const subject = npBack(ws, r - 1);
    return subject && subject[0] >= minIndex && subject[1] === r - 1
      ? spanOf(text, ws, subject[0], subject[1])
      : null;
  }
  return null;
}

/** The speaker after a cue, starting at word index i: "said Jane Roe, a spokeswoman" → Jane Roe. */
export function speakerAfter(text: string, ws: W[], i: number, maxIndex = ws.length): SpeakerSpan | null {
  let k = i;
  const first = i;
  let last = -1;
  let n = 0;
  while (k < maxIndex && n < 10) {
    const w = ws[k];
    // Words from maxIndex on are not read (callers may pass a longer list than the phrase's own).
    const next = k + 1 < maxIndex ? ws[k + 1] : undefined;
    if (w.t === '.' && k > first && ABBREV.test(ws[k - 1].t) && isCap(next)) {
      k++;
      continue;
    }
    if ((w.t === '-' || w.t === '&') && last >= 0) {
      k++;
      continue;
    }
    if (!isWord(w)) break;
    if (k === first && DETERMINERS.has(w.lower)) {
      last = k++;
      n++;
      continue;
    }
    if (w.lower === 'of' && last >= 0 && isWord(next) && !NP_STOP.has(next!.lower)) {
      k++;
      continue;
    }
    if (NP_STOP.has(w.lower) || (CUE_VERBS.has(w.lower) && !isCap(w))) break;
    if (k !== first && PRONOUNS[w.lower] !== undefined) break;
    // "Minister Solvang visited ...": a lowercase -ed/-s word after a name is its verb
    if (last >= 0 && isCap(ws[last]) && !isCap(w) && LOWER_ED_S_RE.test(w.t)) break;
    last = k++;
    n++;
  }
  if (last < first) return null;
  return spanOf(text, ws, first, last);
}
