import type { Article, Token } from '../model.js';

export interface Span {
  start: number;
  end: number;
}

/** STUB: split text into sentence spans (offsets into text). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?\n]+[.!?]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const s = m[0];
    const lead = s.length - s.trimStart().length;
    const t = s.trim();
    if (t) out.push({ start: m.index + lead, end: m.index + lead + t.length });
  }
  return out;
}

/** STUB: tokens of text[start, end), offsets into text. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const re = /\w+|[^\w\s]/g;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < end) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export function annotateSentences(article: Article): void {
  article.sentences = splitSentences(article.text).map((s, index) => ({
    index,
    start: s.start,
    end: s.end,
    text: article.text.slice(s.start, s.end),
    tokens: tokenize(article.text, s.start, s.end),
    timexes: [],
  }));
}
