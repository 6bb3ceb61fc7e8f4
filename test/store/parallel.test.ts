/**
 * Parallel ingest (analysis on worker threads, src/parallel/pool.ts) must leave the store exactly as ingesting
 * the same batches one after another on the main thread does: same rows in every table, same stories, same
 * timelines. Runs the real pipeline on the bundled sample story (our own writing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/index.js';
import { readInputs } from '../../src/ingest/index.js';
import { AnalyzerPool } from '../../src/parallel/pool.js';
import type { Article } from '../../src/model.js';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'chron-par-')), 'c.db');

const TABLES: [string, string][] = [
  ['articles', 'rowid'],
  ['annotations', 'article_rowid'],
  ['article_entities', 'article_rowid, entity_rowid'],
  ['quotes', 'article_rowid, idx'],
  ['entities', 'rowid'],
  ['entity_aliases', 'entity_rowid, key'],
  ['stories', 'rowid'],
  ['story_days', 'story_rowid, day'],
  ['term_df', 'term'],
  ['timeline_terms', 'id'],
  ['sentence_terms', 'article_rowid'],
];

function dump(store: SqliteStore) {
  const out: Record<string, unknown[]> = {};
  for (const [t, order] of TABLES)
    out[t] = store.db
      .prepare(`SELECT * FROM ${t} ORDER BY ${order}`)
      .all()
      .map((r) => {
        const row = { ...(r as Record<string, unknown>) };
        delete row.added_at; // wall-clock time of the ingest
        return row;
      });
  return out;
}

async function sample(): Promise<Article[]> {
  const { articles } = await readInputs([join(import.meta.dirname, '../../examples/harbour-spill')]);
  assert.ok(articles.length >= 10);
  return articles;
}

function batchesOf(articles: Article[], size: number): Article[][] {
  const out: Article[][] = [];
  for (let i = 0; i < articles.length; i += size) out.push(articles.slice(i, i + size));
  return out;
}

test('ingest on a worker pool stores exactly what sequential ingest of the same batches stores', async () => {
  const input = await sample();
  // A repeat of the first article in the last batch: a duplicate, whether or not its first copy is committed yet.
  const withRepeat = () => {
    const b = batchesOf(structuredClone(input), 4);
    b[b.length - 1].push(structuredClone(input[0]));
    return b;
  };

  const seq = new SqliteStore(tmp());
  const seqReports = [];
  for (const b of withRepeat()) seqReports.push(await seq.ingest(b));
  const seqAdded = seqReports.flatMap((r) => r.added);
  const seqDup = seqReports.flatMap((r) => r.duplicates);

  const par = new SqliteStore(tmp());
  const pool = new AnalyzerPool(2);
  const batchReports: number[] = [];
  try {
    const r = await par.ingestParallel(withRepeat(), pool, {
      onBatch: (rep, i) => batchReports.push(i, rep.added.length),
    });
    assert.deepEqual(r.added, seqAdded);
    assert.deepEqual(r.duplicates, seqDup);
    assert.equal(r.duplicates.length, 1);
    assert.equal(
      batchReports.length,
      2 * Math.ceil(input.length / 4),
      'one onBatch call per batch, in order',
    );
    assert.deepEqual(
      batchReports.filter((_, i) => i % 2 === 0),
      [...Array(batchReports.length / 2).keys()],
    );
  } finally {
    await pool.close();
  }
  assert.deepEqual(dump(par), dump(seq));
  const stories = await seq.listStories();
  assert.ok(stories.length >= 1);
  assert.deepEqual(await par.listStories(), stories);
  assert.deepEqual(await par.storyTimeline(stories[0].id), await seq.storyTimeline(stories[0].id));
  // Ingesting everything again adds nothing.
  const again = await par.ingestParallel(batchesOf(structuredClone(input), 4), new AnalyzerPool(1));
  assert.equal(again.added.length, 0);
  assert.equal(again.duplicates.length, input.length);
  await seq.close();
  await par.close();
});

test('a batch whose analysis fails in a worker rejects, and earlier batches stay committed', async () => {
  const input = await sample();
  const store = new SqliteStore(tmp());
  const pool = new AnalyzerPool(1);
  const bad = structuredClone(input.slice(4, 6));
  // Not cloneable for the worker: postMessage throws a DataCloneError for the batch holding it.
  (bad[0] as unknown as Record<string, unknown>).extra = () => 0;
  try {
    await assert.rejects(
      store.ingestParallel([structuredClone(input.slice(0, 4)), bad], pool, { lookahead: 1 }),
    );
  } finally {
    await pool.close();
  }
  assert.equal((await store.stats()).articles, 4);
  assert.equal(await store.integrityCheck(), 'ok');
  await store.close();
});
