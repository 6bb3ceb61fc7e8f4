/**
 * The PostgreSQL store's schema as versioned migrations: the table `chronicle_schema` holds the version a database
 * was written with; a database from a newer Chronicle is refused (never modified), an older one is migrated step
 * by step, in one transaction holding the store's write lock (two processes opening a new database at once do
 * not both create it). The tables mirror SQLite's (sqlite/schema.ts at its version 5, so the same planner and
 * row mapping serve both); full-text search is a stored tsvector (title weight A, text weight B) with a GIN
 * index, in place of FTS5, computed before the write lock is taken (version 2).
 */

/** migrations[i] takes a database from version i to i + 1 (version 0: no chronicle_schema table). */
export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE chronicle_schema (version integer NOT NULL);
  INSERT INTO chronicle_schema (version) VALUES (0);
  CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE stories (
    rowid integer PRIMARY KEY,
    id text NOT NULL UNIQUE,
    title text NOT NULL DEFAULT '',
    size integer NOT NULL DEFAULT 0,
    first_day text,
    last_day text,
    terms text,
    entity_vec text,
    version integer NOT NULL DEFAULT 0
  );
  CREATE TABLE articles (
    rowid integer PRIMARY KEY,
    id text NOT NULL UNIQUE,
    content_hash text NOT NULL UNIQUE,
    canonical_url text UNIQUE,
    url text, path text, title text, byline text, source text,
    published_at text, published_at_evidence text, language text, topic text,
    raw_text bytea,
    text text NOT NULL,
    removed text, warnings text,
    duplicate_of text,
    lines_are_sentences integer NOT NULL DEFAULT 0,
    story_rowid integer REFERENCES stories(rowid) ON DELETE SET NULL,
    added_at text NOT NULL,
    fts tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
    ) STORED
  );
  CREATE INDEX articles_story ON articles(story_rowid, published_at);
  CREATE INDEX articles_day ON articles(published_at);
  CREATE INDEX articles_source ON articles(lower(source));
  CREATE INDEX articles_story_source ON articles(story_rowid, source);
  CREATE INDEX articles_fts ON articles USING gin(fts);
  CREATE TABLE entities (
    rowid integer PRIMARY KEY,
    id text NOT NULL UNIQUE,
    name text NOT NULL,
    key text NOT NULL,
    type text NOT NULL,
    mentions integer NOT NULL DEFAULT 0,
    UNIQUE (type, key)
  );
  CREATE INDEX entities_key ON entities(key);
  CREATE TABLE entity_aliases (
    entity_rowid integer NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    alias text NOT NULL,
    key text NOT NULL,
    PRIMARY KEY (entity_rowid, key)
  );
  CREATE INDEX entity_aliases_key ON entity_aliases(key);
  CREATE TABLE quotes (
    article_rowid integer NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx integer NOT NULL,
    text text NOT NULL,
    kind text NOT NULL,
    speaker text,
    speaker_entity_rowid integer REFERENCES entities(rowid) ON DELETE SET NULL,
    speaker_text text,
    cue text,
    start integer NOT NULL,
    "end" integer NOT NULL,
    sentence_index integer NOT NULL,
    PRIMARY KEY (article_rowid, idx)
  );
  CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_rowid);
  CREATE TABLE term_df (term text PRIMARY KEY, df integer NOT NULL);
  CREATE TABLE story_days (
    story_rowid integer NOT NULL REFERENCES stories(rowid) ON DELETE CASCADE,
    day text NOT NULL,
    articles integer NOT NULL DEFAULT 0,
    refs integer NOT NULL DEFAULT 0,
    PRIMARY KEY (story_rowid, day)
  );
  CREATE TABLE timelines (
    story_rowid integer NOT NULL REFERENCES stories(rowid) ON DELETE CASCADE,
    options_key text NOT NULL,
    story_version integer NOT NULL,
    json text NOT NULL,
    PRIMARY KEY (story_rowid, options_key)
  );
  CREATE TABLE timeline_terms (id integer PRIMARY KEY, term text NOT NULL UNIQUE);
  CREATE TABLE sentence_terms (
    article_rowid integer PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    data bytea NOT NULL
  );
  CREATE TABLE annotations (
    article_rowid integer PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    sentences text NOT NULL,
    tokens text NOT NULL,
    mentions text NOT NULL
  );
  CREATE TABLE article_entities (
    article_rowid integer NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    entity_rowid integer NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    mentions integer NOT NULL,
    first integer NOT NULL,
    PRIMARY KEY (article_rowid, entity_rowid)
  );
  CREATE INDEX article_entities_entity ON article_entities(entity_rowid, article_rowid);
  CREATE TABLE entity_keys (
    kind text NOT NULL,
    key text NOT NULL,
    entity_rowid integer NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    PRIMARY KEY (kind, key, entity_rowid)
  );
  CREATE INDEX entity_keys_entity ON entity_keys(entity_rowid);
  CREATE TABLE story_aliases (
    id text PRIMARY KEY,
    story_rowid integer NOT NULL REFERENCES stories(rowid) ON DELETE CASCADE
  );
  CREATE INDEX story_aliases_story ON story_aliases(story_rowid);
  `,
  // Version 2: the search vector is computed by the writer before it takes the write lock (searchVectors in
  // store.ts) and stored as given, instead of by a generated column inside the serial commit, where parsing
  // and stemming the batch's texts took about a third of the lock's time. Stored vectors are kept.
  // Large texts are compressed with lz4 where the server has it (about 3x faster to write than the default
  // pglz, for slightly larger rows); the raw text is stored deflated already and is not compressed again.
  `
  ALTER TABLE articles ALTER COLUMN fts DROP EXPRESSION;
  ALTER TABLE articles ALTER COLUMN raw_text SET STORAGE EXTERNAL;
  DO $$ BEGIN
    EXECUTE 'ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE annotations ALTER COLUMN sentences SET COMPRESSION lz4, ALTER COLUMN tokens SET COMPRESSION lz4,
      ALTER COLUMN mentions SET COMPRESSION lz4';
  EXCEPTION WHEN feature_not_supported OR syntax_error THEN NULL;
  END $$;
  `,
];

/** The stored search vector of an article: its title (weight A) and text (weight B), English stemming. */
export const searchVectorSql = (title: string, text: string) =>
  `setweight(to_tsvector('english', coalesce(${title}, '')), 'A') || setweight(to_tsvector('english', ${text}), 'B')`;

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** The advisory lock key every writer of a Chronicle database takes (transaction-scoped): "chronicl" in ASCII. */
export const WRITE_LOCK = '7163101030252110700';
