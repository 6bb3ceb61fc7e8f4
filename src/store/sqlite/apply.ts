/**
 * Writing a batch plan (core/plan.ts) to a SQLite store, inside the caller's IMMEDIATE transaction: one prepared
 * statement per kind of row, in the plan's order.
 */
import type { BatchPlan, EntityOp } from '../core/plan.js';
import { repointMentions } from '../core/entity-merge.js';
import type { Statements } from './snapshot.js';

function applyEntityOp(st: Statements, o: EntityOp) {
  switch (o.op) {
    case 'entity':
      st('INSERT INTO entities (rowid, id, name, key, type) VALUES (?, ?, ?, ?, ?)').run(
        o.rowid,
        o.id,
        o.name,
        o.key,
        o.type,
      );
      return;
    case 'alias':
      st('INSERT OR IGNORE INTO entity_aliases (entity_rowid, alias, key) VALUES (?, ?, ?)').run(
        o.entity,
        o.alias,
        o.key,
      );
      return;
    case 'matchKey':
      st('INSERT OR IGNORE INTO entity_keys (kind, key, entity_rowid) VALUES (?, ?, ?)').run(
        o.kind,
        o.key,
        o.entity,
      );
      return;
    case 'mergeEntity':
      return mergeEntity(st, o.from, o.into, o.articles);
    case 'storyVersion':
      st('UPDATE stories SET version = version + 1 WHERE rowid = ?').run(o.story);
      return;
    case 'storyEntityVector':
      st('UPDATE stories SET entity_vec = ? WHERE rowid = ?').run(o.vector, o.story);
      return;
  }
}

/** Stored entity `from` merged into `into` (see core/entity-merge.ts); the stories' vectors are separate ops. */
function mergeEntity(st: Statements, from: number, into: number, articles: number[]) {
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
  const get = st('SELECT mentions FROM annotations WHERE article_rowid = ?', 'pluck');
  const set = st('UPDATE annotations SET mentions = ? WHERE article_rowid = ?');
  for (const r of articles) {
    const json = get.get(r) as string | undefined;
    if (json) set.run(repointMentions(json, from, into), r);
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
}

/** Write the plan (inside the caller's transaction). */
export function applyPlan(st: Statements, plan: BatchPlan): void {
  for (const o of plan.entityOps) applyEntityOp(st, o);
  const story = st('INSERT INTO stories (rowid, id) VALUES (?, ?)');
  for (const [rowid, id] of plan.stories) story.run(rowid, id);
  const term = st('INSERT INTO timeline_terms (id, term) VALUES (?, ?)');
  for (const [id, t] of plan.terms) term.run(id, t);
  const article =
    st(`INSERT INTO articles (rowid, id, content_hash, canonical_url, url, path, title, byline, source,
    published_at, published_at_evidence, language, topic, raw_text, text, removed, warnings, duplicate_of,
    lines_are_sentences, story_rowid, added_at) VALUES (@rowid, @id, @content_hash, @canonical_url, @url, @path, @title,
    @byline, @source, @published_at, @published_at_evidence, @language, @topic, @raw_text, @text, @removed, @warnings,
    @duplicate_of, @lines_are_sentences, @story_rowid, @added_at)`);
  const annotations = st(
    'INSERT INTO annotations (article_rowid, sentences, tokens, mentions) VALUES (?, ?, ?, ?)',
  );
  const articleEntity = st(
    'INSERT INTO article_entities (article_rowid, entity_rowid, mentions, first) VALUES (?, ?, ?, ?)',
  );
  // An upsert, not INSERT OR REPLACE: with foreign keys on, REPLACE costs some 50 times more per row.
  const terms = st(
    'INSERT INTO sentence_terms (article_rowid, data) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET data = excluded.data',
  );
  const quote =
    st(`INSERT INTO quotes (article_rowid, idx, text, kind, speaker, speaker_entity_rowid, speaker_text, cue,
    start, end, sentence_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const a of plan.articles) {
    const raw = a.row.raw_text;
    article.run({
      ...a.row,
      rowid: a.rowid,
      id: a.id,
      story_rowid: a.storyRowid,
      raw_text: raw && Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength),
    });
    annotations.run(a.rowid, ...a.annotations);
    for (const [er, n, first] of a.entities) articleEntity.run(a.rowid, er, n, first);
    const blob = a.sentenceTerms;
    terms.run(a.rowid, Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength));
    for (const q of a.quotes) quote.run(a.rowid, ...q);
  }
  const mentions = st('UPDATE entities SET mentions = mentions + ? WHERE rowid = ?');
  for (const [er, n] of plan.entityMentions) mentions.run(n, er);
  const day = st(`INSERT INTO story_days (story_rowid, day, articles, refs) VALUES (?, ?, ?, ?)
    ON CONFLICT (story_rowid, day) DO UPDATE SET articles = articles + excluded.articles, refs = refs + excluded.refs`);
  for (const d of plan.storyDays) day.run(...d);
  for (const m of plan.storyMerges) {
    st('UPDATE articles SET story_rowid = ? WHERE story_rowid = ?').run(m.into, m.from);
    st(`INSERT INTO story_days (story_rowid, day, articles, refs) SELECT ?, day, articles, refs FROM story_days
      WHERE story_rowid = ? ON CONFLICT (story_rowid, day) DO UPDATE SET articles = articles + excluded.articles, refs = refs + excluded.refs`).run(
      m.into,
      m.from,
    );
    // A story merged away keeps its id, and the aliases it had, as aliases of the story it joined.
    st('UPDATE story_aliases SET story_rowid = ? WHERE story_rowid = ?').run(m.into, m.from);
    st(
      'INSERT INTO story_aliases (id, story_rowid) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET story_rowid = excluded.story_rowid',
    ).run(m.fromId, m.into);
    st('DELETE FROM stories WHERE rowid = ?').run(m.from);
  }
  // The title: of the earliest dated article with one, else of the first undated one. Two queries in the order
  // of the articles_story index, not one ORDER BY published_at IS NULL, which sorted the whole story per commit.
  const save = st(`UPDATE stories SET size = ?, first_day = ?, last_day = ?, terms = ?, entity_vec = ?,
    version = version + 1, title = coalesce(
      (SELECT title FROM articles WHERE story_rowid = stories.rowid AND published_at IS NOT NULL AND title IS NOT NULL
        AND title != '' ORDER BY published_at, rowid LIMIT 1),
      (SELECT title FROM articles WHERE story_rowid = stories.rowid AND published_at IS NULL AND title IS NOT NULL
        AND title != '' ORDER BY rowid LIMIT 1), '') WHERE rowid = ?`);
  for (const s of plan.storySaves) save.run(s.size, s.first, s.last, s.terms, s.entityVector, s.rowid);
  const df = st(
    'INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = excluded.df',
  );
  for (const [t, n] of plan.docFreq) df.run(t, n);
  if (plan.articles.length)
    st(
      "INSERT INTO meta (key, value) VALUES ('docs', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(String(plan.docs));
}
