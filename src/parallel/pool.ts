/**
 * A pool of worker threads that run the analysis pipeline (src/pipeline.ts) on batches of articles, so that
 * ingest uses every core: the main thread reads inputs and writes the store while the workers analyse the
 * next batches. Each batch is analysed whole by one worker with the same function the main thread uses
 * (`runPipeline`), so a batch's analysis does not depend on which worker ran it or on the pool size.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Analysis, Article } from '../model.js';
import { checkStages, type AnalyzeOptions } from '../pipeline.js';
import type { WorkReply, WorkRequest } from './worker.js';
import type { PreparedArticle } from '../store/core/prepare.js';

/** Default pool size: one worker per core, at most 8 (each worker holds its own copy of the NER model, ~60 MB). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** A batch's analysis, with the articles' store rows when asked for (`prepare`). */
export type PoolAnalysis = Analysis & { prepared?: PreparedArticle[] };

/** A finished request's reply (an analysis or a parsed value). */
type Finished = Extract<WorkReply, { kind: 'done' | 'json' }>;

interface Pending {
  resolve: (reply: Finished) => void;
  reject: (e: Error) => void;
  /** What failed, for the error message ("analysis", "parsing JSON"). */
  doing: string;
  onProgress?: AnalyzeOptions['onProgress'];
  worker: Slot;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/** A worker entry next to the calling module: `name`.ts when running from the sources, `name`.js when built. */
export function workerEntry(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

const WORKER_URL = workerEntry('worker', import.meta.url);

/** Built (dist/), a worker is plain JavaScript. Run from the sources under tsx, Node 20 does not carry the
 * `--import tsx` hook into worker threads, so the worker first registers tsx's loader, then imports the .ts entry. */
export function startWorker(entry: URL = WORKER_URL, workerData?: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export interface PoolOptions {
  /**
   * Nice value of the worker threads (Linux, where it is per thread: 0..19, higher yields the CPU sooner). A
   * server sets it so that analysis in the background gives way to the thread answering requests.
   */
  niceness?: number;
}

export class AnalyzerPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number = defaultWorkers(),
    private readonly options: PoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`pool size must be a positive integer, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = startWorker(WORKER_URL, { niceness: this.options.niceness ?? 0 });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (m: WorkReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.kind === 'progress') return p.onProgress?.(m.stage as never, m.done, m.total);
      this.pending.delete(m.id);
      slot.busy--;
      if (m.kind === 'error')
        p.reject(Object.assign(new Error(`${p.doing} failed in a worker: ${m.message}`), { stack: m.stack }));
      else p.resolve(m);
    });
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`analysis worker exited with code ${code}`));
    });
    // An idle pool must not keep the process alive.
    worker.unref();
    return slot;
  }

  /** A worker died: its batches fail (the caller's store has committed nothing of them), and it is replaced. */
  private fail(slot: Slot, e: Error) {
    for (const [id, p] of this.pending)
      if (p.worker === slot) {
        this.pending.delete(id);
        p.reject(e);
      }
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
  }

  /** Analyse one batch on the least busy worker. The returned articles are copies (structured clone). With
   * `prepare`, the worker also computes the articles' store rows (src/store/prepare.ts), in article order, and
   * the articles come back without what those rows hold (sentence tokens and texts, raw text: dropPrepared). */
  async analyze(
    articles: Article[],
    options: Pick<AnalyzeOptions, 'disable' | 'onProgress'> & { prepare?: boolean } = {},
  ): Promise<PoolAnalysis> {
    checkStages(options.disable); // here, so the caller gets a StageContractError, not a worker's message
    const m = await this.send(
      {
        articles,
        disable: options.disable,
        progress: Boolean(options.onProgress),
        prepare: options.prepare,
      },
      'analysis',
      options.onProgress,
    );
    if (m.kind !== 'done') throw new Error('the analysis worker answered out of turn');
    return { articles: m.articles, entities: m.entities, errors: [], prepared: m.prepared };
  }

  /**
   * Parse UTF-8 JSON text on a worker (its buffer is moved there, not copied): a server's thread is not held
   * by a large request body. A syntax error rejects with a SyntaxError saying where.
   */
  async parseJson(text: Uint8Array<ArrayBuffer>): Promise<unknown> {
    try {
      const m = await this.send({ kind: 'json', json: text, articles: [] }, 'parsing JSON', undefined, [
        text.buffer,
      ]);
      if (m.kind !== 'json') throw new Error('the worker answered out of turn');
      return m.value;
    } catch (e) {
      const message = (e as Error).message.replace(/^parsing JSON failed in a worker: /, '');
      throw (e as Error).message !== message ? new SyntaxError(message) : e;
    }
  }

  /** Send one request to the least busy worker. */
  private send(
    req: Omit<WorkRequest, 'id'>,
    doing: string,
    onProgress?: AnalyzeOptions['onProgress'],
    transfer: ArrayBuffer[] = [],
  ): Promise<Finished> {
    if (this.closed) return Promise.reject(new Error('the analyzer pool is closed'));
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    slot.worker.ref();
    return new Promise<Finished>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, doing, onProgress, worker: slot });
      try {
        slot.worker.postMessage({ ...req, id } satisfies WorkRequest, transfer);
      } catch (e) {
        // Not cloneable (a function, a class instance with private state...): nothing was sent.
        this.pending.delete(id);
        slot.busy--;
        reject(e as Error);
      }
    }).finally(() => {
      if (slot.busy === 0) slot.worker.unref();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const [, p] of this.pending) p.reject(new Error('the analyzer pool was closed'));
    this.pending.clear();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
