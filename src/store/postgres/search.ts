/**
 * Full-text search on PostgreSQL: the stored tsvector (title weight A, text weight B), ranked by ts_rank with
 * ts_headline snippets, in the form SQLite's search gives.
 *
 * At 200,000 articles the cost is in finding a query's most recent matches (the candidates a search ranks):
 * SQLite's full-text index walks its lists newest first and stops; a GIN index returns every match, in no
 * order, and the alternative, walking the table newest first, reads every row in between. So the GIN index
 * (schema.ts, version 3) also holds each article's recency bucket (its rowid >> RECENCY_BITS) as a lexeme, and
 * a query asks for its matches in the newest buckets first (recentMatches). Each statement is written with the
 * query as an expression of its parameters, which the planner folds to a constant.
 */
import type pg from 'pg';
import type { SearchFilters, SearchHit } from '../types.js';
import { storedDay } from '../core/days.js';
import { normKey } from '../core/prepare.js';
import { searchPhrases } from '../core/search.js';
import { RECENCY_BITS, RECENT_VECTOR } from './schema.js';

/** ts_headline options: about the 16-word window SQLite's snippets give, matched words in [brackets]. */
const HEADLINE = 'StartSel=[, StopSel=], MaxWords=16, MinWords=8, MaxFragments=1, FragmentDelimiter=…';

/** ts_rank's weights for D, C, B, A: the title (A) weighs 4x the text (B), as bm25(4.0, 1.0) in SQLite. */
const WEIGHTS = "'{0.1, 0.2, 0.25, 1.0}'";

const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

/** "…" before and after a headline that does not start or end where the text does. */
function withEllipses(headline: string, text: string): string {
  const plain = headline.replace(/[[\]]/g, '');
  return (text.startsWith(plain) ? '' : '…') + headline + (text.endsWith(plain) ? '' : '…');
}

type Row = Omit<SearchHit, 'snippet' | 'score'> & {
  text: string;
  snippet: string;
  titleSnippet: string;
  r: number;
};

/**
 * What reading one match from the table (and ranking it) costs against reading one row's bucket entry in the
 * index: about 10 on 200,000 synthetic articles (1.5 against 0.15 microseconds). It decides when the rest of the
 * matches is read without buckets.
 */
const MATCH_COST = 10;

interface Candidates {
  /** Rowids of the most recent matches, newest first, their ranks, and whether they pass the filters. */
  rowids: number[];
  ranks: number[];
  pass: boolean[];
  /** Whether there are more matches than these. */
  more: boolean;
}

/**
 * The `cap` most recently stored matches of the query (those passing `filter` when given in `where`), ranked,
 * with whether each passes `filter`. The GIN index holds each article's recency bucket (RECENCY_BITS), so the
 * matches of a few buckets cost about their number. Buckets are read newest first, one, then groups twice as
 * large but never more rows than those already read, until enough matches are found; once the rows left are
 * no more than those read, the rest comes through the index without buckets (skipping the newer matches,
 * fewer than `cap` by then). A common query stops in the first buckets, a rare one takes a few short steps: the
 * rows read stay about `cap` plus as many more at most. (A single query would leave the choice to the planner,
 * which takes a query's words as independent, while words of one sentence match together far more often, and
 * then walks most of the table.)
 */
async function recentMatches(
  pool: pg.Pool,
  params: unknown[],
  query: string,
  cap: number,
  filter: string,
  where: boolean,
): Promise<Candidates> {
  const out: Candidates = { rowids: [], ranks: [], pass: [], more: false };
  const top = (await pool.query<{ m: number | null }>('SELECT max(rowid) AS m FROM articles')).rows[0]!.m;
  if (top === null) return out;
  const n = params.length;
  const bucket = 2 ** RECENCY_BITS;
  const want = cap + 1;
  const step = async (match: string, extra: unknown) => {
    const rows = (
      await pool.query<{ rowid: number; r: number; pass: boolean }>(
        `SELECT a.rowid, ts_rank(${WEIGHTS}, a.fts, ${query}) AS r, ${filter || 'true'} AS pass FROM articles a
         WHERE ${match} ${where && filter ? `AND ${filter}` : ''}
         ORDER BY a.rowid + 0 DESC LIMIT $${n + 2}::int`,
        [...params, extra, want - out.rowids.length],
      )
    ).rows;
    for (const r of rows) {
      out.rowids.push(r.rowid);
      out.ranks.push(r.r);
      out.pass.push(r.pass);
    }
  };
  // Rows below `pos` are still to be read; `rowid + 0` above keeps the planner from walking the primary key.
  let pos = (Math.floor(top / bucket) + 1) * bucket;
  while (out.rowids.length < want && pos > 0) {
    const read = Math.max(top + 1 - pos, 0);
    const need = want - out.rowids.length;
    // The share of rows that matched so far: the rest through the index costs a table read per match (all of
    // them, the newer ones skipped), more buckets one index entry per row until `need` more matches are seen.
    const share = read ? out.rowids.length / read : 1;
    if (read >= pos || need > share * share * (top + 1) * MATCH_COST) {
      await step(`${RECENT_VECTOR} @@ ${query} AND a.rowid < $${n + 1}::int`, pos);
      break;
    }
    let group = 1;
    while (2 * group * bucket <= Math.max(read, bucket) && 2 * group * bucket <= pos) group *= 2;
    const first = pos / bucket - group;
    const buckets = Array.from({ length: group }, (_, i) => `' r${first + i}'`).join(' | ');
    await step(`${RECENT_VECTOR} @@ (${query} && $${n + 1}::tsquery)`, buckets);
    pos = first * bucket;
  }
  if (out.rowids.length > cap) {
    out.more = true;
    out.rowids.length = out.ranks.length = out.pass.length = cap;
  }
  return out;
}

/**
 * Ranked full-text search: every word or quoted phrase must match (phraseto_tsquery, English stemming). As in
 * SQLite, only the `candidates` most recently stored matches are ranked (so a common word costs about the same
 * at any size), filters applied to them; when that leaves too few hits and there are more matches than
 * candidates, the most recent matches that pass the filters are ranked instead. Snippets are made for the
 * returned hits only.
 */
export async function pgSearch(
  pool: pg.Pool,
  terms: string,
  filters: SearchFilters,
  candidates: number,
): Promise<SearchHit[]> {
  const phrases = searchPhrases(terms).map((w) => w.join(' '));
  if (!phrases.length) return [];
  const limit = filters.limit ?? 20;
  const cap = Math.max(candidates, limit);
  const query = `(${phrases.map((_, i) => `phraseto_tsquery('english', $${i + 1}::text)`).join(' && ')})`;
  // The filters' parameters follow the phrases'; every statement below uses them all.
  const params: unknown[] = [...phrases];
  const p = (v: string) => {
    params.push(v);
    return `$${params.length}::text`;
  };
  const where: string[] = [];
  if (filters.source) where.push(`lower(a.source) = lower(${p(filters.source)})`);
  if (filters.from) where.push(`a.published_at >= ${p(filters.from)}`);
  if (filters.to) where.push(`a.published_at <= ${p(filters.to)}`);
  if (filters.story) {
    const s = p(filters.story);
    where.push(`a.story_rowid = coalesce((SELECT rowid FROM stories WHERE id = ${s}),
      (SELECT story_rowid FROM story_aliases WHERE id = ${s}))`);
  }
  if (filters.entity) {
    const k = p(normKey(filters.entity));
    where.push(`a.rowid IN (SELECT ae.article_rowid FROM article_entities ae WHERE ae.entity_rowid IN
      (SELECT rowid FROM entities WHERE key = ${k} UNION SELECT entity_rowid FROM entity_aliases WHERE key = ${k}))`);
  }
  const filter = where.length ? `(${where.join(' AND ')})` : '';
  // 1. Rank the most recent matches, then filter them (cheap when the filters keep a fair share).
  let found = await recentMatches(pool, params, query, cap, filter, false);
  let best = bestOf(found, limit);
  // 2. Too few passed the filters and there are more matches than candidates: rank the most recent matches
  //    that pass the filters.
  if (filter && best.length < limit && found.more) {
    found = await recentMatches(pool, params, query, cap, filter, true);
    best = bestOf(found, limit);
  }
  // The hits' fields and snippets, best first.
  const k = phrases.length;
  const hits = (
    await pool.query<Row>(
      `SELECT a.id AS "articleId", a.title, a.source, a.published_at AS "publishedAt", a.url, a.text, top.r,
         ts_headline('english', a.text, ${query}, '${HEADLINE}') AS snippet,
         ts_headline('english', coalesce(a.title, ''), ${query}, '${HEADLINE}') AS "titleSnippet"
       FROM unnest($${k + 1}::int[], $${k + 2}::real[]) WITH ORDINALITY AS top(rowid, r, i)
       JOIN articles a ON a.rowid = top.rowid ORDER BY top.i`,
      [...phrases, best.map((i) => found.rowids[i]), best.map((i) => found.ranks[i])],
    )
  ).rows;
  // The title's snippet when the text has none of the words (as SQLite's snippets); "…" where the text was cut.
  return hits.map(({ r, snippet, titleSnippet, text, ...h }) => ({
    ...h,
    publishedAt: storedDay(h.publishedAt),
    snippet:
      !snippet.includes('[') && titleSnippet.includes('[')
        ? squash(titleSnippet)
        : withEllipses(squash(snippet), squash(text)),
    score: Number(r.toPrecision(4)),
  }));
}

/** Indexes of the best `limit` candidates that pass the filters: highest rank first, then the newest. */
function bestOf(found: Candidates, limit: number): number[] {
  const order = found.rowids.map((_, i) => i).filter((i) => found.pass[i]);
  order.sort((x, y) => found.ranks[y]! - found.ranks[x]! || found.rowids[y]! - found.rowids[x]!);
  return order.slice(0, limit);
}
