/**
 * Reads that take long run on a reader thread (reader-worker.ts) with its own connection to the store: a
 * 5,000-article story's timeline took ~2 s to rebuild after a write, during which the server answered nothing.
 * SQLite in WAL mode lets the reader read while the server's thread writes. A store only this process can see
 * (":memory:") has no reader; the server then builds these views inline.
 */
import type { Worker } from 'node:worker_threads';
import type { ExportFormat, StorySummary } from '../store/index.js';
import { StoreError } from '../store/errors.js';
import { startWorker, workerEntry } from '../parallel/pool.js';
import type { CachedBody } from './view-cache.js';
import type { TimelineQuery } from './schemas.js';
import type { ReadReply, ReadRequest } from './reader-worker.js';

type Pending = { resolve: (r: ReadReply) => void; reject: (e: Error) => void };
type Request = ReadRequest extends infer R ? (R extends ReadRequest ? Omit<R, 'id'> : never) : never;

const ENTRY = workerEntry('reader-worker', import.meta.url);

export class StoreReader {
  private worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  /** `niceness`: the reader's nice value (Linux), so that rebuilding views gives way to answering requests. */
  constructor(
    readonly path: string,
    private readonly readonly = false,
    private readonly niceness = 0,
  ) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = startWorker(ENTRY, { path: this.path, readonly: this.readonly, niceness: this.niceness });
    w.on('message', (m: ReadReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.kind !== 'error') return p.resolve(m);
      p.reject(
        m.store
          ? new StoreError(m.store.file, m.store.problem, m.store.code, m.store.detail)
          : new Error(m.message),
      );
    });
    const fail = (e: Error) => {
      for (const [, p] of this.pending) p.reject(e);
      this.pending.clear();
      if (!this.closed) this.worker = this.spawn();
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (!this.closed) fail(new Error(`the reader thread exited with code ${code}`));
    });
    w.unref(); // an idle reader does not keep the process alive
    return w;
  }

  private ask(req: Request): Promise<ReadReply> {
    if (this.closed) return Promise.reject(new Error('the store reader is closed'));
    const id = this.nextId++;
    return new Promise<ReadReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...req, id } as ReadRequest);
    });
  }

  /** The story's timeline view (timeline-view.ts) as a cacheable JSON body. */
  async timelineView(story: StorySummary, query: TimelineQuery): Promise<CachedBody> {
    const r = await this.ask({ kind: 'timeline', story, query });
    if (r.kind !== 'timeline') throw new Error('the reader answered out of turn');
    return { body: r.body, etag: r.etag };
  }

  async exportStory(story: string, format: ExportFormat): Promise<string> {
    const r = await this.ask({ kind: 'export', story, format });
    if (r.kind !== 'export') throw new Error('the reader answered out of turn');
    return r.text;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const [, p] of this.pending) p.reject(new Error('the store reader was closed'));
    this.pending.clear();
    await this.worker.terminate();
  }
}
