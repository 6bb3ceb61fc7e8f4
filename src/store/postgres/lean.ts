/**
 * The timeline source's reads (core/timeline-source.ts) on PostgreSQL. A driver cannot read a column on first
 * access as SQLite does, so every column an article needs comes with its row. A 5,000-article story is read in
 * a few statements sent at once on the pool's connections (the server answers one while the client decodes
 * another), each reading its rows by primary key.
 */
import type pg from 'pg';
import type { EntityType } from '../../model.js';
import { groupRows, type QuoteColumns } from '../core/rows.js';
import type { LeanReader, LeanRow } from '../core/timeline-source.js';

/** Quotes of articles (by rowid), with their speakers' entity ids, in article and quote order. */
export const QUOTES_SQL = `SELECT q.article_rowid, q.text, q.kind, q.speaker, e.id, q.speaker_text, q.cue, q.start, q."end", q.sentence_index
  FROM quotes q LEFT JOIN entities e ON e.rowid = q.speaker_entity_rowid WHERE q.article_rowid = ANY($1::int[])
  ORDER BY q.article_rowid, q.idx`;

const LEAN_SQL = `SELECT a.rowid, a.id, a.content_hash, a.canonical_url, a.url, a.path, a.title, a.byline, a.source,
  a.published_at, a.published_at_evidence, a.language, a.topic, a.text, a.removed, a.warnings, a.duplicate_of,
  a.lines_are_sentences, a.raw_text, n.sentences, n.tokens, n.mentions, t.data
  FROM articles a LEFT JOIN annotations n ON n.article_rowid = a.rowid LEFT JOIN sentence_terms t ON t.article_rowid = a.rowid
  WHERE a.rowid = ANY($1::int[])`;

/** Per article, its entities as "rowid,mentions;..." in first-mention order. */
const ENTITY_LISTS_SQL = `SELECT article_rowid AS a, string_agg(entity_rowid || ',' || mentions, ';' ORDER BY first) AS list
  FROM article_entities WHERE article_rowid = ANY($1::int[]) GROUP BY article_rowid`;

export function pgLeanReader(pool: pg.Pool): LeanReader {
  const entityIds = new Map<number, string>();
  const rows = async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[];
  return {
    async storyArticles(storyRowid) {
      return (
        await rows<{ rowid: number }>('SELECT rowid FROM articles WHERE story_rowid = $1', [storyRowid])
      ).map((r) => r.rowid);
    },
    async articles(rowids) {
      const [lists, quoteRows, leanRows] = await Promise.all([
        rows<{ a: number; list: string }>(ENTITY_LISTS_SQL, [rowids]),
        pool.query({ text: QUOTES_SQL, values: [rowids], rowMode: 'array' }),
        rows<LeanRow>(LEAN_SQL, [rowids]),
      ]);
      const entities = new Map<number, string>();
      // The ids of the entities the lists name (mentions are decoded with them).
      const named = new Set<number>();
      for (const r of lists) {
        entities.set(r.a, r.list);
        for (const pair of r.list.split(';')) named.add(Number(pair.slice(0, pair.indexOf(','))));
      }
      if (named.size)
        for (const r of await rows<{ rowid: number; id: string }>(
          'SELECT rowid, id FROM entities WHERE rowid = ANY($1::int[])',
          [[...named]],
        ))
          entityIds.set(r.rowid, r.id);
      const quotes = groupRows<QuoteColumns>(quoteRows.rows as [number, ...QuoteColumns][]);
      return { rows: leanRows, entities, quotes };
    },
    async terms(ids) {
      const out = new Map<number, string>();
      for (const r of await rows<{ id: number; term: string }>(
        'SELECT id, term FROM timeline_terms WHERE id = ANY($1::int[])',
        [ids],
      ))
        out.set(r.id, r.term);
      return out;
    },
    async entities(rowids) {
      const out = new Map<number, { id: string; name: string; type: EntityType; aliases: string[] }>();
      const [named, aliases] = await Promise.all([
        rows<{ rowid: number; id: string; name: string; type: EntityType }>(
          'SELECT rowid, id, name, type FROM entities WHERE rowid = ANY($1::int[])',
          [rowids],
        ),
        rows<{ er: number; alias: string }>(
          'SELECT entity_rowid AS er, alias FROM entity_aliases WHERE entity_rowid = ANY($1::int[]) ORDER BY entity_rowid, alias COLLATE "C"',
          [rowids],
        ),
      ]);
      for (const r of named) out.set(r.rowid, { id: r.id, name: r.name, type: r.type, aliases: [] });
      for (const r of aliases) out.get(r.er)?.aliases.push(r.alias);
      return out;
    },
    // Every column is in the rows `articles` returns; these answer only for rows read there.
    rawText: () => undefined,
    tokens: () => undefined,
    mentions: () => undefined,
    entityId: (rowid) => entityIds.get(rowid),
  };
}
