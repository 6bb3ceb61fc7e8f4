/**
 * Pre-tokenised text (Penn Treebank style, as in Timeline17: `-LRB-`, `` `` ``, `''`, ` 's`, ` ,`, `do n't`)
 * made readable for people. Used only where text is shown (timeline text, Markdown, HTML, JSON summaries and
 * quotes, exports, the web app); evaluation keeps the tokens. Ordinary text passes through unchanged.
 */
import type { Timeline } from '../model.js';

const BRACKETS: [RegExp, string][] = [
  [/-LRB-/g, '('],
  [/-RRB-/g, ')'],
  [/-LSB-/g, '['],
  [/-RSB-/g, ']'],
  [/-LCB-/g, '{'],
  [/-RCB-/g, '}'],
];

/** Join PTB tokens back into running text. */
export function detokenise(text: string): string {
  if (!/-[LR][RSC]B-|``|''| n't\b| '(?:s|re|ve|ll|d|m)\b| [,.;:?!%)\]}]|[([{$] /i.test(text)) return text;
  let s = text;
  for (const [re, to] of BRACKETS) s = s.replace(re, to);
  s = s
    // Opening and closing double quotes: `` word '' → “word”.
    .replace(/``\s*/g, '“')
    .replace(/\s*''/g, '”')
    // Clitics split off their word: do n't, she 's, they 're.
    .replace(/ (n't)\b/gi, '$1')
    .replace(/ ('(?:s|re|ve|ll|d|m))\b/gi, '$1')
    // No space before closing punctuation or after opening brackets and currency signs.
    .replace(/ +([,.;:?!%)\]}])/g, '$1')
    .replace(/([([{$]) +/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
  return s;
}

/** A copy of the timeline with every text people read detokenised (sources and dates untouched). */
export function displayTimeline(t: Timeline): Timeline {
  return {
    ...t,
    entries: t.entries.map((e) => ({
      ...e,
      summary: e.summary.map(detokenise),
      sentences: e.sentences.map((s) => ({ ...s, text: detokenise(s.text) })),
    })),
    quotes: t.quotes.map((q) => ({ ...q, text: detokenise(q.text) })),
  };
}
