/**
 * Writes through the API without stalling reads. A POST of 1,000 articles once held the server's only thread
 * for half a minute of analysis; now:
 *  - the analysis runs on the worker pool (src/parallel/pool.ts, at a lower priority; batches of
 *    SERVER_ANALYSIS_BATCH, as the CLI's) and only the commits, in transactions of SERVER_WRITE_BATCH articles
 *    with a turn of the event loop between them, run on the server's thread;
 *  - write requests queue, one written at a time, and the queue is bounded: past `maxRequests` admitted
 *    requests or `maxArticles` queued articles a write gets 503 with a Retry-After estimated from recent
 *    writes (checked before the body is read, so a flood of uploads is not buffered either);
 *  - a store locked by another process (`chronicle ingest`) is waited for with timers, not by blocking.
 */
import type { Article } from '../model.js';
import type { IngestReport, Store } from '../store/index.js';
import type { AnalyzerPool } from '../parallel/pool.js';
import { ApiError } from './http.js';

export interface WriteLimits {
  /** Write requests admitted at once (being read, waiting or being written); one more gets 503. */
  maxRequests: number;
  /** Articles waiting or being written; a request that would pass this gets 503 (unless nothing is queued). */
  maxArticles: number;
}

export const DEFAULT_WRITE_LIMITS: WriteLimits = { maxRequests: 8, maxArticles: 2000 };

/**
 * Articles per transaction when the server writes through the pool. A commit holds the server's thread
 * (mostly the full-text index, the story's row and the commit itself): into a store holding a 5,000-article
 * story, articles of 7 KB, on the shared 2-core machine at load average ~15, the commits of 10 that took over
 * 30 ms took 129 ms median (p90 237, max 571), those of 5: 68 ms (p90 155, max 448); commits of 50, 300-500 ms.
 */
export const SERVER_WRITE_BATCH = 5;

/** Articles analysed together (as `chronicle ingest --batch` does): near-duplicates are found within a batch. */
export const SERVER_ANALYSIS_BATCH = 200;

/** How long a commit waits, asynchronously, for a store locked by another process before the write fails. */
export const SERVER_BUSY_RETRY_MS = 30_000;

/** Store the articles (into `story` when given) and report what happened. */
export type Ingest = (articles: Article[], story: string | undefined) => Promise<IngestReport>;

function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * How the server stores posted articles: through the pool when it has one and the store can use it (the
 * stores' ingestParallel), else with `store.ingest` on this thread (test doubles).
 */
export function ingestThrough(store: Store, pool?: AnalyzerPool, busyRetryMs = SERVER_BUSY_RETRY_MS): Ingest {
  if (pool && typeof store.ingestParallel === 'function') {
    const ingestParallel = store.ingestParallel.bind(store);
    return (articles, story) =>
      ingestParallel(batches(articles, SERVER_ANALYSIS_BATCH), pool, {
        story,
        commitSlice: SERVER_WRITE_BATCH,
        // Stored timelines are rebuilt when next read (off this thread, see reader.ts), not in each commit.
        refreshTimelines: false,
        busyRetryMs,
      });
  }
  return async (articles, story) => store.ingest(articles, story ? { story } : undefined);
}

/** An admitted write request: `write` once its articles are read, `release` when it is answered. */
export interface WriteTicket {
  write(articles: Article[], story: string | undefined): Promise<IngestReport>;
  release(): void;
}

export class WriteQueue {
  private admitted = 0;
  private queued = 0;
  private tail: Promise<unknown> = Promise.resolve();
  /** Recent seconds per article written (smoothed), for Retry-After. */
  private secondsPerArticle = 0.05;

  constructor(
    private readonly ingest: Ingest,
    private readonly limits: WriteLimits = DEFAULT_WRITE_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Articles waiting or being written. */
  get queuedArticles(): number {
    return this.queued;
  }

  /** Seconds until the queue has likely drained (1..300). */
  retryAfter(): number {
    return Math.min(300, Math.max(1, Math.ceil(this.queued * this.secondsPerArticle)));
  }

  private full(why: string): ApiError {
    const after = this.retryAfter();
    return new ApiError(
      503,
      `the server is busy writing (${why}); try again in ${after} s`,
      { 'Retry-After': String(after) },
      { code: 'write-queue-full' },
    );
  }

  /** Admit a write request, or refuse it (503) when the queue is full. */
  admit(): WriteTicket {
    if (this.admitted >= this.limits.maxRequests)
      throw this.full(`${this.admitted} write requests are in progress`);
    if (this.queued >= this.limits.maxArticles) throw this.full(`${this.queued} articles are queued`);
    this.admitted++;
    let released = false;
    return {
      write: (articles, story) => this.enqueue(articles, story),
      release: () => {
        if (!released) this.admitted--;
        released = true;
      },
    };
  }

  private enqueue(articles: Article[], story: string | undefined): Promise<IngestReport> {
    const n = articles.length;
    if (this.queued > 0 && this.queued + n > this.limits.maxArticles)
      throw this.full(`${this.queued} articles are queued`);
    this.queued += n;
    const run = async () => {
      const t0 = this.now();
      try {
        return await this.ingest(articles, story);
      } finally {
        this.queued -= n;
        const per = (this.now() - t0) / 1000 / Math.max(1, n);
        this.secondsPerArticle = 0.7 * this.secondsPerArticle + 0.3 * per;
      }
    };
    const job = this.tail.then(run, run);
    this.tail = job.catch(() => undefined);
    return job;
  }
}
