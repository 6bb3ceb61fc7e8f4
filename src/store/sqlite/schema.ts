/**
 * The store's schema as versioned migrations. `PRAGMA user_version` holds the version a file was written
 * with; a file from a newer Chronicle is refused (never modified), an older one is migrated step by step.
 */
import type Database from 'better-sqlite3';
import type { EntityType } from '../../model.js';
import { matchKeys } from '../core/entity-link.js';

/** Write the match keys of every entity (a store migrated from before entity_keys existed). */
function backfillMatchKeys(db: Database.Database): void {
  const put = db.prepare('INSERT OR IGNORE INTO entity_keys (kind, key, entity_rowid) VALUES (?, ?, ?)');
  for (const [rowid, type, name] of db.prepare('SELECT rowid, type, name FROM entities').raw().all() as [
    number,
    EntityType,
    string,
  ][])
    for (const [kind, key] of matchKeys(type, name)) put.run(kind, key, rowid);
}

/** Migrations in order: migrations[i] takes a file from version i to i + 1. */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE stories (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    first_day TEXT,
    last_day TEXT,
    terms TEXT,            -- JSON: term -> summed log-tf weight (clustering centroid)
    entity_vec TEXT,       -- JSON: entity key -> summed mention count
    version INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    canonical_url TEXT UNIQUE,
    url TEXT, path TEXT, title TEXT, byline TEXT, source TEXT,
    published_at TEXT, published_at_evidence TEXT, language TEXT, topic TEXT,
    raw_text BLOB,         -- the text as read, deflate-compressed; NULL when equal to text
    text TEXT NOT NULL,
    removed TEXT, warnings TEXT,
    duplicate_of TEXT,
    lines_are_sentences INTEGER NOT NULL DEFAULT 0,
    story_rowid INTEGER REFERENCES stories(rowid) ON DELETE SET NULL,
    added_at TEXT NOT NULL
  );
  CREATE INDEX articles_story ON articles(story_rowid, published_at);
  CREATE INDEX articles_day ON articles(published_at);
  CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
  CREATE TABLE sentences (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    tokens TEXT NOT NULL,  -- compact "gap.len" base-36 pairs (see encodeTokens in core/prepare.ts)
    timexes TEXT,          -- JSON Timex[] or NULL
    dup_group INTEGER,
    PRIMARY KEY (article_rowid, idx)
  ) WITHOUT ROWID;
  CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 0,
    UNIQUE (type, key)
  );
  CREATE TABLE entity_aliases (
    entity_rowid INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (entity_rowid, key)
  ) WITHOUT ROWID;
  CREATE INDEX entity_aliases_key ON entity_aliases(key);
  CREATE TABLE mentions (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    type TEXT NOT NULL,
    entity_rowid INTEGER REFERENCES entities(rowid) ON DELETE SET NULL,
    PRIMARY KEY (article_rowid, start, end)
  ) WITHOUT ROWID;
  CREATE INDEX mentions_entity ON mentions(entity_rowid);
  CREATE TABLE quotes (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_entity_rowid INTEGER REFERENCES entities(rowid) ON DELETE SET NULL,
    speaker_text TEXT,
    cue TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    PRIMARY KEY (article_rowid, idx)
  ) WITHOUT ROWID;
  CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);
  CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
  -- Incremental per-story date statistics: articles published on a day and sentences referring to it.
  CREATE TABLE story_days (
    story_rowid INTEGER NOT NULL REFERENCES stories(rowid) ON DELETE CASCADE,
    day TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    refs INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (story_rowid, day)
  ) WITHOUT ROWID;
  -- Stored timelines: one per story and option set, tagged with the story version it reflects.
  CREATE TABLE timelines (
    story_rowid INTEGER NOT NULL REFERENCES stories(rowid) ON DELETE CASCADE,
    options_key TEXT NOT NULL,
    story_version INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (story_rowid, options_key)
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',
    tokenize='porter unicode61');
  CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
  END;
  CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
  END;
  `,
  // The timeline builder's per-sentence term statistics (src/store/timeline-state.ts), written at ingest so a
  // story's timeline is built without re-tokenising its sentences: a dictionary of stemmed content terms, and per
  // article one blob of varints (version, sentences, then per sentence: words, terms, term ids...). An
  // article without a row (older stores) has its statistics computed from the text when read.
  `
  CREATE TABLE timeline_terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);
  CREATE TABLE sentence_terms (
    article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  `,
  // Per-article annotations (src/store/annotations.ts) in place of a row per sentence and per mention: ingest
  // writes one row per article instead of ~150. Mentions by entity are kept indexed in article_entities
  // (mention count and the position of the first mention, for "in the order entities are met"). Existing rows
  // are carried over in the same transaction, then the old tables are dropped.
  `
  CREATE TABLE annotations (
    article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    sentences TEXT NOT NULL,  -- JSON [[index, start, end, dupGroup|null, timexes?], ...]
    tokens TEXT NOT NULL,     -- one line per sentence: its tokens as encodeTokens writes them
    mentions TEXT NOT NULL    -- JSON [[start, end, sentenceIndex, type, entityRowid|null], ...] by (start, end)
  );
  CREATE TABLE article_entities (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    entity_rowid INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    mentions INTEGER NOT NULL,
    first INTEGER NOT NULL,   -- position of the entity's first mention in the article's mention list
    PRIMARY KEY (article_rowid, entity_rowid)
  ) WITHOUT ROWID;
  CREATE INDEX article_entities_entity ON article_entities(entity_rowid);
  -- Match keys for linking a new batch's entities to stored ones (src/store/entity-link.ts): surname, vowel key
  -- of the surname, transliteration key, first name. Filled for existing entities by MIGRATION_BACKFILL[3].
  CREATE TABLE entity_keys (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    entity_rowid INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    PRIMARY KEY (kind, key, entity_rowid)
  ) WITHOUT ROWID;
  INSERT INTO annotations (article_rowid, sentences, tokens, mentions)
  SELECT a.rowid,
    coalesce((SELECT json_group_array(CASE WHEN s.timexes IS NULL
        THEN json_array(s.idx, s.start, s.end, s.dup_group)
        ELSE json_array(s.idx, s.start, s.end, s.dup_group, json(s.timexes)) END ORDER BY s.idx)
      FROM sentences s WHERE s.article_rowid = a.rowid), '[]'),
    coalesce((SELECT group_concat(s.tokens, char(10) ORDER BY s.idx) FROM sentences s WHERE s.article_rowid = a.rowid), ''),
    coalesce((SELECT json_group_array(json_array(m.start, m.end, m.sentence_index, m.type, m.entity_rowid)
        ORDER BY m.start, m.end) FROM mentions m WHERE m.article_rowid = a.rowid), '[]')
  FROM articles a;
  INSERT INTO article_entities (article_rowid, entity_rowid, mentions, first)
  SELECT article_rowid, entity_rowid, count(*), min(pos) FROM (
    SELECT article_rowid, entity_rowid,
      row_number() OVER (PARTITION BY article_rowid ORDER BY start, end) - 1 AS pos FROM mentions)
  WHERE entity_rowid IS NOT NULL GROUP BY article_rowid, entity_rowid;
  DROP TABLE sentences;
  DROP TABLE mentions;
  `,
  // 3 -> 4: indexes for merging stored entities (entity-merge.ts): a merge re-points the quotes of the merged
  // entity and deletes its match keys, and deleting an entity checks both tables; without these, each merge
  // scanned them whole.
  `
  CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_rowid);
  CREATE INDEX entity_keys_entity ON entity_keys(entity_rowid);
  `,
  // 4 -> 5: stable story ids (and an index for story summaries, below). A story merged into another keeps its id as an alias of the one it joined, so a
  // link or `--story` id given out before the merge still finds the story (re-pointed when that one merges in
  // turn). A story id is never reused: new ids skip aliases.
  `
  CREATE TABLE story_aliases (
    id TEXT PRIMARY KEY,
    story_rowid INTEGER NOT NULL REFERENCES stories(rowid) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX story_aliases_story ON story_aliases(story_rowid);
  -- A story's outlets (its summary) from the index alone, not by reading each of its articles: 12 ms -> 1 ms
  -- per summary of a 5,000-article story.
  CREATE INDEX articles_story_source ON articles(story_rowid, source);
  `,
  // Version 6: entities by name key whatever their type (the planner's cross-type question for every new
  // name), which UNIQUE (type, key) cannot answer without a scan of the table: 1.5 of 7.7 CPU s when ingesting
  // 400 Timeline17 articles, and a scan per new name that grows with the store.
  `
  CREATE INDEX entities_key ON entities(key);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Steps computed in JavaScript after a migration's SQL, in the same transaction: index -> step. */
export const MIGRATION_BACKFILL: Partial<Record<number, (db: Database.Database) => void>> = {
  2: backfillMatchKeys,
};
