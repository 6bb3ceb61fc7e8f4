/**
 * Damaged stores for the fault tests: a good store (our own harbour story, written with the test analyser),
 * then one kind of damage each, as a crashed disk, a bad copy or a hand edit leaves them.
 */
import { mkdtempSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/index.js';
import { art, COUNCIL, miniAnalyze, SPILL } from './helpers.js';

export type Damage = 'garbage' | 'page' | 'json' | 'index';

export const DAMAGES: Damage[] = ['garbage', 'page', 'json', 'index'];

/** A store of two stories ("harbour", "council"), checkpointed into one file; returns its path. */
export async function goodStore(dir = mkdtempSync(join(tmpdir(), 'chron-damage-'))): Promise<string> {
  const path = join(dir, 'store.db');
  const s = new SqliteStore(path, { analyzer: miniAnalyze });
  await s.ingest(
    SPILL.map(([t, d]) => art(t, d)),
    { story: 'harbour' },
  );
  await s.ingest(
    COUNCIL.map(([t, d]) => art(t, d)),
    { story: 'council' },
  );
  await s.storyTimeline('harbour');
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  s.db.pragma('journal_mode = DELETE');
  await s.close();
  return path;
}

/**
 * garbage: not a database at all; page: the stories table's first page overwritten; json: a stored annotation
 * that no longer parses; index: an article row gone while the full-text index still lists it.
 */
export async function damagedStore(kind: Damage): Promise<string> {
  const path = await goodStore();
  if (kind === 'garbage') {
    writeFileSync(path, 'these words are not a database '.repeat(200));
    return path;
  }
  const raw = new Database(path);
  if (kind === 'page') {
    const page = raw.pragma('page_size', { simple: true }) as number;
    const root = raw
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'stories'")
      .pluck()
      .get() as number;
    raw.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(page, 0x5a), 0, page, (root - 1) * page);
    closeSync(fd);
    return path;
  }
  if (kind === 'json') raw.exec(`UPDATE annotations SET sentences = 'ZZZZ' WHERE article_rowid = 1`);
  if (kind === 'index') {
    raw.exec('DROP TRIGGER articles_fts_ad; PRAGMA foreign_keys = OFF;');
    raw.exec('DELETE FROM articles WHERE rowid = 2');
  }
  raw.close();
  return path;
}
