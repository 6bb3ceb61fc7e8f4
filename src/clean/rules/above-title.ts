import type { Article } from '../../model.js';
import type { CleanRule } from '../types.js';
import { liveIndices } from '../types.js';

/** Lines above the headline this short (words), without a sentence end, are the page's head furniture. */
export const ABOVE_TITLE_MAX_WORDS = 4;
/** Only when the headline is this near the top (live lines above it): further down, the "title" may be a subhead. */
export const ABOVE_TITLE_MAX_LINES = 15;

const SENTENCE_END_RE = /[.!?…]["'”’)]*\s*$/u;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The line of the headline the title rule found in each article's text (set by `noteTitleLine`). */
const titleLines = new WeakMap<Article, number>();

/** Called by the title rule when it takes the headline from a line of the text. */
export function noteTitleLine(article: Article, line: number): void {
  titleLines.set(article, line);
}

/**
 * Above the headline of a pasted page sit the masthead, menus, section names and sign-in links ("Porten
 * Daily", "Region", "Sign in"): short lines without a sentence end. Only for a headline found in the text
 * (a title given by the input says nothing about where the text starts). Runs last, after the furniture
 * model, so that the model sees what it was trained on.
 */
export const aboveTitleRule: CleanRule = {
  name: 'above-title',
  description: 'short head lines above the headline found in the text (masthead, menus, section names)',
  apply(ctx) {
    const a = ctx.article;
    const titleLine = titleLines.get(a);
    if (titleLine === undefined || a.linesAreSentences || a.extractedFromHtml) return;
    const live = liveIndices(ctx);
    const t = live.indexOf(titleLine);
    if (t <= 0 || t > ABOVE_TITLE_MAX_LINES) return;
    for (const i of live.slice(0, t)) {
      const text = ctx.lines[i].text.trim();
      const words = text.match(WORD_RE)?.length ?? 0;
      if (words <= ABOVE_TITLE_MAX_WORDS && !SENTENCE_END_RE.test(text)) ctx.remove(i, 'above-title');
    }
  },
};
