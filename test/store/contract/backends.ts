/**
 * The store contract suite's backends: every `contract(title, fn)` runs `fn` once per backend, against SQLite
 * (a file in a temporary directory), PostgreSQL (a fresh schema per store, in the database named by
 * CHRONICLE_TEST_PG, dropped after the test) and the server tests' fake store (test/server/fake-store.ts), so
 * that the API is never tested against a fake that answers otherwise than the real stores. No mock stands in for
 * PostgreSQL: without CHRONICLE_TEST_PG the PostgreSQL half is skipped with one line saying how to run it, and
 * with CI=true it fails instead.
 *
 * The fake does not do everything a store does (FAKE_LACKS says what, and why a fake need not): a test that
 * needs one of those says so (`contract(title, ['clustering'], fn)`) and is listed for the fake as skipped,
 * with the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, SqliteStore, type OpenOptions, type Store } from '../../../src/store/index.js';
import type { StoreCore } from '../../../src/store/core/store.js';
import { FakeStore } from '../../server/fake-store.js';

/** A store under test; the real ones have the backend-neutral internals some tests look at (buildStoryTimeline). */
export type ContractStore = Store & Partial<Pick<StoreCore, 'buildStoryTimeline'>>;

export interface Backend {
  name: 'sqlite' | 'postgres' | 'fake';
  /** A new, empty store. */
  open(options?: OpenOptions): Promise<ContractStore>;
  /** Where that store is (to open it again, e.g. from another process or read-only). */
  lastLocation(): string;
}

/**
 * What the server's fake store does not do, and why a fake need not: the contract tests that need one of these
 * are not run against it (they are listed, skipped, with this reason). Everything else the fake answers as the
 * real stores do: ingest and duplicates, analysis kept, stories and their summaries, timelines' shape, search
 * filters, entities, quotes, days, export and import, limits, orders and errors.
 */
export const FAKE_LACKS = {
  clustering:
    "it groups articles into stories by their topic field (the fixtures give the story each belongs to); clustering, merging stories and merged ids are the real stores' planner",
  linking:
    "it joins entities by type and exact name; the cross-batch rules (surnames, spelling variants, majority types, short forms) are the real stores' planner",
  ranking:
    "it ranks by counting matched words; stemming, relevance weights, snippet windows and the candidate bound are the real stores' full-text search",
  'stored-timelines':
    "it builds a timeline on each call; timelines stored per story version and refreshed by ingest are the real stores' policy",
  storage:
    'it is one object in memory: there is nothing to reopen, open read-only, migrate, share between instances or processes, or kill mid-write',
} as const;

export type Need = keyof typeof FAKE_LACKS;

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
        // The store's schema, and the job queue's beside it (src/queue: queueSchema), if a test made one.
        await c.query(`DROP SCHEMA IF EXISTS ${name}, ${name}_queue CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

function fakeBackend(): Backend {
  return {
    name: 'fake',
    async open(options = {}) {
      return new FakeStore(options.analyzer ? { analyzer: options.analyzer } : {});
    },
    lastLocation: () => {
      throw new Error('the fake store has no location (a test that needs one needs "storage")');
    },
  };
}

function sqliteBackend(): Backend {
  let last = '';
  return {
    name: 'sqlite',
    async open(options = {}) {
      last = join(mkdtempSync(join(tmpdir(), 'chron-contract-')), 'c.db');
      return openStore(last, options);
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
      const store = await openStore(url, options);
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

/**
 * Register `fn` as a test per backend. `needs`: what the test needs beyond the read paths every store answers
 * (FAKE_LACKS); the fake's test is then listed as skipped with the reason.
 */
export function contract(title: string, fn: (b: Backend) => Promise<void>): void;
export function contract(title: string, needs: Need[], fn: (b: Backend) => Promise<void>): void;
export function contract(
  title: string,
  needsOrFn: Need[] | ((b: Backend) => Promise<void>),
  maybeFn?: (b: Backend) => Promise<void>,
): void {
  const needs = typeof needsOrFn === 'function' ? [] : needsOrFn;
  const fn = typeof needsOrFn === 'function' ? needsOrFn : maybeFn!;
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
  const lacks = needs.map((n) => `${n}: ${FAKE_LACKS[n]}`);
  test(
    `[fake] ${title}`,
    lacks.length ? { skip: `not applicable to the server's fake store (${lacks.join('; ')})` } : {},
    () => fn(fakeBackend()),
  );
}

/** A story's stored timeline row, read with SQL (tests of the stored-timeline policy): is it of the story's
 * current version, and its JSON. */
export async function storedTimelineRow(
  store: Store,
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
