/** Quotation spans in text: straight and curly double quotes, paired within a paragraph. */

// Regular expressions used inside functions are compiled once, here.
const LETTER_RE = /\p{L}/u;

export interface QuoteMarkSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Content offsets (inside the marks). */
  start: number;
  end: number;
  /** Offset just after the closing mark (= end when the quote runs to the paragraph end unclosed). */
  close: number;
  closed: boolean;
  /** Paragraph bounds. */
  paraStart: number;
  paraEnd: number;
}

export interface Paragraph {
  start: number;
  end: number;
}

/** Paragraphs: runs of text separated by line breaks. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ start: m.index + lead, end: m.index + lead + t.length });
  }
  return out;
}

/** The characters `quoteSpans` acts on: markup starts, single and double quotation marks. */
const MARK_CHAR_RE = /[<‘'"“”„«»]/g;

/**
 * Finds the quotation-mark characters of one text for `quoteSpans`, which asks for them in text order
 * paragraph by paragraph: a search that ran past a paragraph's end still answers for the next paragraphs.
 */
export class MarkScan {
  /** The last search: from `from`, the first mark character is at `at` (-1: none). */
  private from = -1;
  private at = -1;

  constructor(private readonly text: string) {}

  /** Offset of the first mark character at or after `i` (-1: none). */
  next(i: number): number {
    // a search from `from` <= i that found its mark at or after i found the first one from i as well
    if (!(this.from >= 0 && this.from <= i && (this.at < 0 || this.at >= i))) {
      MARK_CHAR_RE.lastIndex = i;
      this.at = MARK_CHAR_RE.test(this.text) ? MARK_CHAR_RE.lastIndex - 1 : -1;
      this.from = i;
    }
    return this.at;
  }
}

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);

/**
 * Find quoted spans in one paragraph. Curly “ opens and ” closes; a straight " toggles; single curly
 * quotes (‘...’, common in headlines) count when they cannot be apostrophes. Quote marks inside markup
 * tags (`<tweet id="...">`) are ignored. `marks`: a `MarkScan` of `text`, when the caller reads many
 * paragraphs of one text in order (optional, for speed).
 */
export function quoteSpans(
  text: string,
  para: Paragraph,
  marks: MarkScan = new MarkScan(text),
): QuoteMarkSpan[] {
  const out: QuoteMarkSpan[] = [];
  let open = -1;
  let openLen = 1;
  for (let i = para.start; i < para.end; i++) {
    // Every character other than these leaves the state alone (the loop only `continue`s on it): jump to
    // the next one.
    i = marks.next(i);
    if (i < 0 || i >= para.end) break;
    const c = text[i];
    if (c === '<') {
      const m = /^<\/?[a-zA-Z][^<>\n]{0,400}>/.exec(text.slice(i, Math.min(para.end, i + 420)));
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === '‘' && open < 0 && (i === para.start || /[\s:(—–-]/u.test(text[i - 1]))) {
      // a single-quoted span: the closing ’ is followed by a non-letter
      for (let j = i + 2; j < para.end; j++) {
        if (text[j] === '’' && !LETTER_RE.test(text[j + 1] ?? ' ') && !/\s/u.test(text[j - 1])) {
          out.push({
            open: i,
            start: i + 1,
            end: j,
            close: j + 1,
            closed: true,
            paraStart: para.start,
            paraEnd: para.end,
          });
          i = j;
          break;
        }
        if (text[j] === '“' || text[j] === '"' || text[j] === '‘') break;
      }
      continue;
    }
    // '' (two apostrophes) is a straight double quote in some newspaper archives
    const dbl = c === "'" && text[i + 1] === "'";
    if (c !== '"' && c !== '“' && c !== '”' && c !== '„' && c !== '«' && c !== '»' && !dbl) continue;
    const ml = dbl ? 2 : 1;
    const opening = c === '“' || c === '„' || c === '«' || ((c === '"' || dbl) && open < 0);
    if (open < 0) {
      if (c === '”' || c === '»') {
        if (c === '”' && !isSpace(text[i + 1]) && LETTER_RE.test(text[i + 1] ?? '')) {
          open = i; // a mis-encoded opening mark
        }
        continue;
      }
      if (opening) {
        open = i;
        openLen = ml;
        i += ml - 1;
      }
      continue;
    }
    // inside a quote: only the matching kind of mark closes it (others are nested quotes); a “ glued to
    // the preceding word is a (mis-typed) closing mark
    const oc = text[open];
    const straight = oc === '"' || oc === "'";
    let closing: boolean;
    if (oc === "'") closing = dbl;
    else if (oc === '"') closing = c === '"';
    else if (oc === '«') closing = c === '»';
    else closing = c === '”' || c === '"' || (c === '“' && !isSpace(text[i - 1]) && isSpace(text[i + 1]));
    if (!closing && straight) continue;
    if (closing) {
      out.push({
        open,
        start: open + openLen,
        end: i,
        close: i + ml,
        closed: true,
        paraStart: para.start,
        paraEnd: para.end,
      });
      open = -1;
      i += ml - 1;
    } else if (c === '“') {
      open = i; // a new opening mark: the previous one was stray
      openLen = 1;
    }
  }
  if (open >= 0 && para.end - open > 2)
    out.push({
      open,
      start: open + openLen,
      end: para.end,
      close: para.end,
      closed: false,
      paraStart: para.start,
      paraEnd: para.end,
    });
  return out;
}
