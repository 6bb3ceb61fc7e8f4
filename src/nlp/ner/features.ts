/**
 * Features of the entity tagger: one list of feature strings per token. They look only at the words of
 * the document (no part-of-speech tags: user text has none), so the same code serves training on CoNLL
 * and tagging articles.
 *
 * Families: the word and its lowercase, word shape, prefixes and suffixes, capitalisation flags, a ±2
 * window of words and shapes, word bigrams, all-caps-sentence variants (headlines), document-level
 * spelling evidence (how the same word is written elsewhere in the document), gazetteer hits (name lists
 * built from training data only), word-cluster bit-string prefixes of the word and its neighbours
 * (clusters.ts: learned from unlabelled text, so they carry over to words the labelled data lacks), and,
 * in the second pass, the labels the first pass gave the same word elsewhere in the document.
 */
import type { WordClusters } from './clusters.js';
import type { Gazetteer } from './gazetteer.js';
import { digitsAsZero, normaliseToken } from './normalise.js';

export { digitsAsZero, normaliseToken };

/** Word shape: letters to X/x, digits to d, runs longer than `maxRun` cut (so "Brussels" -> "Xxxx" at 3... ). */
export function shapeOf(w: string, maxRun: number): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    let s: string;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c.toLowerCase() !== c) s = 'X';
    else if (c.toUpperCase() !== c) s = 'x';
    else s = c;
    if (s === last) {
      run++;
      if (run > maxRun) continue;
    } else {
      last = s;
      run = 1;
    }
    out += s;
  }
  return out;
}

/**
 * A Title Case headline candidate ("Ferry Operator Cancels Winter Crossings"): every word of four or more
 * letters capitalised (at least three of them), not all capitals, no final full stop.
 */
export function isTitleCaseHeadline(words: string[]): boolean {
  if (!words.length || words[words.length - 1] === '.') return false;
  let long = 0;
  let mixed = 0;
  for (const w of words) {
    if (!isLongWord(w)) continue;
    long++;
    // A long word in lower case rules the line out: stop there (most sentences have one early).
    if (w[0] === w[0].toLowerCase()) return false;
    if (w !== w.toUpperCase()) mixed++;
  }
  return long >= 3 && mixed > 0;
}

/**
 * Four or more characters, all letters, apostrophes or hyphens (/^[\p{L}'-]+$/u). ASCII is read code by
 * code (this runs on every token); a word with another character goes to the regular expression.
 */
function isLongWord(w: string): boolean {
  if (w.length < 4) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return /^[\p{L}'-]+$/u.test(w);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45)) return false;
  }
  return true;
}

/** The sentence with normaliseToken applied: the same array when no token changes (the usual case). */
function normaliseSentence(ws: string[]): string[] {
  for (let i = 0; i < ws.length; i++) if (normaliseToken(ws[i]) !== ws[i]) return ws.map(normaliseToken);
  return ws;
}

/**
 * Token spellings as the model expects them: PTB forms undone, and Title Case headlines in capitals.
 * CoNLL has headlines in capitals, not in Title Case; capitals carry no signal in either. A candidate line
 * counts as a headline only when at least half (and at least two) of its long words are written in lower
 * case elsewhere in the document, so lists of names (sports results, bylines) keep their capitals.
 */
export function prepareDocument(doc: string[][]): string[][] {
  // Sentences are shared with `doc` where nothing changes: neither is written to afterwards.
  const words = doc.map(normaliseSentence);
  const candidates = words.map(isTitleCaseHeadline);
  if (!candidates.includes(true)) return words;
  const evidence = documentEvidence(words.filter((_, i) => !candidates[i]));
  return words.map((ws, i) => {
    if (!candidates[i]) return ws;
    let long = 0;
    let common = 0;
    for (const w of ws) {
      if (!isLongWord(w)) continue;
      long++;
      if ((evidence.spelling.get(w.toLowerCase()) ?? 0) & 2) common++;
    }
    return common >= 2 && common * 2 >= long ? ws.map((w) => w.toUpperCase()) : ws;
  });
}

/** Whether the word has a letter (a character with case); ASCII words are read code by code. */
export function hasLetter(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return w.toLowerCase() !== w.toUpperCase();
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}
/** w.toLowerCase(), without making a new string when an ASCII word has no capital. */
export function lowerCase(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return w.toLowerCase();
  }
  return w;
}
export const isUpperInitial = (w: string) => w[0] !== w[0].toLowerCase();
const isAllCaps = (w: string) => hasLetter(w) && w === w.toUpperCase();

/** A headline-style sentence: (almost) every word with letters is in capitals. */
export function isCapsSentence(words: string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (!hasLetter(w)) continue;
    letters++;
    if (isAllCaps(w)) caps++;
  }
  return letters >= 2 && caps / letters >= 0.8;
}

/** What the document says about how a word is written, from its non-initial, non-headline occurrences. */
export interface DocumentEvidence {
  /** lowercase word -> bit 1: seen capitalised mid-sentence; bit 2: seen lowercase; bit 4: seen mid-sentence at all. */
  spelling: Map<string, number>;
}

export function documentEvidence(doc: string[][]): DocumentEvidence {
  const spelling = new Map<string, number>();
  for (const words of doc) {
    if (isCapsSentence(words)) continue;
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (!hasLetter(w)) continue;
      const l = lowerCase(w);
      let bits = spelling.get(l) ?? 0;
      bits |= 4;
      if (isUpperInitial(w)) bits |= 1;
      else bits |= 2;
      spelling.set(l, bits);
    }
  }
  return { spelling };
}

/** The per-token strings the feature templates read. */
export interface SentenceView {
  words: string[];
  caps: boolean;
  /** Lowercase of the word as written (document evidence and gazetteer keys). */
  lower: string[];
  /** The word with digits replaced by 0. */
  norm: string[];
  normLower: string[];
  shape: string[];
}

export function viewOf(words: string[]): SentenceView {
  const caps = isCapsSentence(words);
  const lower = words.map((w) => w.toLowerCase());
  const norm = words.map(digitsAsZero);
  const normLower = lower.map((w, i) => (norm[i] === words[i] ? w : norm[i].toLowerCase()));
  const shape = norm.map((w) => shapeOf(w, 1));
  return { words, caps, lower, norm, normLower, shape };
}

/** Features of a word on its own (given whether its sentence is a caps headline). */
export function intrinsicFeatures(norm: string, normLower: string, shape: string, caps: boolean): string[] {
  const f: string[] = ['bias', 'l=' + normLower, 'sh=' + shape, 'shl=' + shapeOf(norm, 3)];
  if (!caps) f.push('w=' + norm);
  else f.push('C|l=' + normLower, 'C|sh=' + shape);
  const len = normLower.length;
  for (let k = 1; k <= 4 && k < len; k++) {
    f.push('p' + k + '=' + normLower.slice(0, k));
    f.push('s' + k + '=' + normLower.slice(len - k));
  }
  if (norm.includes('-')) f.push('hyph');
  return f;
}

/** Offsets of the context window: the word at position i + d gives token i `contextFeatures(word, d)`. */
export const CONTEXT_OFFSETS = [-2, -1, 1, 2] as const;
const CONTEXT_NAMES = new Map<number, [string, string]>(
  CONTEXT_OFFSETS.map((d) => [d, [`l${d > 0 ? '+' : ''}${d}=`, `sh${d > 0 ? '+' : ''}${d}=`]]),
);
export const BEFORE = '<s>';
export const AFTER = '</s>';

/** Features a word gives the tagged token when it stands at offset d from it. */
export function contextFeatures(normLower: string, shape: string, d: number): string[] {
  const [l, sh] = CONTEXT_NAMES.get(d)!;
  return [l + normLower, sh + shape];
}

/** Features that combine neighbours or use document evidence and gazetteer hits (computed per position). */
export function localFeatures(
  v: SentenceView,
  i: number,
  evidence: DocumentEvidence,
  gaz: string[] | null,
  roles: Map<string, string> | null,
): string[] {
  const n = v.words.length;
  const L = (j: number) => (j < 0 ? BEFORE : j >= n ? AFTER : v.normLower[j]);
  const S = (j: number) => (j < 0 ? BEFORE : j >= n ? AFTER : v.shape[j]);
  const l = v.normLower[i];
  const sh = v.shape[i];
  const f: string[] = [
    'l-1|l=' + L(i - 1) + '|' + l,
    'l|l+1=' + l + '|' + L(i + 1),
    'sh-1|sh|sh+1=' + S(i - 1) + '|' + sh + '|' + S(i + 1),
    'l-1|sh=' + L(i - 1) + '|' + sh,
    'sh|l+1=' + sh + '|' + L(i + 1),
  ];
  if (i === 0) f.push('first|sh=' + sh);
  const w = v.words[i];
  if (hasLetter(w)) {
    const bits = evidence.spelling.get(v.lower[i]) ?? 0;
    f.push('doc=d' + bits + (v.caps ? 'C' : i === 0 ? 'F' : 'M') + (isUpperInitial(w) ? 'u' : 'l'));
  }
  if (gaz && gaz[i]) f.push('gz=' + gaz[i], 'gz|sh=' + gaz[i] + '|' + sh);
  if (roles) {
    const r = roleAt(v, i, roles);
    if (r) f.push('gr=' + r);
    const rp = roleAt(v, i - 1, roles);
    if (rp) f.push('gr-1=' + rp);
    const rn = roleAt(v, i + 1, roles);
    if (rn) f.push('gr+1=' + rn);
  }
  return f;
}

/** The name roles of the word at j (capitalised words only), or ''. */
function roleAt(v: SentenceView, j: number, roles: Map<string, string>): string {
  if (j < 0 || j >= v.words.length || !isUpperInitial(v.words[j])) return '';
  return roles.get(v.lower[j]) ?? '';
}

/**
 * Every static feature of every token of a sentence (the training path; tagging assembles the same set
 * from caches). Without a gazetteer there are no gazetteer hits and no name roles; without clusters, no
 * cluster features.
 */
export function sentenceFeatures(
  words: string[],
  evidence: DocumentEvidence,
  gazetteer: Gazetteer | null,
  clusters: WordClusters | null = null,
): string[][] {
  const v = viewOf(words);
  const n = words.length;
  const gaz = gazetteer ? gazetteer.tag(v.lower, words) : null;
  const paths = clusters ? v.norm.map((w) => clusters.lookup(w)) : null;
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const f = intrinsicFeatures(v.norm[i], v.normLower[i], v.shape[i], v.caps);
    for (const d of CONTEXT_OFFSETS) {
      const j = i + d;
      // The word at j = i + d gives token i the features of offset d ("l-1" is the previous word).
      if (j < 0) f.push(...contextFeatures(BEFORE, BEFORE, d));
      else if (j >= n) f.push(...contextFeatures(AFTER, AFTER, d));
      else f.push(...contextFeatures(v.normLower[j], v.shape[j], d));
    }
    f.push(...localFeatures(v, i, evidence, gaz, gazetteer ? gazetteer.roles : null));
    if (clusters && paths) {
      clusters.ownFeatures(paths[i], f);
      clusters.spec.offsets.forEach((d, x) => {
        const j = i + d;
        if (j >= 0 && j < n) clusters.contextFeatures(paths[j], x, f);
      });
    }
    out.push(f);
  }
  return out;
}
