/**
 * Forward regular-expression search with memory, shared by the HTML limits (end tags), the sentence splitter
 * (terminal punctuation) and the quote cues: written once, it was three copies of the same caching logic.
 */

/**
 * The first match of a global regular expression at or after a position, for searches that move
 * forward: a search that found nothing (or found a match past the new position) answers again without
 * reading the text, so many searches for a missing end tag (or a full stop megabytes away) cost one read of the text.
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
