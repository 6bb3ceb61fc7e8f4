/**
 * The clean stage works line by line: each named rule looks at the article's lines and marks furniture as
 * removed (with its name), rewrites a line's start (datelines), or fills metadata (byline, source, title).
 */
import type { Article } from '../model.js';
import { isSpaceCode } from '../util/chars.js';

// Regular expressions used inside functions are compiled once, here.
const NON_WORD_RUN_RE = /[^\p{L}\p{N}]+/gu;

export interface CleanLine {
  /** The line's current text (a rule may cut a prefix off). */
  text: string;
  /** Set when a rule removed the line: the rule's name. */
  removedBy?: string;
}

export interface CleanContext {
  article: Article;
  lines: CleanLine[];
  /** Record furniture and mark the line removed. */
  remove(index: number, rule: string): void;
}

export interface CleanRule {
  name: string;
  /** What it removes or fills, for docs and debugging. */
  description: string;
  apply(ctx: CleanContext): void;
}

/** How many non-empty lines at the top count as "the head" (bylines, datelines, labels live there). */
export const HEAD_LINES = 8;

export { isSpaceCode };

/** `s.trim() !== ''` without building the trimmed string. */
function hasNonSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** Indices of the lines still present and non-empty, in order. */
export function liveIndices(ctx: CleanContext): number[] {
  const out: number[] = [];
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.removedBy && hasNonSpace(l.text)) out.push(i);
  }
  return out;
}

/** Indices of the first `n` live lines. */
export function headIndices(ctx: CleanContext, n = HEAD_LINES): number[] {
  return liveIndices(ctx).slice(0, n);
}

/** A line that reads like an article paragraph (the first one marks where the article starts). */
const PARAGRAPH_WORDS = 15;

/**
 * The top of the article: the first `n` live lines, and, when a page copy puts menus above the article,
 * also the `n` live lines just above its first paragraph (where headline, byline and date sit). In order.
 */
export function leadIndices(ctx: CleanContext, n = HEAD_LINES): number[] {
  const live = liveIndices(ctx);
  const first = live.findIndex((i) => {
    const t = ctx.lines[i].text;
    return wordCount(t) >= PARAGRAPH_WORDS && endsLikeSentence(t);
  });
  const out = new Set(live.slice(0, n));
  if (first > n) for (const i of live.slice(Math.max(n, first - n), first)) out.add(i);
  return [...out];
}

/** Number of white-space separated words: `s.trim().split(/\s+/).length` (0 for a blank string), counted
 * in one pass without building the pieces. */
export function wordCount(s: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    if (isSpaceCode(s.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

/** Does the line end like a sentence (terminal punctuation, possibly followed by closing quotes)? */
export function endsLikeSentence(s: string): boolean {
  return /[.!?…:;]["'”’»)\]]*\s*$/.test(s.trim()) || /[.!?]\s*["'”’]\s*$/.test(s.trim());
}

/** A short line without terminal punctuation: a headline, a heading, a link text. */
export function isHeadlineLike(s: string, maxWords = 16): boolean {
  const t = s.trim();
  return t.length > 0 && t.length <= 160 && wordCount(t) <= maxWords && !endsLikeSentence(t);
}

/** Compare lines ignoring case, punctuation and spacing. */
export function normalizeLine(s: string): string {
  return s.toLowerCase().replace(NON_WORD_RUN_RE, ' ').trim();
}

/**
 * Remove a heading line and the block of short headline-like lines that follows it (up to a blank line or
 * a line that reads like a sentence).
 */
export function removeHeadingBlock(ctx: CleanContext, headingIndex: number, rule: string): void {
  ctx.remove(headingIndex, rule);
  for (let i = headingIndex + 1; i < ctx.lines.length; i++) {
    const l = ctx.lines[i];
    if (l.removedBy) continue;
    if (!l.text.trim()) {
      // A blank line right after the heading does not end the block; one after items does.
      if (i === headingIndex + 1) continue;
      break;
    }
    if (!isHeadlineLike(l.text)) break;
    ctx.remove(i, rule);
  }
}
