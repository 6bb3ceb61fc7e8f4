/** Token normalisation shared by the tagger's features and its word clusters (no imports: a floor). */

/** Normalise PTB-style token spellings to the plain forms CoNLL uses. */
export function normaliseToken(w: string): string {
  // Most tokens need no change: no quote, dash or bracket spelling can start them.
  const c = w.charCodeAt(0);
  if (w.length === 1 ? c < 128 : c !== 96 && c !== 39 && c !== 45 && !w.includes('\u2019')) return w;
  switch (w) {
    case '``':
    case "''":
    case '\u201c':
    case '\u201d':
      return '"';
    case '\u2018':
    case '\u2019':
      return "'";
    case '-LRB-':
      return '(';
    case '-RRB-':
      return ')';
    case '-LSB-':
      return '[';
    case '-RSB-':
      return ']';
    case '-LCB-':
      return '{';
    case '-RCB-':
      return '}';
    case '\u2013':
    case '\u2014':
      return '--';
  }
  if (w.length > 1 && /[\u2019]/.test(w)) return w.replace(/\u2019/g, "'");
  return w;
}

/** Digits. */
const DIGITS_RE = /\d/g;

/** The word with digits replaced by 0 (SentenceView.norm). */
export const digitsAsZero = (w: string): string => (/\d/.test(w) ? w.replace(DIGITS_RE, '0') : w);
