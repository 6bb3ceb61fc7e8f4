/**
 * Row shapes of the store's tables as every backend reads them, and row-to-model conversions shared by the full
 * article reader (articles.ts) and the lean timeline reader (timeline-source.ts).
 */
import type { Quote } from '../../model.js';

/** A row of the `articles` table. */
export interface ArticleRow {
  rowid: number;
  id: string;
  content_hash: string;
  canonical_url: string | null;
  url: string | null;
  path: string | null;
  title: string | null;
  byline: string | null;
  source: string | null;
  published_at: string | null;
  published_at_evidence: string | null;
  language: string | null;
  topic: string | null;
  raw_text: Uint8Array | string | null;
  text: string;
  removed: string | null;
  warnings: string | null;
  duplicate_of: string | null;
  lines_are_sentences: number | boolean;
  story_rowid: number | null;
}

/** A quote row after its article's rowid: text, kind, speaker, speaker entity id, speaker text, cue, start, end,
 * sentence index (backends select these columns in this order). */
export type QuoteColumns = [
  string,
  Quote['kind'],
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  number,
];

export function quoteFromRow([, text, kind, speaker, seid, speakerText, cue, start, end, sentenceIndex]: [
  number,
  ...QuoteColumns,
]): Quote {
  return { text, kind, speaker, speakerEntityId: seid, speakerText, cue, start, end, sentenceIndex };
}

/** Rows grouped by their first column (an article rowid, kept in each row). */
export function groupRows<T extends unknown[]>(
  rows: Iterable<[number, ...T]>,
): Map<number, [number, ...T][]> {
  const by = new Map<number, [number, ...T][]>();
  for (const row of rows) {
    let list = by.get(row[0]);
    if (!list) by.set(row[0], (list = []));
    list.push(row);
  }
  return by;
}
