/**
 * The job queue's workers when the database goes away (issue 18): PostgreSQL restarted while two
 * `chronicle worker --until-empty` processes ingest (fast shutdown: every connection is cut), and one connection
 * cut in the middle of a batch's commit. The workers must ride it out — reconnect, try the cut batch again, finish
 * the queue, exit 0 — and the store must end as a clean run's: every article stored once, the same article,
 * entity and quote counts.
 *
 * The tests restart (and lock) the cluster they use, so they make their own: a throw-away cluster
 * (scripts/ci-postgres.sh) in a temporary directory on a free port, removed afterwards. They run where the other
 * PostgreSQL tests run (CHRONICLE_TEST_PG set, or CI=true, where a missing PostgreSQL fails them, not skips).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { enqueue, queueStatus, runWorker } from '../../src/queue/index.js';
import { openStore } from '../../src/store/index.js';
import { WRITE_LOCK } from '../../src/store/postgres/schema.js';
import { art, COUNCIL, miniAnalyze, SPILL } from '../store/helpers.js';
import { freshPgLocation, PG_URL } from '../store/contract/backends.js';

const CLI = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));
const CLUSTER = fileURLToPath(new URL('../../scripts/ci-postgres.sh', import.meta.url));
const run = promisify(execFile);

/** PostgreSQL's server programs (Debian's layout, as ci-postgres.sh uses): initdb and pg_ctl must be there. */
const installed = (() => {
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`));
  } catch {
    return false;
  }
})();

const CI = process.env.CI === 'true';
const skip =
  !PG_URL && !CI
    ? 'CHRONICLE_TEST_PG not set (scripts/ci-postgres.sh starts a local cluster and prints the URL)'
    : !installed && !CI
      ? "PostgreSQL's server programs are not installed here (Debian: apt-get install postgresql)"
      : false;

/** One article per batch: many batches, so that the restart falls in the middle of the queue. */
const corpus = () => [
  ...SPILL.map(([t, d], i) => art(t, d, { id: `spill${i}`, source: 'Bay Gazette' })),
  ...COUNCIL.map(([t, d], i) => art(t, d, { id: `council${i}`, source: 'Harbour Courier' })),
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What a store holds: articles (and whether any content is there twice), entities, quotes. */
async function contents(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const one = async (sql: string) => (await c.query(sql)).rows[0] as Record<string, number>;
    const a = await one(
      'SELECT count(*)::int AS n, count(DISTINCT content_hash)::int AS distinct FROM articles',
    );
    return {
      articles: a.n!,
      distinctContent: a.distinct!,
      ids: (await c.query('SELECT id FROM articles ORDER BY id')).rows.map((r: { id: string }) => r.id),
      entities: (await one('SELECT count(*)::int AS n FROM entities')).n!,
      quotes: (await one('SELECT count(*)::int AS n FROM quotes')).n!,
    };
  } finally {
    await c.end();
  }
}

interface Worker {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

function startWorker(url: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'worker', '--db', url, '--until-empty'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const w: Worker = { child, stdout: '', stderr: '', exit: Promise.resolve(null) };
  child.stdout!.on('data', (d: Buffer) => (w.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (w.stderr += d.toString()));
  w.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return w;
}

const committed = (w: Worker) => (w.stderr.match(/^batch \S+: added/gm) ?? []).length;

/** The test cluster, made on first use: its directory, port and URL. */
let cluster: Promise<{ dir: string; port: number; url: string }> | undefined;
function testCluster() {
  assert.ok(PG_URL || !CI, 'CI=true but CHRONICLE_TEST_PG is not set');
  assert.ok(installed, 'CI=true but PostgreSQL is not installed (initdb, pg_ctl)');
  cluster ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chron-pg-restart-'));
    const port = await freePort();
    const url = (await run('bash', [CLUSTER, 'start', dir, String(port)])).stdout.trim();
    return { dir, port, url };
  })();
  return cluster;
}

after(async () => {
  if (!cluster) return;
  const { dir } = await cluster.catch(() => ({ dir: '' }));
  if (!dir) return;
  await run('bash', [CLUSTER, 'stop', dir]).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

test(
  'PostgreSQL restarted during ingest: the workers reconnect, finish the queue and the store ends as a clean run',
  { skip, timeout: 120_000 },
  async () => {
    const { dir, port, url: base } = await testCluster();
    const workers: Worker[] = [];
    try {
      const clean = await freshPgLocation(base);
      const restarted = await freshPgLocation(base);
      const articles = corpus();

      // The clean run: the same batches ingested in order, by the same pipeline, on an untroubled server.
      const store = await openStore(clean.url);
      for (const a of corpus()) await store.ingest([a]);
      await store.close();
      const want = await contents(clean.url);
      assert.equal(want.articles, articles.length);

      // A batch is another worker's to take 30 s after it was taken (not 300): the test ends in time even if the
      // restart cut a worker's fetch after the server had handed it the batch.
      assert.equal(await enqueue(restarted.url, articles, 1, { expireInSeconds: 30 }), articles.length);
      workers.push(startWorker(restarted.url), startWorker(restarted.url));
      // Stop the server once both workers are running and one has taken a batch: that batch's commit (its
      // analysis takes a few seconds: the first loads the models) and the batches after it meet a server that is
      // gone.
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (
            workers.every((w) => /^worker \S+: taking batches/m.test(w.stderr)) &&
            workers.some((w) => /^batch \S+: taken/m.test(w.stderr))
          )
            resolve();
        };
        for (const w of workers) {
          w.child.stderr!.on('data', check);
          void w.exit.then((code) =>
            reject(new Error(`a worker exited (${code}) before taking a batch:\n${w.stderr}`)),
          );
        }
      });
      await run('bash', [CLUSTER, 'stop', dir]);
      const before = workers.reduce((n, w) => n + committed(w), 0);
      // Down for a few of the workers' polls (1 s apart) and tries (0.5 s, doubling).
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await run('bash', [CLUSTER, 'start', dir, String(port)]);

      const deadline = setTimeout(() => workers.forEach((w) => w.child.kill('SIGKILL')), 90_000);
      const codes = await Promise.all(workers.map((w) => w.exit));
      clearTimeout(deadline);
      const logs = workers
        .map((w, i) => `worker ${i} (exit ${codes[i]}):\n${w.stderr}${w.stdout}`)
        .join('\n');
      assert.deepEqual(codes, [0, 0], logs);
      // The restart fell in the middle of the ingest: a commit met it, was tried again and went through.
      assert.ok(before < articles.length, `all batches were committed before the restart\n${logs}`);
      const said = workers.map((w) => w.stderr).join('');
      assert.match(said, /^batch \S+: database unavailable/m, logs);
      assert.match(said, /^batch \S+: the database is back/m, logs);

      const got = await contents(restarted.url);
      assert.equal(got.articles, articles.length, logs);
      assert.equal(got.distinctContent, got.articles);
      assert.deepEqual(got, want, logs);
      const status = await queueStatus(restarted.url);
      assert.equal(status.queued + status.retrying + status.running + status.failed, 0);
      assert.equal(status.completed, articles.length);
      await clean.drop();
      await restarted.drop();
    } finally {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    }
  },
);

test(
  "a connection cut in the middle of a batch's commit: the process survives, the batch is tried again and stored once",
  { skip, timeout: 60_000 },
  async () => {
    const { url: base } = await testCluster();
    const clean = await freshPgLocation(base);
    const cut = await freshPgLocation(base);
    const locker = new pg.Client({ connectionString: base });
    const watcher = new pg.Client({ connectionString: base });
    await locker.connect();
    await watcher.connect();
    let stopWorker = () => {};
    let worker: ReturnType<typeof runWorker> | undefined;
    try {
      const c = await openStore(clean.url, { analyzer: miniAnalyze });
      for (let i = 0; i < corpus().length; i += 2) await c.ingest(corpus().slice(i, i + 2));
      await c.close();
      const want = await contents(clean.url);

      await (await openStore(cut.url)).close(); // its tables made now, not under the lock below
      await enqueue(cut.url, corpus(), 2);
      // Hold the store's write lock: the worker's first commit waits for it inside its transaction, and its
      // connection is ended there by the server (pg_terminate_backend, as a restart or a failover does).
      await locker.query('BEGIN');
      await locker.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const lines: string[] = [];
      worker = runWorker(cut.url, {
        untilEmpty: true,
        pollSeconds: 0.5,
        analyzer: miniAnalyze,
        log: (l) => lines.push(l),
        stop: new Promise<void>((resolve) => (stopWorker = resolve)),
      });
      let terminated = false;
      for (let i = 0; i < 200 && !terminated; i++) {
        const r = await watcher.query(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
           WHERE application_name = 'chronicle' AND wait_event = 'advisory'`,
        );
        terminated = r.rows.some((x: { ok: boolean }) => x.ok);
        if (!terminated) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await locker.query('COMMIT');
      assert.ok(terminated, 'no commit waited for the write lock');
      const report = await worker;
      const said = lines.join('\n');
      assert.match(said, /^batch \S+: database unavailable \(.*57P01/m, said);
      assert.match(said, /^batch \S+: the database is back/m, said);
      assert.equal(report.batches, 3, said);
      assert.equal(report.added, corpus().length, said);
      assert.equal(report.failed, 0, said);
      assert.deepEqual(await contents(cut.url), want);
    } finally {
      stopWorker();
      await worker?.catch(() => {});
      await locker.end();
      await watcher.end();
      await clean.drop();
      await cut.drop();
    }
  },
);
