/**
 * An article's sentence and mention annotations as stored: one `annotations` row per article (schema
 * migration 3) instead of a row per sentence and per mention. Writing a 50-sentence article used to cost
 * some 150 row inserts; it now costs one, plus a row per distinct entity in `article_entities`, which keeps
 * the queries by entity (search filter, a story's entities, a timeline's entity counts) indexed.
 *
 * Columns (all text, so the file stays readable with the sqlite3 shell):
 * - `sentences`: JSON `[[index, start, end, dupGroup|null, timexes?], ...]` in sentence order (timexes only
 *   when there are any);
 * - `tokens`: each sentence's tokens encoded by `encodeTokens` (prepare.ts), one line per sentence, so a reader
 *   that needs the tokens of one sentence decodes only that line, and one that needs none parses nothing;
 * - `mentions`: JSON `[[start, end, sentenceIndex, type, entityRowid|null], ...]`, ordered by (start, end),
 *   one per span (the first mention given for a span wins, as the old primary key did).
 */
import type { EntityType, Mention, Timex } from '../../model.js';

/** One sentence's stored fields. */
export type SentenceMeta = [number, number, number, number | null, Timex[]?];
/** One stored mention: start, end, sentence index, type, entity rowid. */
export type MentionRow = [number, number, number, EntityType, number | null];

/** The `mentions` column of an article, and per entity rowid [mentions stored, position of its first mention]
 * in the order entities are first met (the `sentences` and `tokens` columns are prepared in prepare.ts; these
 * depend on the stored entity rowids). */
export function encodeMentions(
  mentions: readonly Mention[],
  entityOf: (m: Mention) => number | null,
): { mentions: string; entities: Map<number, [number, number]> } {
  // One mention per span, the first given; then in (start, end) order (a stable sort keeps ties as given).
  const seen = new Set<number>();
  const rows: MentionRow[] = [];
  for (const m of mentions) {
    const key = m.start * 4294967296 + m.end;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([m.start, m.end, m.sentenceIndex, m.type, entityOf(m)]);
  }
  rows.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const entities = new Map<number, [number, number]>();
  rows.forEach((r, i) => {
    if (r[4] === null) return;
    const e = entities.get(r[4]);
    if (e) e[0]++;
    else entities.set(r[4], [1, i]);
  });
  return { mentions: JSON.stringify(rows), entities };
}

export function decodeSentenceMeta(json: string): SentenceMeta[] {
  return JSON.parse(json) as SentenceMeta[];
}

/** The encoded tokens of each sentence (index = position in the article's sentence list). */
export function tokenLines(tokens: string): string[] {
  return tokens.split('\n');
}

/** Mentions of an article's text from their stored rows; `entityId` maps a stored entity rowid to its id. */
export function decodeMentions(
  json: string,
  text: string,
  entityId: (rowid: number) => string | undefined,
): Mention[] {
  return (JSON.parse(json) as MentionRow[]).map(([start, end, sentenceIndex, type, er]) => {
    const m: Mention = { text: text.slice(start, end), start, end, sentenceIndex, type };
    const id = er === null ? undefined : entityId(er);
    if (id) m.entityId = id;
    return m;
  });
}

/** Entity rowids referred to by stored mention rows. */
export function mentionEntityRowids(json: string, into: Set<number>): void {
  for (const r of JSON.parse(json) as MentionRow[]) if (r[4] !== null) into.add(r[4]);
}
