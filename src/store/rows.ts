/**
 * Row shapes and row-to-model conversions shared by the store's two article readers: the full reader in
 * sqlite.ts (`rebuild`) and the lean timeline reader in timeline-state.ts.
 */
import type Database from 'better-sqlite3';
import type { Quote } from '../model.js';

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
  raw_text: string | Buffer | null;
  text: string;
  removed: string | null;
  warnings: string | null;
  duplicate_of: string | null;
  lines_are_sentences: number;
  story_rowid: number | null;
}

/** SQL for "a row's article rowid is one of a JSON array bound as the only parameter". */
export const IN_JSON = 'IN (SELECT value FROM json_each(?))';

/**
 * Run `sql` (one parameter: the JSON array of article rowids) in raw mode and group its rows by their first
 * column, the article rowid, which stays in each row.
 */
export function groupByArticle<T extends unknown[]>(
  db: Database.Database,
  sql: string,
  ids: string,
): Map<number, [number, ...T][]> {
  const by = new Map<number, [number, ...T][]>();
  for (const row of db.prepare(sql).raw().iterate(ids) as IterableIterator<[number, ...T]>) {
    let list = by.get(row[0]);
    if (!list) by.set(row[0], (list = []));
    list.push(row);
  }
  return by;
}

/** The quotes of the given articles, in order, with the speaker entity's id; rows for quoteFromRow. */
export const QUOTES_SQL = `SELECT q.article_rowid, q.text, q.kind, q.speaker, e.id, q.speaker_text, q.cue, q.start, q.end, q.sentence_index FROM quotes q
       LEFT JOIN entities e ON e.rowid = q.speaker_entity_rowid WHERE q.article_rowid ${IN_JSON} ORDER BY q.article_rowid, q.idx`;

/** The columns of QUOTES_SQL after the article rowid. */
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
