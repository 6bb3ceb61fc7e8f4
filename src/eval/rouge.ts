/**
 * ROUGE-N counts as ROUGE-1.5.5 computes them with stemming and stopword removal (`-m -s`), which is
 * how tilse calls it. Behaviour reproduced (from ROUGE-1.5.5's documentation and observed behaviour):
 *  - a summary is its sentences joined by one space, so n-grams run across sentence boundaries;
 *  - text is lower-cased (ASCII only) and every character other than a-z and 0-9 becomes a space
 *    (ROUGE keeps "-" as a separate token but then drops tokens not starting with [a-z0-9]);
 *  - in the SEE format pyrouge writes, a sentence is read only up to its first "<";
 *  - tokens in the SMART stopword list are dropped;
 *  - tokens longer than 3 characters are stemmed (an exception-list form first, else Porter);
 *  - hits are clipped per n-gram: min(peer count, model count), summed over the model summaries;
 *    the peer count is added once per model summary (ROUGE's model-average formula "A").
 */
import { porterStem } from '../text/porter.js';
import { SMART_STOPWORDS } from '../text/stopwords.js';
import { WORDNET_EXCEPTIONS } from './wordnet-exceptions.js';

export interface RougeCounts {
  /** Clipped n-gram matches, summed over models. */
  hit: number;
  /** N-grams in the peer (system) summary, once per model. */
  peer: number;
  /** N-grams in the model (reference) summaries. */
  model: number;
}

const stemCache = new Map<string, string>();

/** ROUGE's MorphStem: the WordNet exception form if there is one, else the Porter stem. */
export function rougeStem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = WORDNET_EXCEPTIONS.get(token) ?? porterStem(token);
    if (stemCache.size < 200_000) stemCache.set(token, s);
  }
  return s;
}

/** The tokens ROUGE counts for one summary (a list of sentences). */
export function rougeTokens(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of sentences) {
    const lt = raw.indexOf('<');
    const sentence = lt >= 0 ? raw.slice(0, lt) : raw;
    const text = sentence.replace(/[A-Z]/g, (ch) => ch.toLowerCase()).replace(/[^a-z0-9]+/g, ' ');
    for (const tok of text.split(' ')) {
      if (!tok || SMART_STOPWORDS.has(tok)) continue;
      out.push(tok.length > 3 ? rougeStem(tok) : tok);
    }
  }
  return out;
}

/** N-gram multiset of a token list. */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function total(m: Map<string, number>): number {
  let t = 0;
  for (const v of m.values()) t += v;
  return t;
}

/** A summary prepared once for repeated scoring (its tokens). */
export interface PreparedSummary {
  tokens: string[];
  grams: Map<number, Map<string, number>>;
}

export function prepareSummary(sentences: readonly string[]): PreparedSummary {
  return { tokens: rougeTokens(sentences), grams: new Map() };
}

function gramsOf(s: PreparedSummary, n: number): Map<string, number> {
  let g = s.grams.get(n);
  if (!g) {
    g = ngramCounts(s.tokens, n);
    s.grams.set(n, g);
  }
  return g;
}

/** ROUGE-N counts of a peer summary against one or more model summaries. */
export function rougeNCounts(
  peer: PreparedSummary,
  models: readonly PreparedSummary[],
  n: number,
): RougeCounts {
  const p = gramsOf(peer, n);
  const pTotal = total(p);
  let hit = 0;
  let model = 0;
  let peerCount = 0;
  for (const mSum of models) {
    const m = gramsOf(mSum, n);
    for (const [g, c] of m) {
      const pc = p.get(g);
      if (pc !== undefined) hit += Math.min(pc, c);
    }
    model += total(m);
    peerCount += pTotal;
  }
  return { hit, peer: peerCount, model };
}

export interface PRF {
  p: number;
  r: number;
  f: number;
}

/** F1 with tilse's convention (0 when precision and recall are both 0). */
export function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Plain ROUGE-N precision/recall/F1 of one summary against references (0 on empty denominators). */
export function rougeN(peer: readonly string[], models: readonly (readonly string[])[], n: number): PRF {
  const c = rougeNCounts(prepareSummary(peer), models.map(prepareSummary), n);
  const p = c.peer ? c.hit / c.peer : 0;
  const r = c.model ? c.hit / c.model : 0;
  return { p, r, f: f1(p, r) };
}
