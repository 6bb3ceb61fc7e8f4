/**
 * Merging two stored entities after the fact. Batches arrive in any order: an article that names only
 * "Corvane" may be stored before the one that shows "Corvane" is short for "Corvane Shipping", so the store
 * holds an entity "Corvane" of its own. When a later batch's entity (the full name) carries that short
 * form as an alias, and no other stored entity of the type is known by it, the short form's entity is the same
 * entity and is merged into it: its mentions, quotes, aliases and story statistics move over, and the stories
 * it appears in get a new version (their stored timelines are refreshed like any touched story's).
 */
import type Database from 'better-sqlite3';
import { coreTokens, foldToken } from '../nlp/entities/names.js';
import { decodeVector, encodeVector } from '../stories/cluster.js';
import type { MentionRow } from './annotations.js';
import { matchKeys } from './entity-link.js';

/** Prepared statements per database (these run for every entity of every batch). */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function st(db: Database.Database, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * A stored entity found through an alias by a batch entity with a fuller name ("Corvane", stored first, found
 * by "Corvane Shipping" whose aliases include "Corvane") takes the fuller name, as one batch would have named
 * it: when the batch's name has more words and no other entity of the type has it. Returns the stories whose
 * articles mention it (their versions are bumped: their timelines list the entity by name), or null.
 */
export function takeFullerName(
  db: Database.Database,
  rowid: number,
  type: string,
  name: string,
  nameKey: string,
  aliasKeys: ReadonlySet<string>,
): number[] | null {
  const stored = st(db, 'SELECT name, key FROM entities WHERE rowid = ?').get(rowid) as
    { name: string; key: string } | undefined;
  if (!stored || stored.key === nameKey || !aliasKeys.has(stored.key)) return null;
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  if (words(name) <= words(stored.name)) return null;
  if (st(db, 'SELECT 1 FROM entities WHERE type = ? AND key = ?').get(type, nameKey)) return null;
  st(db, 'UPDATE entities SET name = ?, key = ? WHERE rowid = ?').run(name, nameKey, rowid);
  st(db, 'DELETE FROM entity_keys WHERE entity_rowid = ?').run(rowid);
  const put = st(db, 'INSERT OR IGNORE INTO entity_keys (kind, key, entity_rowid) VALUES (?, ?, ?)');
  for (const [kind, key] of matchKeys(type as never, name)) put.run(kind, key, rowid);
  return bumpStories(
    db,
    st(db, 'SELECT article_rowid FROM article_entities WHERE entity_rowid = ?')
      .pluck()
      .all(rowid) as number[],
  );
}

/** The stories of these articles, each given a new version. */
function bumpStories(db: Database.Database, articles: number[]): number[] {
  if (!articles.length) return [];
  const stories = st(
    db,
    'SELECT DISTINCT story_rowid FROM articles WHERE story_rowid IS NOT NULL AND rowid IN (SELECT value FROM json_each(?))',
  )
    .pluck()
    .all(JSON.stringify(articles)) as number[];
  const bump = st(db, 'UPDATE stories SET version = version + 1 WHERE rowid = ?');
  for (const s of stories) bump.run(s);
  return stories;
}

/**
 * The stored entity (other than `into`) of this type whose name has this key, when it is the only other
 * entity of the type known by the key (as name or alias); otherwise null (ambiguous or none).
 */
export function shortFormEntity(
  db: Database.Database,
  into: number,
  type: string,
  key: string,
): number | null {
  const rows = st(
    db,
    `SELECT rowid FROM entities WHERE type = @type AND key = @key AND rowid != @into
       UNION SELECT a.entity_rowid FROM entity_aliases a JOIN entities e ON e.rowid = a.entity_rowid
       WHERE a.key = @key AND e.type = @type AND e.rowid != @into LIMIT 2`,
  )
    .pluck()
    .all({ type, key, into }) as number[];
  if (rows.length !== 1) return null;
  // The one entity must be known by the key as its name (an alias alone may be someone else's short form).
  const own = st(db, 'SELECT name FROM entities WHERE rowid = ? AND key = ?').pluck().get(rows[0], key) as
    string | undefined;
  if (own === undefined) return null;
  // A lone surname is someone's only when no other stored full name has that surname.
  const tokens = type === 'PERSON' ? coreTokens(own, 'PERSON') : [];
  if (tokens.length === 1) {
    const others = st(
      db,
      "SELECT 1 FROM entity_keys WHERE kind = 'last' AND key = ? AND entity_rowid != ? LIMIT 1",
    ).get(foldToken(tokens[0]!), into) as unknown;
    if (others) return null;
  }
  return rows[0]!;
}

/**
 * Merge stored entity `from` into `into` (inside the caller's transaction). Returns the rowids of the stories
 * whose articles mention `from` (their entity statistics changed; their versions are bumped).
 */
export function mergeEntity(db: Database.Database, from: number, into: number): number[] {
  const articles = st(db, 'SELECT article_rowid FROM article_entities WHERE entity_rowid = ?')
    .pluck()
    .all(from) as number[];
  // Per-article counts: summed where the article mentions both, moved otherwise.
  st(
    db,
    `UPDATE article_entities AS f SET mentions = f.mentions + l.mentions, first = min(f.first, l.first)
     FROM article_entities AS l WHERE l.entity_rowid = @from AND f.entity_rowid = @into AND f.article_rowid = l.article_rowid`,
  ).run({ from, into });
  st(
    db,
    `DELETE FROM article_entities WHERE entity_rowid = @from
     AND article_rowid IN (SELECT article_rowid FROM article_entities WHERE entity_rowid = @into)`,
  ).run({ from, into });
  st(db, 'UPDATE article_entities SET entity_rowid = ? WHERE entity_rowid = ?').run(into, from);
  // The stored mentions name the entity by rowid.
  const getMentions = st(db, 'SELECT mentions FROM annotations WHERE article_rowid = ?').pluck();
  const setMentions = st(db, 'UPDATE annotations SET mentions = ? WHERE article_rowid = ?');
  for (const r of articles) {
    const json = getMentions.get(r) as string | undefined;
    if (!json) continue;
    const rows = JSON.parse(json) as MentionRow[];
    for (const m of rows) if (m[4] === from) m[4] = into;
    setMentions.run(JSON.stringify(rows), r);
  }
  st(db, 'UPDATE quotes SET speaker_entity_rowid = ? WHERE speaker_entity_rowid = ?').run(into, from);
  st(
    db,
    'INSERT OR IGNORE INTO entity_aliases (entity_rowid, alias, key) SELECT ?, alias, key FROM entity_aliases WHERE entity_rowid = ?',
  ).run(into, from);
  st(
    db,
    'UPDATE entities SET mentions = mentions + (SELECT mentions FROM entities WHERE rowid = @from) WHERE rowid = @into',
  ).run({ from, into });
  // Aliases and match keys of `from` go with it (ON DELETE CASCADE).
  st(db, 'DELETE FROM entities WHERE rowid = ?').run(from);
  // Stories: the entity's weight in their entity vectors moves to `into`.
  const stories = bumpStories(db, articles);
  const getVec = st(db, 'SELECT entity_vec FROM stories WHERE rowid = ?').pluck();
  const setVec = st(db, 'UPDATE stories SET entity_vec = ? WHERE rowid = ?');
  for (const s of stories) {
    const vec = decodeVector(getVec.get(s) as string | null);
    const w = vec.get(`e${from}`);
    if (w !== undefined) {
      vec.delete(`e${from}`);
      vec.set(`e${into}`, (vec.get(`e${into}`) ?? 0) + w);
    }
    setVec.run(encodeVector(vec), s);
  }
  return stories;
}
