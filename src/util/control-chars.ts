/**
 * Terminal safety for untrusted text (titles, sources, file names, article text): escape sequences and
 * control characters in a page title or a file name would otherwise reach the user's terminal and act
 * there (move the cursor, rewrite lines, set the window title, hide text).
 */

/**
 * Escape sequences (ECMA-48): CSI `ESC [ params intermediates final`, string commands (OSC `ESC ]`, DCS
 * `ESC P`, SOS `ESC X`, PM `ESC ^`, APC `ESC _`) up to their BEL or ST terminator (or the next ESC), and
 * two-character `ESC X` forms. Each alternative consumes what it matches, so a long run is one pass.
 */
const ESCAPE_SEQUENCE_RE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*\x07?|[ -/]*[0-~]?)/g;

/** C0 controls except tab and line feed, DEL, and C1 controls (U+0080–U+009F; U+009B is an 8-bit CSI). */
const CONTROL_RE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** `s` without escape sequences and control characters (tab and line feed are kept). */
export function stripControlChars(s: string): string {
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(s)) return s;
  return s.replace(ESCAPE_SEQUENCE_RE, '').replace(CONTROL_RE, '');
}
