/**
 * What story clustering sees of an article (ArticleFeatures) and keeps of a story (StoryState): its content words (no stop words), name-like words weighted up,
 * the strongest terms as a normalised log-tf vector, and its entity mention counts. The word scan is written
 * out by hand (the same matches as the WORD expression) because it runs over every article ingested.
 */
import type { Article } from '../model.js';
import { STORY_STOPWORDS } from '../text/story-stopwords.js';
import { isSpaceCode } from '../util/chars.js';
import { STORY_PARAMS, type StoryParams } from './params.js';

/** What clustering needs from one article. */
export interface ArticleFeatures {
  id: string;
  day: string | null;
  /** Log-tf weights, unit length before idf. */
  terms: Map<string, number>;
  /** Entity key -> mention count. */
  entities: Map<string, number>;
}

/** The running state of one story. */
export interface StoryState {
  id: string;
  size: number;
  first: string | null;
  last: string | null;
  /** Sum of member articles' term vectors. */
  terms: Map<string, number>;
  /** Sum of member articles' entity counts. */
  entities: Map<string, number>;
}

const WORD = /[\p{L}][\p{L}\p{N}'’-]*[\p{L}\p{N}]/gu;

/** Content words of a text: lowercased, no stopwords, no very short words, no numbers. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (w.length < 3 || STORY_STOPWORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

/**
 * Words written capitalised somewhere other than at a sentence start (after . ! ? : a quote or a line
 * break), and never written in lower case in the same text: name-like words. Lowercased, as contentWords.
 */
export function nameWords(text: string): Set<string> {
  const caps = new Set<string>();
  const lower = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (w.length < 3 || STORY_STOPWORDS.has(w)) continue;
    const first = m[0][0];
    if (first === first.toLowerCase()) {
      lower.add(w);
      continue;
    }
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (m.index === 0 || /[.!?:"“‘\n]\s*$/.test(before)) continue;
    caps.add(w);
  }
  for (const w of lower) caps.delete(w);
  return caps;
}

/** Build an article's features; `entityKey` maps a mention to a stable entity key. `terms` is the article's
 * term vector when already computed (articleTermVector: the store's writer gets it from the analysis workers). */
export function articleFeatures(
  a: Article,
  entityKey: (m: Article['mentions'][number]) => string = (m) => `${m.type}:${m.text.toLowerCase()}`,
  params: StoryParams = STORY_PARAMS,
  terms: Map<string, number> = articleTermVector(a, params),
): ArticleFeatures {
  const entities = new Map<string, number>();
  for (const m of a.mentions) {
    const k = entityKey(m);
    entities.set(k, (entities.get(k) ?? 0) + 1);
  }
  return { id: a.id, day: a.publishedAt, terms, entities };
}

/** Code point classes for the word scan: 1 letter (\p{L}), 2 number (\p{N}), 3 apostrophe or hyphen (' ’ -),
 * 0 anything else. ASCII by table; other code points tested once and remembered. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 2;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = ASCII_CLASS[c + 32] = 1;
ASCII_CLASS[39] = ASCII_CLASS[45] = 3;
const wideClass = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  let k = wideClass.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = /^\p{L}$/u.test(ch) ? 1 : /^\p{N}$/u.test(ch) ? 2 : cp === 0x2019 ? 3 : 0;
    if (wideClass.size < 100_000) wideClass.set(cp, k);
  }
  return k;
}

/**
 * Calls `found(start, end)` for each match of WORD in `s`, in order, without the regular expression. WORD is a
 * letter, then the longest run of letters, digits, apostrophes and hyphens that ends in a letter or digit: from
 * a letter, the maximal run of such characters is cut back to its last letter or digit (the backtracking); a
 * letter followed only by apostrophes and hyphens does not match, and neither does any start inside that run
 * (none is a letter). The scan resumes at the end of a match, as the global expression does.
 */
function scanWords(s: string, found: (start: number, end: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const cp = c < 0xd800 ? c : s.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (classOf(cp) !== 1) {
      i += len;
      continue;
    }
    let j = i + len;
    let end = -1;
    while (j < n) {
      const d = s.charCodeAt(j);
      const dp = d < 0xd800 ? d : s.codePointAt(j)!;
      const k = classOf(dp);
      if (k === 0) break;
      j += dp > 0xffff ? 2 : 1;
      if (k !== 3) end = j;
    }
    if (end < 0) {
      i += len;
      continue;
    }
    found(i, end);
    i = end;
  }
}

/** Whether `text` before `at` (at most 3 code units back) ends in one of . ! ? : " “ ‘ or a line break, then only
 * white space: what /[.!?:"“‘\n]\s*$/ tests on `text.slice(max(0, at - 3), at)`. */
function afterSentenceBreak(text: string, at: number): boolean {
  for (let p = at - 1; p >= Math.max(0, at - 3); p--) {
    const c = text.charCodeAt(p);
    // . ! ? : " “ ‘ \n
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 34 || c === 0x201c || c === 0x2018 || c === 10)
      return true;
    if (!isSpaceCode(c)) return false;
  }
  return false;
}

/** An article's log-tf term vector (text and title; name-like words weighted), cut to its strongest terms and
 * normalised: the text part of articleFeatures, which depends on the article alone. */
export function articleTermVector(
  a: Pick<Article, 'text' | 'title'>,
  params: StoryParams = STORY_PARAMS,
): Map<string, number> {
  const title = a.title ? contentWords(a.title) : [];
  // One pass over the text gives both the content words (counted) and the name-like ones (as contentWords +
  // nameWords).
  const tf = new Map<string, number>();
  const caps = new Set<string>();
  const lower = new Set<string>();
  const text = a.text;
  // Lowercase once; when that keeps every character's length (almost always), words are found in the
  // lowercased text at the same offsets as in the original.
  const lowered = text.toLowerCase();
  const aligned = lowered.length === text.length;
  scanWords(aligned ? lowered : text, (start, end) => {
    let w = aligned ? lowered.slice(start, end) : text.slice(start, end).toLowerCase();
    const n = w.length;
    if (n > 2 && w.charCodeAt(n - 1) === 115 /* s */ && (w[n - 2] === "'" || w[n - 2] === '’'))
      w = w.slice(0, -2);
    if (w.length < 3 || STORY_STOPWORDS.has(w)) return;
    tf.set(w, (tf.get(w) ?? 0) + 1);
    // Written in lower case: the first character is its own lower case (tested on the code for ASCII).
    const c = text.charCodeAt(start);
    if (c < 128 ? c < 65 || c > 90 : text[start] === text[start]!.toLowerCase()) lower.add(w);
    else if (start !== 0 && !afterSentenceBreak(text, start)) caps.add(w);
  });
  // A name-like word's occurrences weigh nameWeight each: summed one by one, as adding them in turn did.
  for (const w of caps)
    if (!lower.has(w)) {
      let sum = 0;
      for (let k = tf.get(w)!; k > 0; k--) sum += params.nameWeight;
      tf.set(w, sum);
    }
  for (const w of title) tf.set(w, (tf.get(w) ?? 0) + 2);
  const keep = params.articleTerms * 3;
  // The strongest `keep` terms by weight, then term. Counts take few distinct values: the count of the keep-th
  // strongest term is found from the number of terms per count; terms weighing more are sorted, and of those
  // weighing that much, the first by term (a sort without comparator: code unit order, as `<`) fill the rest.
  // The order is total, so these are the first `keep` of a sort of all terms.
  const perCount = new Map<number, number>();
  for (const n of tf.values()) perCount.set(n, (perCount.get(n) ?? 0) + 1);
  const counts = [...perCount.keys()].sort((x, y) => y - x);
  let least = 0;
  for (let i = 0, seen = 0; i < counts.length && seen < keep; i++)
    seen += perCount.get((least = counts[i]!))!;
  const floor = 1 + Math.log(least);
  const above: [string, number][] = [];
  const at: string[] = [];
  for (const [t, n] of tf) {
    const w = 1 + Math.log(n);
    if (w > floor) above.push([t, w]);
    else if (w === floor) at.push(t);
  }
  above.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  at.sort();
  const kept = above.slice(0, keep);
  for (let i = 0; kept.length < keep && i < at.length; i++) kept.push([at[i]!, floor]);
  const norm = Math.hypot(...kept.map(([, w]) => w)) || 1;
  return new Map(kept.map(([t, w]) => [t, w / norm]));
}
