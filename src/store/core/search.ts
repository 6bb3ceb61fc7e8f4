/**
 * Search, whatever the backend: the user's terms as words and quoted phrases (syntax neutralised, so user input
 * is never a query language), and a hit's snippet — the window of its text with the most query words, matched
 * words in [brackets], "…" where the text was cut.
 */
import { porterStem } from '../../text/porter.js';
import { ASCII_ONLY } from '../../util/chars.js';

/** Matching articles a search ranks at most (the most recently stored ones): bounds a query's cost. */
export const SEARCH_CANDIDATES = 5000;

/** The user's terms as phrases (a quoted phrase, or one word), operators and syntax dropped; all must match. */
export function searchPhrases(terms: string): string[][] {
  const parts: string[][] = [];
  const re = /"([^"]*)"|([\p{L}\p{N}][\p{L}\p{N}'’_-]*)/gu;
  for (const m of terms.matchAll(re)) {
    const words = (m[1] ?? m[2]).match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    const w = words.filter((x) => !(m[2] && /^(AND|OR|NOT|NEAR)$/.test(x)));
    if (w.length) parts.push(w);
  }
  return parts;
}

/** Turn user terms into a safe FTS5 query: quoted phrases kept, other words ANDed, syntax neutralised. */
export function ftsQuery(terms: string): string {
  return searchPhrases(terms)
    .map((w) => `"${w.join(' ')}"`)
    .join(' ');
}

/** Word key as the full-text index sees it, near enough for highlighting: lower case, no accents, stemmed. */
function searchKey(word: string): string {
  const w = (ASCII_ONLY.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
  return /^[a-z0-9]+$/.test(w) ? porterStem(w) : w;
}

/** The query's words as search keys (operators and quotes dropped, as ftsQuery does). */
export function queryStems(terms: string): Set<string> {
  const out = new Set<string>();
  for (const m of ftsQuery(terms).matchAll(/[\p{L}\p{N}]+/gu)) out.add(searchKey(m[0]));
  return out;
}

/**
 * A snippet of one hit: the 16-word window of the text with the most query words (the title when the text
 * has none), matched words in [brackets], "…" where the text was cut — the form FTS5's snippet() gives.
 */
export function snippetOf(text: string, title: string | null, words: Set<string>, size = 16): string {
  // Each distinct word is stemmed once.
  const seen = new Map<string, boolean>();
  const matches = (tok: string) => {
    let m = seen.get(tok);
    if (m === undefined) seen.set(tok, (m = words.has(searchKey(tok))));
    return m;
  };
  const pick = (s: string) => {
    const toks = [...s.matchAll(/[\p{L}\p{N}]+/gu)];
    const hit = toks.map((t) => matches(t[0]));
    let best = 0;
    let bestCount = -1;
    let count = 0;
    for (let i = 0; i < toks.length; i++) {
      if (hit[i]) count++;
      if (i >= size && hit[i - size]) count--;
      const start = Math.max(0, i - size + 1);
      if (count > bestCount) {
        bestCount = count;
        best = start;
      }
    }
    return { s, toks, hit, best, count: bestCount };
  };
  let c = pick(text);
  if (c.count <= 0 && title) {
    const t = pick(title);
    if (t.count > 0) c = t;
  }
  if (!c.toks.length) return c.s.replace(/\s+/g, ' ').trim().slice(0, 200);
  // Centre the matched words in the window.
  let first = -1;
  let last = -1;
  for (let i = c.best; i < Math.min(c.toks.length, c.best + size); i++)
    if (c.hit[i]) {
      if (first < 0) first = i;
      last = i;
    }
  if (first >= 0)
    c.best = Math.max(0, Math.min(first - ((size - (last - first + 1)) >> 1), c.toks.length - size));
  const end = Math.min(c.toks.length, c.best + size);
  let out = c.best > 0 ? '…' : '';
  let pos = c.best > 0 ? c.toks[c.best].index : 0;
  for (let i = c.best; i < end; i++) {
    const t = c.toks[i];
    out += c.s.slice(pos, t.index);
    out += c.hit[i] ? `[${t[0]}]` : t[0];
    pos = t.index + t[0].length;
  }
  out += end < c.toks.length ? '…' : c.s.slice(pos);
  return out.replace(/\s+/g, ' ').trim();
}
