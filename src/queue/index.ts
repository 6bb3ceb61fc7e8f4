/**
 * Distributed ingest over PostgreSQL (issue 18): batches of articles wait in a durable job queue (pg-boss, in the
 * same database as the store) and worker processes on any machine take them, analyse them and commit them. The
 * analysis is fully parallel (a pool of threads per worker, any number of workers); the commit of a batch is the
 * only serial step (the store's advisory write lock). A batch is a job: retried with backoff when it fails, taken
 * again when its worker dies (the job expires), and committed idempotently (articles are keyed by content hash
 * and canonical URL), so no article is lost and none is stored twice. A restart of the database is ridden out:
 * the batch it cut is tried again once the server answers (runWorker).
 *
 * Why pg-boss: it needs nothing but the PostgreSQL the store already uses (no Redis, no broker), its 10.x line
 * runs on Node 20 (graphile-worker, the other candidate, is as capable but wants its own SQL functions and a
 * migration step per release), and it gives retries with backoff, expiry of jobs whose worker vanished, and
 * queue sizes by state — all this module needs.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Article } from '../model.js';
import {
  openStore,
  PgStore,
  redactUrl,
  StoreError,
  storeFailure,
  type OpenOptions,
  type Store,
} from '../store/index.js';
import { pgStoreError } from '../store/postgres/errors.js';
import { AnalyzerPool } from '../parallel/pool.js';

/** The queue of ingest batches. */
export const INGEST_QUEUE = 'chronicle-ingest';

/** Seconds a batch may stay taken before it is considered abandoned (its worker died) and taken again. */
export const BATCH_EXPIRY_SECONDS = 300;
/** Tries of a batch before it is left failed (then `chronicle status` lists it), with exponential backoff. */
export const BATCH_RETRY_LIMIT = 5;
export const BATCH_RETRY_DELAY_SECONDS = 5;

/** The schema the queue lives in: beside the store's, so stores in different schemas have different queues. */
export function queueSchema(url: string): string {
  const path = new URL(url).searchParams.get('options')?.match(/search_path=([A-Za-z0-9_]+)/)?.[1];
  return path ? `${path}_queue` : 'chronicle_queue';
}

export interface QueueOptions {
  /** Seconds before a taken batch whose worker stopped answering is taken again (default BATCH_EXPIRY_SECONDS). */
  expireInSeconds?: number;
  /** Seconds between the queue's maintenance runs, which find expired batches (default 30). */
  maintenanceSeconds?: number;
  /** First retry delay in seconds, doubled on each try (default BATCH_RETRY_DELAY_SECONDS). */
  retryDelaySeconds?: number;
}

/** A started pg-boss on the store's database, with the ingest queue created. Errors name the URL without password. */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    connectionString: url,
    schema: queueSchema(url),
    max: 4,
    application_name: 'chronicle-queue',
    // Jobs are polled by the workers; the supervisor keeps expiry and retention running. No cron schedules.
    supervise: true,
    schedule: false,
  });
  boss.on('error', () => {});
  try {
    await boss.start();
    await boss.createQueue(INGEST_QUEUE, {
      name: INGEST_QUEUE,
      retryLimit: BATCH_RETRY_LIMIT,
      retryDelay: options.retryDelaySeconds ?? BATCH_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? BATCH_EXPIRY_SECONDS,
    });
  } catch (e) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw new StoreError(redactUrl(url), `cannot open the job queue: ${(e as Error).message}`, 'unavailable');
  }
  return boss;
}

/** Articles per batch `chronicle ingest` writes or queues unless told (--batch). */
export const DEFAULT_BATCH_SIZE = 200;

/** What a queued batch carries. */
export interface BatchJob {
  articles: Article[];
  /** 'never': the worker stores the articles as given, without analysing them (IngestOptions.analyze). */
  analyze?: 'never';
}

export interface EnqueueOptions extends QueueOptions {
  /** 'never': workers store these articles as given (already analysed, or studied as text only). */
  analyze?: 'auto' | 'never';
}

/** Queue the articles in batches of `batchSize`; returns the number of batches queued. */
export async function enqueue(
  url: string,
  articles: Article[],
  batchSize: number,
  options: EnqueueOptions = {},
): Promise<number> {
  const batches: Article[][] = [];
  for (let i = 0; i < articles.length; i += batchSize) batches.push(articles.slice(i, i + batchSize));
  return enqueueBatches(url, batches, options);
}

/** Queue batches cut by the caller, in this order (a single worker takes them in it); returns how many. */
export async function enqueueBatches(
  url: string,
  batches: Article[][],
  options: EnqueueOptions = {},
): Promise<number> {
  const boss = await openQueue(url, options);
  try {
    let n = 0;
    for (const articles of batches) {
      const job: BatchJob = options.analyze === 'never' ? { articles, analyze: 'never' } : { articles };
      await boss.send(INGEST_QUEUE, job, {
        retryLimit: BATCH_RETRY_LIMIT,
        retryDelay: options.retryDelaySeconds ?? BATCH_RETRY_DELAY_SECONDS,
        retryBackoff: true,
        expireInSeconds: options.expireInSeconds ?? BATCH_EXPIRY_SECONDS,
      });
      n++;
    }
    return n;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export interface WorkerOptions extends QueueOptions {
  /** Batches analysed at once in this process (analysis threads); default 1. */
  concurrency?: number;
  /** Exit once no batch is queued, retrying or taken anywhere. */
  untilEmpty?: boolean;
  /** Seconds between polls of the queue (default 1). */
  pollSeconds?: number;
  log?: (line: string) => void;
  /** Resolves when the worker should stop (SIGTERM): taken batches are finished, none is taken after. */
  stop?: Promise<void>;
  /** The analysis (tests: a small deterministic one run on the main thread; default the pipeline on threads). */
  analyzer?: OpenOptions['analyzer'];
}

export interface WorkerReport {
  batches: number;
  added: number;
  duplicates: number;
  failed: number;
  seconds: number;
  /** Seconds this worker's commits waited for the store's write lock, and held it (the serial part). */
  lockWaitSeconds: number;
  lockedSeconds: number;
}

/** Workers seen, per process: written by each worker as it runs (for `chronicle status`). */
async function heartbeat(url: string, id: string, r: WorkerReport, started: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  // A connection cut meanwhile fails the query; without a listener its 'error' event would end the process.
  c.on('error', () => {});
  await c.connect();
  try {
    const t = `${queueSchema(url)}.chronicle_workers`;
    await c.query(`CREATE TABLE IF NOT EXISTS ${t} (id text PRIMARY KEY, host text NOT NULL, pid integer NOT NULL,
      started_at timestamptz NOT NULL, seen_at timestamptz NOT NULL, batches integer NOT NULL, articles integer NOT NULL)`);
    await c.query(
      `INSERT INTO ${t} (id, host, pid, started_at, seen_at, batches, articles) VALUES ($1, $2, $3, $4, now(), $5, $6)
       ON CONFLICT (id) DO UPDATE SET seen_at = now(), batches = excluded.batches, articles = excluded.articles`,
      [id, hostname(), process.pid, started, r.batches, r.added],
    );
  } finally {
    await c.end();
  }
}

/** Milliseconds between tries while the database cannot be reached: doubled after each failed try, up to the max. */
export const RECONNECT_DELAY_MS = 500;
export const RECONNECT_MAX_DELAY_MS = 5000;

/** A failure that means the database cannot be reached or the connection to it was lost (a restart, a failover). */
function isUnavailable(e: unknown): boolean {
  return storeFailure(pgStoreError('', e, '')) === 'unavailable';
}

/** What went wrong, without the store's URL (the log line names the batch). */
const reason = (e: unknown) => (e instanceof StoreError ? e.problem : (e as Error).message);

/** What a worker's batches share: the store, the queue, the analysis threads, the report and the stop signal. */
interface WorkerContext {
  store: Store;
  boss: PgBoss;
  pool: AnalyzerPool | null;
  report: WorkerReport;
  log: (line: string) => void;
  /** Aborted when the worker stops: no batch is taken after, waits end at once. */
  halt: AbortSignal;
  expireInSeconds?: number;
  beat: () => Promise<void>;
}

const nap = (ms: number, halt: AbortSignal) => sleep(ms, undefined, { signal: halt }).catch(() => {});

/** `f`, tried again while the database cannot be reached, until `deadline` (ms) or the worker stops. */
async function patiently<T>(
  what: string,
  f: () => Promise<T>,
  deadline: number,
  cx: WorkerContext,
): Promise<T> {
  let said = false;
  for (let wait = RECONNECT_DELAY_MS; ; wait = Math.min(2 * wait, RECONNECT_MAX_DELAY_MS)) {
    try {
      const r = await f();
      if (said) cx.log(`${what}: the database is back`);
      return r;
    } catch (e) {
      if (!isUnavailable(e) || cx.halt.aborted || Date.now() + wait > deadline) throw e;
      if (!said) cx.log(`${what}: database unavailable (${reason(e)}); trying again until it answers`);
      said = true;
    }
    await nap(wait, cx.halt);
  }
}

/** Analyse and commit one taken batch, then mark it done (or failed, to be retried with backoff). */
async function takeBatch(job: PgBoss.Job<BatchJob>, cx: WorkerContext): Promise<void> {
  const { report, log } = cx;
  const name = `batch ${job.id}`;
  // Past its expiry the batch is another worker's to take: tries stop there.
  const lease = (job.expireInSeconds || cx.expireInSeconds || BATCH_EXPIRY_SECONDS) * 1000;
  log(`${name}: taken (${job.data.articles.length} articles)`);
  let r;
  try {
    r = await patiently(
      name,
      () => {
        // Each try from the articles as queued: a failed try may have analysed them in place.
        const articles = structuredClone(job.data.articles);
        const analyze = job.data.analyze === 'never' ? 'never' : 'auto';
        return cx.pool
          ? cx.store.ingestParallel!([articles], cx.pool, { busyRetryMs: 60_000, analyze })
          : cx.store.ingest(articles, { analyze });
      },
      Date.now() + lease,
      cx,
    );
  } catch (e) {
    report.failed++;
    log(`${name} failed (it will be retried): ${reason(e)}`);
    const fail = () => cx.boss.fail(INGEST_QUEUE, job.id, { message: reason(e) });
    await patiently(name, fail, Date.now() + lease, cx).catch((e2) =>
      log(`${name}: could not be marked failed (${reason(e2)}); it is taken again when it expires`),
    );
    return;
  }
  report.batches++;
  report.added += r.added.length;
  report.duplicates += r.duplicates.length;
  log(`${name}: added ${r.added.length}, duplicates ${r.duplicates.length}`);
  await patiently(name, () => cx.boss.complete(INGEST_QUEUE, job.id), Date.now() + lease, cx).catch((e) =>
    log(
      `${name}: committed, but could not be marked done (${reason(e)}); it is taken again when it expires, ` +
        'and its articles are then duplicates',
    ),
  );
  await cx.beat();
}

/**
 * Take batches from the queue, analyse and commit them, until stopped (or, with untilEmpty, the queue is empty).
 *
 * The worker rides out a restart of the database: a batch whose reads or commit lost the connection is tried
 * again, from the queued articles, until the database answers (at most until the batch expires, when another
 * worker may take it); this is safe because a try either committed nothing or committed the batch, and a batch
 * committed already finds its articles stored (content hash) and stores nothing. Marking a batch done or failed
 * is retried the same way. The jobs are taken with pg-boss's fetch rather than its `work` loop, which does not
 * wait for its own complete/fail calls: one that meets a restarting server rejects unhandled and ends the process.
 */
export async function runWorker(url: string, options: WorkerOptions = {}): Promise<WorkerReport> {
  const t0 = performance.now();
  const log = options.log ?? (() => {});
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const store: Store = await openStore(url, options.analyzer ? { analyzer: options.analyzer } : {});
  const boss = await openQueue(url, options).catch(async (e) => {
    await store.close();
    throw e;
  });
  // pg-boss's own failures (its maintenance, an idle connection cut by the server): said; it reconnects itself.
  boss.on('error', (e: Error) => log(`queue: ${e.message}`));
  const pool = options.analyzer ? null : new AnalyzerPool(concurrency);
  const report: WorkerReport = {
    batches: 0,
    added: 0,
    duplicates: 0,
    failed: 0,
    seconds: 0,
    lockWaitSeconds: 0,
    lockedSeconds: 0,
  };
  const id = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;
  const started = new Date().toISOString();
  let running = 0;
  const beat = () => heartbeat(url, id, report, started).catch(() => {});
  await beat();
  log(`worker ${id}: taking batches (${concurrency} at a time)`);
  const halt = new AbortController();
  const pollMs = Math.max(0.5, options.pollSeconds ?? 1) * 1000;
  const cx: WorkerContext = {
    store,
    boss,
    pool,
    report,
    log,
    halt: halt.signal,
    expireInSeconds: options.expireInSeconds,
    beat,
  };

  // One loop per batch analysed at once. pg-boss's fetch answers [] when the database cannot be reached: the
  // loop then waits a poll and asks again.
  const loop = async () => {
    while (!halt.signal.aborted) {
      const jobs = await boss
        .fetch<BatchJob>(INGEST_QUEUE, { batchSize: 1 })
        .catch(() => [] as PgBoss.Job<BatchJob>[]);
      if (!jobs.length) {
        await nap(pollMs, halt.signal);
        continue;
      }
      running++;
      try {
        for (const job of jobs) await takeBatch(job, cx);
      } finally {
        running--;
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  try {
    await new Promise<void>((resolve) => {
      options.stop?.then(resolve);
      if (options.untilEmpty) {
        const check = async () => {
          if (halt.signal.aborted) return;
          try {
            // Queued or retrying (before 'active'), and taken (before 'completed'), anywhere.
            const pending = await boss.getQueueSize(INGEST_QUEUE, { before: 'completed' });
            if (pending === 0 && running === 0) return resolve();
          } catch {
            // The database is restarting: ask again.
          }
          await nap(pollMs, halt.signal);
          void check();
        };
        void nap(pollMs, halt.signal).then(check);
      }
    });
  } finally {
    // Batches being analysed are finished and committed (or, the database gone, left to expire); none is taken after.
    halt.abort();
    await Promise.all(loops);
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await beat();
    await pool?.close();
    await store.close();
  }
  report.seconds = (performance.now() - t0) / 1000;
  if (store instanceof PgStore) {
    report.lockWaitSeconds = store.commitTimes.waitSeconds;
    report.lockedSeconds = store.commitTimes.lockedSeconds;
  }
  return report;
}

export interface QueueStatus {
  queued: number;
  retrying: number;
  running: number;
  failed: number;
  completed: number;
  /** Workers that reported within the last 5 minutes. */
  workers: {
    id: string;
    host: string;
    pid: number;
    seenSecondsAgo: number;
    batches: number;
    articles: number;
  }[];
  /** Articles stored in the last 5 minutes, per minute. */
  articlesPerMinute: number;
}

/** Queue depth by state, workers seen, recent throughput. */
export async function queueStatus(url: string): Promise<QueueStatus> {
  const boss = await openQueue(url);
  await boss.stop({ graceful: false, wait: true });
  const schema = queueSchema(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const counts = new Map<string, number>();
    for (const r of (
      await c.query(`SELECT state, count(*)::int AS n FROM ${schema}.job WHERE name = $1 GROUP BY state`, [
        INGEST_QUEUE,
      ])
    ).rows as { state: string; n: number }[])
      counts.set(r.state, r.n);
    await c.query(`CREATE TABLE IF NOT EXISTS ${schema}.chronicle_workers (id text PRIMARY KEY, host text NOT NULL,
      pid integer NOT NULL, started_at timestamptz NOT NULL, seen_at timestamptz NOT NULL, batches integer NOT NULL,
      articles integer NOT NULL)`);
    const workers = (
      await c.query(
        `SELECT id, host, pid, extract(epoch FROM now() - seen_at)::int AS "seenSecondsAgo", batches, articles
         FROM ${schema}.chronicle_workers WHERE seen_at > now() - interval '5 minutes' ORDER BY seen_at DESC`,
      )
    ).rows as QueueStatus['workers'];
    const since = new Date(Date.now() - 5 * 60_000).toISOString();
    const recent = await c
      .query('SELECT count(*)::int AS n FROM articles WHERE added_at >= $1', [since])
      .then((r) => (r.rows[0] as { n: number }).n)
      .catch(() => 0);
    return {
      queued: counts.get('created') ?? 0,
      retrying: counts.get('retry') ?? 0,
      running: counts.get('active') ?? 0,
      failed: counts.get('failed') ?? 0,
      completed: counts.get('completed') ?? 0,
      workers,
      articlesPerMinute: recent / 5,
    };
  } finally {
    await c.end();
  }
}
