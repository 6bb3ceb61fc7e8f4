/**
 * `chronicle eval stories --db postgres://… --workers N`: the story evaluation run the way a newsroom scales out
 * (issue 18): the articles are queued in batches (src/queue), N `chronicle worker` processes take them, analyse
 * them (or not: text only) and commit them, each commit clustering its batch against the stories committed so
 * far, in whatever order the workers finish. The stories are then read back from the store and scored like
 * the one-process clustering. Everything happens in a scratch schema of the given database, dropped afterwards.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { Article } from '../../model.js';
import { enqueueBatches, queueSchema } from '../../queue/index.js';
import { isPostgresUrl, redactUrl, StoreError } from '../../store/index.js';

/** What one worker process reported. */
export interface WorkerRun {
  batches: number;
  added: number;
  /** Seconds its commits waited for the store's write lock, and held it. */
  lockWaitSeconds: number;
  lockedSeconds: number;
  /** CPU seconds of the worker process (all its threads), when it says. */
  cpuSeconds?: number;
}

/** Starts one worker on the queue at `url` until it is empty; resolves with its report. */
export type WorkerLauncher = (url: string) => Promise<WorkerRun>;

/** How a queue run went. */
export interface QueueRun {
  workers: number;
  batches: number;
  /** Batches committed after a batch that was queued later (what concurrent workers change; 0 with one). */
  committedLate: number;
  /** Seconds from the workers' start to the last one's exit (model loading included). */
  workerSeconds: number;
  lockWaitSeconds: number;
  lockedSeconds: number;
  /** CPU seconds of the worker processes (null when one did not say). */
  workerCpuSeconds: number | null;
}

/** The command line of the `chronicle worker` that goes with this module: the sources under tsx, or the build. */
function workerCommand(): string[] {
  const here = fileURLToPath(import.meta.url);
  const cli = join(dirname(here), '..', here.endsWith('.ts') ? 'index.ts' : 'index.js');
  return here.endsWith('.ts') ? ['--import', 'tsx', cli] : [cli];
}

/** `chronicle worker --db <url> --until-empty -q` as a child process; its summary line is its report. */
export const spawnWorker: WorkerLauncher = (url) =>
  new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...workerCommand(), 'worker', '--db', url, '--until-empty', '-q'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    p.on('error', reject);
    p.on('exit', (code) => {
      const m = out.match(
        /batches (\d+), added (\d+).*waited ([\d.]+) s, held ([\d.]+) s(?:; CPU ([\d.]+) s)?/,
      );
      if (code !== 0 || !m)
        return reject(new Error(`a worker exited with code ${code}: ${(err || out).trim().slice(-500)}`));
      resolve({
        batches: Number(m[1]),
        added: Number(m[2]),
        lockWaitSeconds: Number(m[3]),
        lockedSeconds: Number(m[4]),
        ...(m[5] !== undefined && { cpuSeconds: Number(m[5]) }),
      });
    });
  });

/** A new schema in the database at `url` (the store's tables, and its queue in `<name>_queue`), with its URL. */
async function scratchSchema(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `chronicle_eval_${process.pid}_${Date.now().toString(36)}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.query(sql);
    } catch (e) {
      throw new StoreError(
        redactUrl(url),
        `cannot prepare a scratch schema: ${(e as Error).message}`,
        'unavailable',
      );
    } finally {
      await c.end().catch(() => {});
    }
  };
  await run(`CREATE SCHEMA ${name}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${name}`);
  const scratch = u.toString();
  return {
    url: scratch,
    drop: () =>
      run(`DROP SCHEMA IF EXISTS ${queueSchema(scratch)} CASCADE; DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
}

/** Batches committed after one queued later, from the order each batch's first article was stored in. */
export function committedLate(batchOf: Map<string, number>, stored: { id: string; rowid: number }[]): number {
  const first = new Map<number, number>();
  for (const { id, rowid } of stored) {
    const b = batchOf.get(id);
    const seen = b === undefined ? undefined : first.get(b);
    if (b !== undefined && (seen === undefined || rowid < seen)) first.set(b, rowid);
  }
  const order = [...first].sort((x, y) => x[1] - y[1]).map(([b]) => b);
  let late = 0;
  let highest = -1;
  for (const b of order) {
    if (b < highest) late++;
    highest = Math.max(highest, b);
  }
  return late;
}

/**
 * Queue `batches` (in this order) into a scratch schema of the PostgreSQL database at `url`, drain the queue with
 * `workers` worker processes, and return article id -> story id as the store holds them (articles the store
 * found to be duplicates are absent). `analyze` false: the workers store the articles as given (text only).
 */
export async function clusterThroughQueue(
  batches: Article[][],
  options: { url: string; workers: number; analyze: boolean; launch?: WorkerLauncher },
): Promise<{ assigned: Map<string, string>; run: QueueRun }> {
  if (!isPostgresUrl(options.url))
    throw new StoreError(options.url, 'expected a postgres:// URL', 'bad-input');
  const launch = options.launch ?? spawnWorker;
  const scratch = await scratchSchema(options.url);
  let failed = true;
  try {
    const n = await enqueueBatches(scratch.url, batches, { analyze: options.analyze ? 'auto' : 'never' });
    const t0 = performance.now();
    const runs = await Promise.all(Array.from({ length: options.workers }, () => launch(scratch.url)));
    const workerSeconds = (performance.now() - t0) / 1000;
    const c = new pg.Client({ connectionString: scratch.url });
    await c.connect();
    let rows: { id: string; rowid: number; story: string }[];
    try {
      rows = (
        await c.query(
          'SELECT a.id, a.rowid, s.id AS story FROM articles a JOIN stories s ON s.rowid = a.story_rowid',
        )
      ).rows as typeof rows;
    } finally {
      await c.end();
    }
    const batchOf = new Map<string, number>();
    batches.forEach((b, i) => b.forEach((a) => batchOf.set(a.id, i)));
    failed = false;
    return {
      assigned: new Map(rows.map((r) => [r.id, r.story])),
      run: {
        workers: options.workers,
        batches: n,
        committedLate: committedLate(batchOf, rows),
        workerSeconds,
        lockWaitSeconds: runs.reduce((s, r) => s + r.lockWaitSeconds, 0),
        lockedSeconds: runs.reduce((s, r) => s + r.lockedSeconds, 0),
        workerCpuSeconds: runs.every((r) => r.cpuSeconds !== undefined)
          ? runs.reduce((s, r) => s + r.cpuSeconds!, 0)
          : null,
      },
    };
  } finally {
    // A failed drop is reported unless it would hide the error that ended the run.
    await scratch.drop().catch((e) => {
      if (!failed) throw e;
    });
  }
}
