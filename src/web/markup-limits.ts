/**
 * Hostile markup is made harmless before it is parsed. A page of a million unclosed `<div>` or of
 * elements nested 100,000 deep made the DOM work (linkedom, Readability, and every recursive walk over
 * the tree, ours and theirs) quadratic or overflow the stack. One linear pass over the tags counts
 * elements and tracks the nesting depth; tags nested deeper than MAX_MARKUP_DEPTH, and every tag after
 * the first MAX_MARKUP_ELEMENTS elements, are dropped (their text is kept), much as browsers do: Chromium's
 * HTML parser stops nesting at depth 512 (kMaximumHTMLParserDOMTreeDepth). Real news pages stay far
 * below the limits (of the 391 pages of the extraction and publication-date sets, measured by
 * measureMarkup, the deepest nests 51 counted levels, the largest has 9,752 elements, and depth times
 * text stays under 2.6M, a quarter of MARKUP_TEXT_DEPTH_BUDGET), so their markup passes unchanged.
 *
 * Also here: removeBlocks, the linear form of the "drop every <script>...</script>" regular expressions
 * (a regex with a lazy body re-scans to the end of the page for each unclosed opening tag).
 */

/** Deepest nesting kept, counted as below (Readability slows sharply on deeper single-child chains). */
export const MAX_MARKUP_DEPTH = 256;
/** Elements kept; the tags after them are dropped and the rest of the page is read as text. */
export const MAX_MARKUP_ELEMENTS = 20_000;
/**
 * Text characters times nesting levels allowed. Readability reads the whole text of an element for
 * each of its ancestors (its `_getInnerText`), so its work grows with depth times text: 1 MB of text
 * under 64 levels took seconds. A page with more text gets a lower depth cap (this budget over its text
 * length, at least MIN_MARKUP_DEPTH); a news page (tens of kilobytes of text) keeps the full cap.
 */
export const MARKUP_TEXT_DEPTH_BUDGET = 10_000_000;
/** The depth cap never goes below this (html, body, an article container and its paragraphs). */
export const MIN_MARKUP_DEPTH = 6;

/** Elements that never have content (HTML's void elements): they open no level. */
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen'.split(
    ' ',
  ),
);
/**
 * Elements that the next one of a kind closes when their end tag is left out (`<p>`, `<li>`, table
 * rows and cells: checked on linkedom, which nests the others, `<caption>` or `<body>` included): not
 * counted as levels, so pages that never close their paragraphs do not look deep.
 */
const IMPLIED_END = new Set('p li dt dd option optgroup tr td th tbody rt rp'.split(' '));
/** Elements whose content is text, not markup: skipped to their end tag. */
const RAW_TEXT = new Set('script style textarea title xmp noembed noframes iframe plaintext'.split(' '));
/** A dropped tag of these separates words (becomes a space); other dropped tags join their text. */
const BLOCK = new Set(
  (
    'address article aside blockquote br center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td ' +
    'tfoot th thead tr ul'
  ).split(' '),
);

/**
 * The first match of a global regular expression at or after a position, for searches that move
 * forward: a search that found nothing (or found a match past the new position) answers again without
 * reading the text, so many searches for a missing end tag cost one read of the page.
 */
export class ForwardSearch {
  private from = -1;
  private at = -1;
  private len = 0;

  constructor(
    private readonly text: string,
    private readonly re: RegExp,
  ) {
    if (!re.global) throw new Error('ForwardSearch needs a global regular expression');
  }

  /** Offset of the first match at or after `i` (-1: none); its length is `length`. */
  next(i: number): number {
    if (!(this.from >= 0 && this.from <= i && (this.at < 0 || this.at >= i))) {
      this.re.lastIndex = i;
      const m = this.re.exec(this.text);
      this.from = i;
      this.at = m ? m.index : -1;
      this.len = m ? m[0].length : 0;
    }
    return this.at;
  }

  get length(): number {
    return this.len;
  }
}

/**
 * Remove every block from an opening match to the first closing match after it, in linear time, as
 * `html.replace(/<open\b[^>]*>[\s\S]*?<close>/gi, '')` does: with `tagEnd` the opening runs on to the
 * next `>` (and `accept`, given that whole opening tag, plays the regex's look-ahead). An opening without
 * a close is left as it is, and so is everything after it (no later opening has a close either). The
 * regular expressions re-read the rest of the page for each unclosed opening: quadratic on a page of
 * 100,000 `<script>` or a million `<!--` never closed.
 */
export function removeBlocks(
  html: string,
  open: RegExp,
  close: RegExp,
  { tagEnd = false, accept = () => true }: { tagEnd?: boolean; accept?: (tag: string) => boolean } = {},
): string {
  const opens = new ForwardSearch(html, open);
  const closes = new ForwardSearch(html, close);
  const ends = new ForwardSearch(html, />/g);
  const parts: string[] = [];
  let pos = 0;
  let from = 0;
  for (;;) {
    const o = opens.next(from);
    if (o < 0) break;
    let oEnd = o + opens.length;
    if (tagEnd) {
      const gt = ends.next(oEnd);
      if (gt < 0) break; // no `>` after this opening: none after any later one either
      oEnd = gt + 1;
    }
    if (!accept(html.slice(o, oEnd))) {
      from = o + 1;
      continue;
    }
    const c = closes.next(oEnd);
    if (c < 0) break; // no end tag after this opening: none after any later one either
    parts.push(html.slice(pos, o));
    pos = from = c + closes.length;
  }
  if (!parts.length) return html;
  parts.push(html.slice(pos));
  return parts.join('');
}

export interface LimitedMarkup {
  html: string;
  /** What was dropped, for the page's warnings; empty when nothing was. */
  warnings: string[];
}

const NAME_RE = /[a-zA-Z][a-zA-Z0-9:-]*/y;

/** Text characters, deepest nesting and number of elements of a page, counted as limitMarkup counts them. */
export function measureMarkup(html: string): { textChars: number; maxDepth: number; elements: number } {
  const { textChars, maxDepth, elements } = scanTags(html, Infinity, Infinity, false);
  return { textChars, maxDepth, elements };
}

/**
 * Drop the tags nested too deep and after MAX_MARKUP_ELEMENTS elements (see the file comment). The depth
 * cap is MAX_MARKUP_DEPTH, lowered for pages with much text (MARKUP_TEXT_DEPTH_BUDGET).
 */
export function limitMarkup(html: string): LimitedMarkup {
  const first = measureMarkup(html);
  const depthCap = Math.max(
    MIN_MARKUP_DEPTH,
    Math.min(MAX_MARKUP_DEPTH, Math.floor(MARKUP_TEXT_DEPTH_BUDGET / Math.max(1, first.textChars))),
  );
  if (first.maxDepth <= depthCap && first.elements <= MAX_MARKUP_ELEMENTS) return { html, warnings: [] };
  const second = scanTags(html, depthCap, MAX_MARKUP_ELEMENTS, true);
  return { html: second.html, warnings: second.warnings };
}

interface TagScan {
  html: string;
  warnings: string[];
  /** Characters outside tags (an upper bound of the page's text). */
  textChars: number;
  /** Deepest nesting and number of elements seen (before anything was dropped). */
  maxDepth: number;
  elements: number;
}

/** One pass over the tags: measure, and with `edit` drop those beyond the limits. */
function scanTags(html: string, maxDepth: number, maxElements: number, edit: boolean): TagScan {
  const tagEnds = new ForwardSearch(html, />/g);
  const rawEnds = new Map<string, ForwardSearch>();
  const parts: string[] = [];
  let kept = 0; // html[0, kept) is in parts
  let depth = 0;
  let elements = 0;
  let deepDropped = 0;
  let lateDropped = 0;
  let tagChars = 0;
  let deepest = 0;
  // Inside <svg> and <math> `<x/>` closes itself; in HTML the slash is ignored and `<div/>` opens a div.
  let foreign = 0;
  let spaceLast = true; // the kept text ends with white space (or is empty)
  const drop = (start: number, end: number, name: string) => {
    if (!edit) return;
    if (start > kept) {
      parts.push(html.slice(kept, start));
      spaceLast = /\s/.test(html[start - 1]);
    }
    // a dropped block tag separates words: one space, not one per tag (a million dropped <div>)
    if (BLOCK.has(name) && !spaceLast) {
      parts.push(' ');
      spaceLast = true;
    }
    kept = end;
  };
  for (let i = html.indexOf('<'); i >= 0 && i < html.length; i = html.indexOf('<', i + 1)) {
    const closing = html[i + 1] === '/';
    NAME_RE.lastIndex = i + (closing ? 2 : 1);
    const m = NAME_RE.exec(html);
    if (!m) continue; // text, a comment or a declaration: not an element
    const gt = tagEnds.next(NAME_RE.lastIndex);
    if (gt < 0) break; // an unfinished tag at the end is text
    const name = m[0].toLowerCase();
    const end = gt + 1;
    tagChars += end - i;
    const counted = !VOID.has(name) && !IMPLIED_END.has(name);
    if (closing) {
      if (elements > maxElements) {
        drop(i, end, name);
        lateDropped++;
      } else if (counted && depth > 0) {
        if (depth > maxDepth) {
          drop(i, end, name);
          deepDropped++;
        }
        depth--;
      }
      if ((name === 'svg' || name === 'math') && foreign > 0) foreign--;
      i = gt;
      continue;
    }
    elements++;
    const selfClosing = foreign > 0 && html[gt - 1] === '/';
    if ((name === 'svg' || name === 'math') && html[gt - 1] !== '/') foreign++;
    if (elements > maxElements) {
      drop(i, end, name);
      lateDropped++;
    } else if (counted && !selfClosing && ++depth > maxDepth) {
      drop(i, end, name);
      deepDropped++;
    }
    if (depth > deepest) deepest = depth;
    i = gt;
    if (RAW_TEXT.has(name) && !selfClosing) {
      // its content is text up to its own end tag (or the end of the page)
      let ends = rawEnds.get(name);
      if (!ends) rawEnds.set(name, (ends = new ForwardSearch(html, new RegExp(`</${name}[\\s>/]`, 'gi'))));
      const close = ends.next(end);
      if (close < 0) break;
      i = close - 1;
      tagChars += close - end; // not text to read
    }
  }
  const measured = { textChars: html.length - tagChars, maxDepth: deepest, elements };
  const warnings: string[] = [];
  if (deepDropped)
    warnings.push(
      `markup nested deeper than ${maxDepth} levels: ${deepDropped} tags beyond that depth were dropped (their text is kept)`,
    );
  if (lateDropped)
    warnings.push(
      `markup has more than ${maxElements} elements: the ${lateDropped} tags after them were dropped (their text is kept)`,
    );
  if (!parts.length) return { html, warnings, ...measured };
  parts.push(html.slice(kept));
  return { html: parts.join(''), warnings, ...measured };
}
