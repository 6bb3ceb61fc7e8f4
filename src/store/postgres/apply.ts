/**
 * Writing a batch plan (core/plan.ts) to a PostgreSQL store, inside the caller's transaction: the entity steps
 * in the plan's order, then each kind of row for all the batch's articles in one statement (rows passed as one
 * JSON array and expanded with json_populate_recordset), so a batch costs a few dozen round trips, not one per
 * row. Statements are queued without waiting for each (the connection runs them in order); the first failure
 * fails the batch and the transaction is rolled back by the caller.
 */
import type pg from 'pg';
import type { BatchPlan, EntityOp, StorySave } from '../core/plan.js';
import { repointMentions } from '../core/entity-merge.js';
import { searchVectorSql } from './schema.js';

/** Statements sent in order; `flush` waits for all and throws the first failure. */
class Queue {
  private pending: Promise<unknown>[] = [];
  constructor(private readonly client: pg.ClientBase) {}

  q(sql: string, params: unknown[] = []): void {
    this.pending.push(this.client.query(sql, params));
  }

  async flush(): Promise<void> {
    const settled = await Promise.allSettled(this.pending);
    this.pending = [];
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

const hex = (b: Uint8Array | null) =>
  b ? '\\x' + Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex') : null;

async function applyEntityOp(w: Queue, client: pg.ClientBase, o: EntityOp) {
  switch (o.op) {
    case 'entity':
      return w.q('INSERT INTO entities (rowid, id, name, key, type) VALUES ($1, $2, $3, $4, $5)', [
        o.rowid,
        o.id,
        o.name,
        o.key,
        o.type,
      ]);
    case 'alias':
      return w.q(
        'INSERT INTO entity_aliases (entity_rowid, alias, key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [o.entity, o.alias, o.key],
      );
    case 'matchKey':
      return w.q(
        'INSERT INTO entity_keys (kind, key, entity_rowid) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [o.kind, o.key, o.entity],
      );
    case 'mergeEntity':
      return mergeEntity(w, client, o.from, o.into, o.articles);
    case 'storyVersion':
      return w.q('UPDATE stories SET version = version + 1 WHERE rowid = $1', [o.story]);
    case 'storyEntityVector':
      return w.q('UPDATE stories SET entity_vec = $1 WHERE rowid = $2', [o.vector, o.story]);
  }
}

/** Stored entity `from` merged into `into` (see core/entity-merge.ts), as sqlite/apply.ts does it. */
async function mergeEntity(w: Queue, client: pg.ClientBase, from: number, into: number, articles: number[]) {
  w.q(
    `UPDATE article_entities AS f SET mentions = f.mentions + l.mentions, first = least(f.first, l.first)
     FROM article_entities AS l WHERE l.entity_rowid = $1 AND f.entity_rowid = $2 AND f.article_rowid = l.article_rowid`,
    [from, into],
  );
  w.q(
    `DELETE FROM article_entities WHERE entity_rowid = $1
     AND article_rowid IN (SELECT article_rowid FROM article_entities WHERE entity_rowid = $2)`,
    [from, into],
  );
  w.q('UPDATE article_entities SET entity_rowid = $1 WHERE entity_rowid = $2', [into, from]);
  if (articles.length) {
    await w.flush();
    const rows = (
      await client.query(
        'SELECT article_rowid, mentions FROM annotations WHERE article_rowid = ANY($1::int[])',
        [articles],
      )
    ).rows as { article_rowid: number; mentions: string }[];
    for (const r of rows)
      w.q('UPDATE annotations SET mentions = $1 WHERE article_rowid = $2', [
        repointMentions(r.mentions, from, into),
        r.article_rowid,
      ]);
  }
  w.q('UPDATE quotes SET speaker_entity_rowid = $1 WHERE speaker_entity_rowid = $2', [into, from]);
  w.q(
    `INSERT INTO entity_aliases (entity_rowid, alias, key) SELECT $1, alias, key FROM entity_aliases
     WHERE entity_rowid = $2 ON CONFLICT DO NOTHING`,
    [into, from],
  );
  w.q(
    'UPDATE entities SET mentions = mentions + (SELECT mentions FROM entities WHERE rowid = $1) WHERE rowid = $2',
    [from, into],
  );
  w.q('DELETE FROM entities WHERE rowid = $1', [from]);
}

/** A run of entity, alias and match-key inserts, as three statements. */
function insertEntityRun(w: Queue, ops: EntityOp[]) {
  const pick = <K extends EntityOp['op']>(op: K) =>
    ops.filter((o): o is Extract<EntityOp, { op: K }> => o.op === op);
  const entities = pick('entity');
  if (entities.length)
    w.q(
      'INSERT INTO entities (rowid, id, name, key, type) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])',
      [
        entities.map((e) => e.rowid),
        entities.map((e) => e.id),
        entities.map((e) => e.name),
        entities.map((e) => e.key),
        entities.map((e) => e.type),
      ],
    );
  const aliases = pick('alias');
  if (aliases.length)
    w.q(
      `INSERT INTO entity_aliases (entity_rowid, alias, key)
       SELECT e, a, k FROM unnest($1::int[], $2::text[], $3::text[]) WITH ORDINALITY x(e, a, k, n) ORDER BY n
       ON CONFLICT DO NOTHING`,
      [aliases.map((a) => a.entity), aliases.map((a) => a.alias), aliases.map((a) => a.key)],
    );
  const keys = pick('matchKey');
  if (keys.length)
    w.q(
      `INSERT INTO entity_keys (kind, key, entity_rowid) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
       ON CONFLICT DO NOTHING`,
      [keys.map((k) => k.kind), keys.map((k) => k.key), keys.map((k) => k.entity)],
    );
}

const ARTICLE_COLUMNS = `rowid, id, content_hash, canonical_url, url, path, title, byline, source, published_at,
  published_at_evidence, language, topic, raw_text, text, removed, warnings, duplicate_of, lines_are_sentences,
  story_rowid, added_at`;

/** Rows summed by key: one statement may not update a row twice (SQLite's one statement per row could). */
function summed<K extends unknown[]>(rows: [...K, ...number[]][], keyLength: number): [...K, ...number[]][] {
  const out = new Map<string, [...K, ...number[]]>();
  for (const r of rows) {
    const k = JSON.stringify(r.slice(0, keyLength));
    const prev = out.get(k);
    if (!prev) out.set(k, [...r] as [...K, ...number[]]);
    else for (let i = keyLength; i < r.length; i++) (prev[i] as number) += r[i] as number;
  }
  return [...out.values()];
}

/**
 * Write the plan (inside the caller's transaction). `vectors` holds the articles' search vectors by content
 * hash, as computed before the lock (an article without one has it computed here).
 */
export async function applyPlan(
  client: pg.ClientBase,
  plan: BatchPlan,
  vectors: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const w = new Queue(client);
  const entityMentions = summed<[number]>(plan.entityMentions, 1);
  const storyDays = summed<[number, string]>(plan.storyDays, 2);
  const docFreq = [...new Map(plan.docFreq)];
  // Runs of new entities, aliases and match keys go in three statements (entities first, so every alias and
  // key finds its entity; aliases and keys keep their order, so the first alias given for a key stays, as with
  // one statement each); merges and story updates keep their place between runs.
  let run: EntityOp[] = [];
  for (const o of [...plan.entityOps, null]) {
    if (o && (o.op === 'entity' || o.op === 'alias' || o.op === 'matchKey')) {
      run.push(o);
      continue;
    }
    if (run.length) insertEntityRun(w, run);
    run = [];
    if (o) await applyEntityOp(w, client, o);
  }
  const json = (rows: unknown[]) => JSON.stringify(rows);
  if (plan.stories.length)
    w.q('INSERT INTO stories (rowid, id) SELECT * FROM unnest($1::int[], $2::text[])', [
      plan.stories.map((s) => s[0]),
      plan.stories.map((s) => s[1]),
    ]);
  if (plan.terms.length)
    w.q('INSERT INTO timeline_terms (id, term) SELECT * FROM unnest($1::int[], $2::text[])', [
      plan.terms.map((t) => t[0]),
      plan.terms.map((t) => t[1]),
    ]);
  if (plan.articles.length) {
    w.q(
      `INSERT INTO articles (${ARTICLE_COLUMNS}, fts) SELECT ${ARTICLE_COLUMNS},
         coalesce(fts, ${searchVectorSql('title', 'text')}) FROM json_populate_recordset(null::articles, $1)`,
      [
        json(
          plan.articles.map((a) => ({
            ...a.row,
            rowid: a.rowid,
            id: a.id,
            story_rowid: a.storyRowid,
            raw_text: hex(a.row.raw_text),
            fts: vectors.get(a.row.content_hash) ?? null,
          })),
        ),
      ],
    );
    w.q(
      `INSERT INTO annotations (article_rowid, sentences, tokens, mentions)
       SELECT * FROM json_populate_recordset(null::annotations, $1)`,
      [
        json(
          plan.articles.map((a) => ({
            article_rowid: a.rowid,
            sentences: a.annotations[0],
            tokens: a.annotations[1],
            mentions: a.annotations[2],
          })),
        ),
      ],
    );
    const ae = plan.articles.flatMap((a) =>
      a.entities.map(([er, n, first]) => ({ article_rowid: a.rowid, entity_rowid: er, mentions: n, first })),
    );
    if (ae.length)
      w.q(
        `INSERT INTO article_entities (article_rowid, entity_rowid, mentions, first)
         SELECT article_rowid, entity_rowid, mentions, first FROM json_populate_recordset(null::article_entities, $1)`,
        [json(ae)],
      );
    w.q(
      `INSERT INTO sentence_terms (article_rowid, data)
       SELECT article_rowid, data FROM json_populate_recordset(null::sentence_terms, $1)
       ON CONFLICT (article_rowid) DO UPDATE SET data = excluded.data`,
      [json(plan.articles.map((a) => ({ article_rowid: a.rowid, data: hex(a.sentenceTerms) })))],
    );
    const quotes = plan.articles.flatMap((a) =>
      a.quotes.map(([idx, text, kind, speaker, seid, stext, cue, start, end, si]) => ({
        article_rowid: a.rowid,
        idx,
        text,
        kind,
        speaker,
        speaker_entity_rowid: seid,
        speaker_text: stext,
        cue,
        start,
        end,
        sentence_index: si,
      })),
    );
    if (quotes.length)
      w.q(
        `INSERT INTO quotes (article_rowid, idx, text, kind, speaker, speaker_entity_rowid, speaker_text, cue, start,
         "end", sentence_index) SELECT * FROM json_populate_recordset(null::quotes, $1)`,
        [json(quotes)],
      );
  }
  if (entityMentions.length)
    w.q(
      `UPDATE entities e SET mentions = e.mentions + m.n FROM unnest($1::int[], $2::int[]) m(rowid, n)
       WHERE e.rowid = m.rowid`,
      [entityMentions.map((m) => m[0]), entityMentions.map((m) => m[1])],
    );
  if (storyDays.length)
    w.q(
      `INSERT INTO story_days (story_rowid, day, articles, refs)
       SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::int[])
       ON CONFLICT (story_rowid, day) DO UPDATE SET articles = story_days.articles + excluded.articles,
         refs = story_days.refs + excluded.refs`,
      [0, 1, 2, 3].map((i) => storyDays.map((d) => d[i])),
    );
  for (const m of plan.storyMerges) {
    w.q('UPDATE articles SET story_rowid = $1 WHERE story_rowid = $2', [m.into, m.from]);
    w.q(
      `INSERT INTO story_days (story_rowid, day, articles, refs) SELECT $1, day, articles, refs FROM story_days
       WHERE story_rowid = $2 ON CONFLICT (story_rowid, day) DO UPDATE SET articles = story_days.articles + excluded.articles,
         refs = story_days.refs + excluded.refs`,
      [m.into, m.from],
    );
    w.q('UPDATE story_aliases SET story_rowid = $1 WHERE story_rowid = $2', [m.into, m.from]);
    w.q(
      'INSERT INTO story_aliases (id, story_rowid) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET story_rowid = excluded.story_rowid',
      [m.fromId, m.into],
    );
    w.q('DELETE FROM stories WHERE rowid = $1', [m.from]);
  }
  // One statement for every story saved: the last save of a story wins, its version moves on once per save.
  const saves = new Map<number, { save: StorySave; n: number }>();
  for (const x of plan.storySaves) saves.set(x.rowid, { save: x, n: (saves.get(x.rowid)?.n ?? 0) + 1 });
  if (saves.size) {
    const list = [...saves.values()];
    w.q(
      `UPDATE stories SET size = v.size, first_day = v.first, last_day = v.last, terms = v.terms, entity_vec = v.ev,
       version = stories.version + v.n, title = coalesce(
         (SELECT title FROM articles WHERE story_rowid = stories.rowid AND published_at IS NOT NULL AND title IS NOT NULL
           AND title != '' ORDER BY published_at, rowid LIMIT 1),
         (SELECT title FROM articles WHERE story_rowid = stories.rowid AND published_at IS NULL AND title IS NOT NULL
           AND title != '' ORDER BY rowid LIMIT 1), '')
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
         v(rowid, size, first, last, terms, ev, n)
       WHERE stories.rowid = v.rowid`,
      [
        list.map((x) => x.save.rowid),
        list.map((x) => x.save.size),
        list.map((x) => x.save.first),
        list.map((x) => x.save.last),
        list.map((x) => x.save.terms),
        list.map((x) => x.save.entityVector),
        list.map((x) => x.n),
      ],
    );
  }
  if (docFreq.length)
    w.q(
      `INSERT INTO term_df (term, df) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (term) DO UPDATE SET df = excluded.df`,
      [docFreq.map((d) => d[0]), docFreq.map((d) => d[1])],
    );
  if (plan.articles.length)
    w.q(
      "INSERT INTO meta (key, value) VALUES ('docs', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [String(plan.docs)],
    );
  await w.flush();
}
