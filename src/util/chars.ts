/** Character classes tested on UTF-16 code units, for scans that must not allocate. */

/**
 * Is `c` (a UTF-16 code unit) white space as regular expressions' `\s` and String#trim see it (WhiteSpace
 * and LineTerminator: tab, LF, VT, FF, CR, space, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000, U+FEFF)?
 */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The white-space runs `collapseSpaces` must rewrite: any run that is not already a single space. A run of two
 * or more is matched whole from its first character (the search tries each run's start first and `\s{2,}` is
 * greedy); a one-character run matches only when it is not a space. Replacing these with ' ' gives exactly
 * `replace(/\s+/g, ' ')`, without a match (and a copy) at every ordinary space between words.
 */
const SPACE_RUN_TO_REWRITE_RE = /\s{2,}|[^\S ]/g;

/** `s.replace(/\s+/g, ' ')`, faster on text that is mostly single spaces. */
export function collapseSpaces(s: string): string {
  return s.replace(SPACE_RUN_TO_REWRITE_RE, ' ');
}

/** Text of ASCII characters only (no Unicode normalisation can change it). */
export const ASCII_ONLY = /^[\x00-\x7f]*$/;
