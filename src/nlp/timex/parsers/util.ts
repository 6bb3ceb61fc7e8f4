import type { Candidate, ResolveContext, Resolved } from '../types.js';

/** A candidate spanning the whole match. */
export function whole(
  m: RegExpExecArray,
  rule: string,
  resolve: (ctx: ResolveContext) => Resolved | null,
  priority = 0,
): Candidate {
  return { start: m.index, end: m.index + m[0].length, rule, priority, resolve };
}

/** True when a month/weekday word is written as a name (capitalised), not as the verb "may"/"march". */
export function isName(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Lower-cased key without a trailing period ("Sept." → "sept"). */
export function key(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}
