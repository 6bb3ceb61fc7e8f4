import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, StoreError } from '../../src/store/index.js';
import { SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import { art, miniAnalyze, SPILL } from './helpers.js';

const dir = () => mkdtempSync(join(tmpdir(), 'chron-fault-'));
const CHILD = join(import.meta.dirname, 'ingest-child.ts');

function child(db: string, prefix: string, batches: number, size: number) {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, db, prefix, String(batches), String(size)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

test('a store written by a newer schema is refused with a clear error and left untouched', async () => {
  const path = join(dir(), 'new.db');
  new SqliteStore(path, { analyzer: miniAnalyze }).close();
  const raw = new Database(path);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.pragma('journal_mode = DELETE');
  raw.close();
  const before = readFileSync(path);
  assert.throws(
    () => new SqliteStore(path),
    (e: Error) => e instanceof StoreError && /newer Chronicle/.test(e.message) && e.message.includes(path),
  );
  assert.ok(readFileSync(path).equals(before));
});

test('a corrupt store file gives a clear error and is not modified', async () => {
  const d = dir();
  const junk = join(d, 'junk.db');
  writeFileSync(junk, 'this is not a database at all, just some words '.repeat(40));
  const before = readFileSync(junk);
  assert.throws(
    () => new SqliteStore(junk),
    (e: Error) => e instanceof StoreError && /corrupt/.test(e.message) && e.message.includes(junk),
  );
  assert.ok(readFileSync(junk).equals(before));
  // A real SQLite header with garbage after it.
  const bad = join(d, 'bad.db');
  const buf = Buffer.alloc(8192, 0x5a);
  buf.write('SQLite format 3\0', 0, 'latin1');
  writeFileSync(bad, buf);
  assert.throws(
    () => new SqliteStore(bad),
    (e: Error) => e instanceof StoreError && e.message.includes(bad),
  );
  assert.ok(readFileSync(bad).equals(buf));
});

/** The unprivileged account the read-only case runs as when the tests run as root (CI does). */
const NOBODY = 65534;
const OPEN_CHILD = join(import.meta.dirname, 'open-child.ts');

test('a read-only directory gives a clear error (as an unprivileged user when run as root)', async () => {
  // Root ignores directory permissions, so as root the opening runs in a child process that drops to an
  // unprivileged user (setgid/setuid once its modules are loaded); the store's directory tree is made
  // traversable for it.
  const asRoot = process.getuid?.() === 0;
  const base = dir();
  chmodSync(base, 0o755);
  const d = join(base, 'ro');
  mkdirSync(d);
  chmodSync(d, 0o555);
  const path = join(d, 'x.db');
  try {
    if (!asRoot) {
      assert.throws(
        () => new SqliteStore(path),
        (e: Error) => e instanceof StoreError && e.message.includes(path),
      );
      return;
    }
    const r = spawnSync(process.execPath, ['--import', 'tsx', OPEN_CHILD, path, String(NOBODY)], {
      encoding: 'utf8',
    });
    assert.equal(r.error, undefined, `the child could not run: ${r.error?.message}`);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    assert.equal(out.opened, false, 'the store opened in a read-only directory');
    assert.equal(out.name, 'StoreError');
    assert.ok(out.message.includes(path), out.message);
    assert.ok(!existsSync(path), 'nothing was created in the read-only directory');
  } finally {
    chmodSync(d, 0o700);
  }
});

test('a path that cannot be created gives a clear error naming it', async () => {
  const d = dir();
  writeFileSync(join(d, 'plain-file'), 'x');
  const path = join(d, 'plain-file', 'sub', 'c.db');
  assert.throws(
    () => new SqliteStore(path),
    (e: Error) => e instanceof StoreError && e.message.includes(path),
  );
});

test('a store opened read-only refuses to ingest with a clear error', async () => {
  const path = join(dir(), 'r.db');
  new SqliteStore(path, { analyzer: miniAnalyze }).close();
  const s = new SqliteStore(path, { readonly: true });
  await assert.rejects(
    () => s.ingest([art('A line about the harbour.', '2024-01-01')]),
    (e: Error) => e instanceof StoreError && /read-only/.test(e.message),
  );
  await s.close();
});

test('a full disk rolls the batch back with a clear error; earlier batches stay', async () => {
  const path = join(dir(), 'full.db');
  const s = new SqliteStore(path, { analyzer: miniAnalyze });
  await s.ingest(SPILL.map(([t, d], i) => art(t, d, { id: `ok${i}` })));
  await s.close();
  const small = new SqliteStore(path, { analyzer: miniAnalyze, maxPageCount: 1 });
  const pages = small.db.pragma('page_count', { simple: true }) as number;
  small.db.pragma(`max_page_count = ${pages + 2}`);
  const big = Array.from({ length: 50 }, (_, i) =>
    art(`Filler report ${i} about the pier. `.repeat(200), '2024-04-01', { id: `big${i}` }),
  );
  await assert.rejects(
    () => small.ingest(big),
    (e: Error) => e instanceof StoreError && /disk full/.test(e.message),
  );
  await small.close();
  const again = new SqliteStore(path);
  assert.equal((await again.stats()).articles, 4);
  assert.equal(await again.integrityCheck(), 'ok');
  await again.close();
});

test('SIGKILL during ingest loses nothing reported committed and leaves the store usable', async () => {
  const path = join(dir(), 'kill.db');
  new SqliteStore(path, { analyzer: miniAnalyze }).close();
  const p = child(path, 'k', 400, 20);
  let committed = 0;
  let out = '';
  await new Promise<void>((resolve) => {
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const all = [...out.matchAll(/committed (\d+)\n/g)];
      if (all.length) committed = Number(all[all.length - 1][1]);
      if (all.length >= 3 && !p.killed) p.kill('SIGKILL');
    });
    p.on('exit', () => resolve());
  });
  assert.ok(committed >= 60, `child committed ${committed}`);
  assert.ok(committed < 8000, 'the child was killed before finishing');
  const s = new SqliteStore(path, { analyzer: miniAnalyze });
  assert.equal(await s.integrityCheck(), 'ok');
  const n = (await s.stats()).articles;
  assert.ok(n >= committed, `${n} stored >= ${committed} reported`);
  assert.equal(n % 20, 0, 'only whole batches are stored');
  // Still usable: another batch goes in.
  assert.equal(
    (await s.ingest([art('A fresh note on the harbour after the crash.', '2024-05-02')])).added.length,
    1,
  );
  await s.close();
});

test('two concurrent ingest processes on one store do not corrupt it', async () => {
  const path = join(dir(), 'two.db');
  new SqliteStore(path, { analyzer: miniAnalyze }).close();
  const run = (prefix: string) =>
    new Promise<number>((resolve, reject) => {
      const p = child(path, prefix, 15, 20);
      let err = '';
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('exit', (code) =>
        code === 0 ? resolve(code) : reject(new Error(`child ${prefix} exited ${code}: ${err}`)),
      );
    });
  await Promise.all([run('a'), run('b')]);
  const s = new SqliteStore(path);
  assert.equal(await s.integrityCheck(), 'ok');
  assert.equal((await s.stats()).articles, 600);
  const stories = await s.listStories();
  assert.equal(
    stories.reduce((n, x) => n + x.articles, 0),
    600,
  );
  await s.close();
});
