/**
 * The store contract suite's backends: every `contract(title, fn)` runs `fn` once per backend, against SQLite
 * (a file in a temporary directory) and PostgreSQL (a fresh schema per store, in the database named by
 * CHRONICLE_TEST_PG, dropped after the test). No mock stands in for PostgreSQL: without CHRONICLE_TEST_PG the
 * PostgreSQL half is skipped with one line saying how to run it, and with CI=true it fails instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, SqliteStore, type OpenOptions } from '../../../src/store/index.js';
import type { StoreCore } from '../../../src/store/core/store.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A new, empty store (with the backend-neutral internals tests look at: buildStoryTimeline). */
  open(options?: OpenOptions): Promise<StoreCore>;
  /** Where that store is (to open it again, e.g. from another process or read-only). */
  lastLocation(): string;
}

export const PG_URL = process.env.CHRONICLE_TEST_PG || '';

let schemas = 0;

/** The URL of a fresh schema in the test database (its tables are created there by the store). */
export async function freshPgLocation(
  base: string = PG_URL,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t${process.pid}_${Date.now().toString(36)}_${schemas++}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

function sqliteBackend(): Backend {
  let last = '';
  return {
    name: 'sqlite',
    async open(options = {}) {
      last = join(mkdtempSync(join(tmpdir(), 'chron-contract-')), 'c.db');
      return (await openStore(last, options)) as StoreCore;
    },
    lastLocation: () => last,
  };
}

function postgresBackend(cleanup: (f: () => Promise<void>) => void): Backend {
  let last = '';
  return {
    name: 'postgres',
    async open(options = {}) {
      const { url, drop } = await freshPgLocation();
      last = url;
      const store = (await openStore(url, options)) as StoreCore;
      // Closed (idempotently) before its schema is dropped: an open pool would keep the test process alive.
      cleanup(async () => {
        await store.close();
        await drop();
      });
      return store;
    },
    lastLocation: () => last,
  };
}

const registered = { postgres: false };

/** Register `fn` as a test per backend. */
export function contract(title: string, fn: (b: Backend) => Promise<void>): void {
  test(`[sqlite] ${title}`, () => fn(sqliteBackend()));
  if (PG_URL)
    test(`[postgres] ${title}`, async () => {
      const drops: (() => Promise<void>)[] = [];
      try {
        await fn(postgresBackend((f) => drops.push(f)));
      } finally {
        for (const d of drops) await d();
      }
    });
  else if (!registered.postgres) {
    registered.postgres = true;
    if (process.env.CI === 'true')
      test('[postgres] the contract suite needs CHRONICLE_TEST_PG in CI', () => {
        assert.fail(
          'CI=true but CHRONICLE_TEST_PG is not set: scripts/ci-postgres.sh starts a cluster and prints it',
        );
      });
    else
      test(
        '[postgres] contract suite',
        {
          skip: 'CHRONICLE_TEST_PG not set (scripts/ci-postgres.sh starts a local cluster and prints the URL)',
        },
        () => {},
      );
  }
}

/** A story's stored timeline row, read with SQL (tests of the stored-timeline policy): is it of the story's
 * current version, and its JSON. */
export async function storedTimelineRow(
  store: StoreCore,
  storyId: string,
): Promise<{ fresh: boolean; json: string } | undefined> {
  const sql = `SELECT t.story_version = s.version AS fresh, t.json FROM timelines t
    JOIN stories s ON s.rowid = t.story_rowid WHERE s.id = `;
  if (store instanceof SqliteStore) {
    const r = store.db.prepare(sql + '?').get(storyId) as { fresh: number; json: string } | undefined;
    return r && { fresh: r.fresh === 1, json: r.json };
  }
  const c = new pg.Client({ connectionString: (store as { location?: string }).location });
  await c.connect();
  try {
    return (await c.query(sql + '$1', [storyId])).rows[0] as { fresh: boolean; json: string } | undefined;
  } finally {
    await c.end();
  }
}
