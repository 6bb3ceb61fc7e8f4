/**
 * Merging two stored entities after the fact. Batches arrive in any order: an article that names only
 * "Corvane" may be stored before the one that shows "Corvane" is short for "Corvane Shipping", so the store
 * holds an entity "Corvane" of its own. When a later batch's entity carries that short form as an alias, the
 * short form is one by the entities stage's rules (isShortForm: surname, first words, acronym), the two have
 * the same type, no other stored entity of the type is known by it, and the short form is not the better
 * attested name, the short form's entity is merged into the batch's: its mentions, quotes, aliases and story
 * statistics move over, and the stories it appears in get a new version (their stored timelines are refreshed
 * like any touched story's). A stored entity is never renamed: a batch's chosen name is at times the entities
 * stage's mistake ("Corvane Okafor" for a batch's Okafor), which must not replace a name the store has attested.
 */
import type Database from 'better-sqlite3';
import type { EntityType } from '../model.js';
import { coreTokens, foldToken } from '../nlp/entities/names.js';
import { decodeVector, encodeVector } from '../stories/cluster.js';
import type { MentionRow } from './annotations.js';
import { IN_JSON } from './rows.js';

/** The store's cached prepared statements (SqliteStore's `stmt`): these run for every entity of every batch. */
export type Statements = (sql: string, mode?: 'pluck') => Database.Statement;

/**
 * Whether `short` is a short form of `full` by the entities stage's own rules: a lone surname of a person's
 * full name, the first words of an organisation's or place's name ("Corvane" of "Corvane Shipping"), or an
 * acronym of its capitalised words ("EPA"). An alias alone is not enough: the aliases of a batch entity carry
 * its variant spellings and, at times, the stage's mistakes, which must not spread across the store.
 */
export function isShortForm(short: string, full: string, type: EntityType): boolean {
  const s = coreTokens(short, type).map(foldToken);
  const f = coreTokens(full, type).map(foldToken);
  if (!s.length || s.length >= f.length) return false;
  if (type === 'PERSON') return s.length === 1 && s[0] === f[f.length - 1];
  if (s.every((t, i) => t === f[i])) return true;
  const acronym = short.replace(/\./g, '');
  return (
    /^[A-Z]{2,}$/.test(acronym) &&
    full
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('') === acronym
  );
}

/** The stories of these articles, each given a new version. */
function bumpStories(st: Statements, articles: number[]): number[] {
  if (!articles.length) return [];
  const stories = st(
    `SELECT DISTINCT story_rowid FROM articles WHERE story_rowid IS NOT NULL AND rowid ${IN_JSON}`,
    'pluck',
  ).all(JSON.stringify(articles)) as number[];
  const bump = st('UPDATE stories SET version = version + 1 WHERE rowid = ?');
  for (const s of stories) bump.run(s);
  return stories;
}

/**
 * The stored entity (other than `into`) of this type whose name has this key, when it is the only other
 * entity of the type known by the key (as name or alias) and a short form of `into`'s name; otherwise null.
 * `mentions`: the batch's mentions of `into` (not counted in the store yet).
 */
export function shortFormEntity(
  st: Statements,
  into: number,
  type: EntityType,
  key: string,
  mentions: number,
): number | null {
  // The entity named so (one point lookup: most aliases name no other entity, and this runs for each).
  const own = st('SELECT rowid, name, mentions FROM entities WHERE type = ? AND key = ? AND rowid != ?').get(
    type,
    key,
    into,
  ) as { rowid: number; name: string; mentions: number } | undefined;
  if (!own) return null;
  // A short form (isShortForm) of the entity's name, of its type, and not the better attested of the two.
  const target = st('SELECT name, type, mentions FROM entities WHERE rowid = ?').get(into) as
    { name: string; type: EntityType; mentions: number } | undefined;
  if (
    !target ||
    target.type !== type ||
    own.mentions > target.mentions + mentions ||
    !isShortForm(own.name, target.name, type)
  )
    return null;
  // No third entity of the type known by the key as an alias.
  const other = st(
    `SELECT 1 FROM entity_aliases a JOIN entities e ON e.rowid = a.entity_rowid
     WHERE a.key = @key AND e.type = @type AND e.rowid != @into AND e.rowid != @own LIMIT 1`,
  ).get({ key, type, into, own: own.rowid }) as unknown;
  if (other) return null;
  // A lone surname is someone's only when no other stored full name has that surname.
  const tokens = type === 'PERSON' ? coreTokens(own.name, 'PERSON') : [];
  if (tokens.length === 1) {
    const others = st(
      "SELECT 1 FROM entity_keys WHERE kind = 'last' AND key = ? AND entity_rowid != ? LIMIT 1",
    ).get(foldToken(tokens[0]!), into) as unknown;
    if (others) return null;
  }
  return own.rowid;
}

/**
 * Merge stored entity `from` into `into` (inside the caller's transaction). Returns the rowids of the stories
 * whose articles mention `from` (their entity statistics changed; their versions are bumped).
 */
export function mergeEntity(st: Statements, from: number, into: number): number[] {
  const articles = st('SELECT article_rowid FROM article_entities WHERE entity_rowid = ?', 'pluck').all(
    from,
  ) as number[];
  // Per-article counts: summed where the article mentions both, moved otherwise.
  st(
    `UPDATE article_entities AS f SET mentions = f.mentions + l.mentions, first = min(f.first, l.first)
     FROM article_entities AS l WHERE l.entity_rowid = @from AND f.entity_rowid = @into AND f.article_rowid = l.article_rowid`,
  ).run({ from, into });
  st(
    `DELETE FROM article_entities WHERE entity_rowid = @from
     AND article_rowid IN (SELECT article_rowid FROM article_entities WHERE entity_rowid = @into)`,
  ).run({ from, into });
  st('UPDATE article_entities SET entity_rowid = ? WHERE entity_rowid = ?').run(into, from);
  // The stored mentions name the entity by rowid.
  const getMentions = st('SELECT mentions FROM annotations WHERE article_rowid = ?', 'pluck');
  const setMentions = st('UPDATE annotations SET mentions = ? WHERE article_rowid = ?');
  for (const r of articles) {
    const json = getMentions.get(r) as string | undefined;
    if (!json) continue;
    const rows = JSON.parse(json) as MentionRow[];
    for (const m of rows) if (m[4] === from) m[4] = into;
    setMentions.run(JSON.stringify(rows), r);
  }
  st('UPDATE quotes SET speaker_entity_rowid = ? WHERE speaker_entity_rowid = ?').run(into, from);
  st(
    'INSERT OR IGNORE INTO entity_aliases (entity_rowid, alias, key) SELECT ?, alias, key FROM entity_aliases WHERE entity_rowid = ?',
  ).run(into, from);
  st(
    'UPDATE entities SET mentions = mentions + (SELECT mentions FROM entities WHERE rowid = @from) WHERE rowid = @into',
  ).run({ from, into });
  // Aliases and match keys of `from` go with it (ON DELETE CASCADE).
  st('DELETE FROM entities WHERE rowid = ?').run(from);
  // Stories: the entity's weight in their entity vectors moves to `into`.
  const stories = bumpStories(st, articles);
  const getVec = st('SELECT entity_vec FROM stories WHERE rowid = ?', 'pluck');
  const setVec = st('UPDATE stories SET entity_vec = ? WHERE rowid = ?');
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
