/**
 * Starting and stopping the HTTP server (Node's http through @hono/node-server), with the threads that keep
 * its own thread free: an analysis pool for posted articles and a reader for long reads (see app.ts).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppOptions } from './app.js';
import { AnalyzerPool, defaultWorkers } from '../parallel/pool.js';
import { StoreReader } from './reader.js';

export { createApp, timelineView, API_VERSION, type AppOptions, type ChronicleApp } from './app.js';
export { DEFAULT_LIMITS, type InputLimits } from './inputs.js';
export { DEFAULT_WRITE_LIMITS, type WriteLimits } from './writes.js';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The analysis workers give way to the thread answering requests (Linux; see PoolOptions.niceness). */
export const ANALYSIS_NICENESS = 10;

/** The reader thread rebuilds views in the background too, but requests may wait on it: less lowered. */
export const READER_NICENESS = 5;

/** Analysis workers a server starts by default: the cores, at most 2 (each holds its own NER model, ~60 MB). */
export function defaultServerWorkers(): number {
  return Math.min(2, defaultWorkers());
}

export interface ServerOptions extends AppOptions {
  port?: number;
  host?: string;
  /** Analysis workers (default defaultServerWorkers(); 0: analyse on the server's thread, which then blocks). */
  workers?: number;
  /** Build timelines and exports on a reader thread (default: yes, for a store another thread can open). */
  readerThread?: boolean;
}

/** Listen on host:port (port 0 picks a free one) and resolve once the server accepts connections. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const workers = options.workers ?? defaultServerWorkers();
  const pool =
    options.pool ?? (workers > 0 ? new AnalyzerPool(workers, { niceness: ANALYSIS_NICENESS }) : undefined);
  const { store } = options;
  // A store another thread can open (a file, a database server) gets a reader thread with its own connection.
  const reader =
    options.reader ??
    (store.location && options.readerThread !== false
      ? new StoreReader(store.location, store.readonly, READER_NICENESS)
      : undefined);
  const stopThreads = async () => {
    if (!options.pool) await pool?.close();
    if (!options.reader) await reader?.close();
  };
  let app;
  try {
    app = createApp({ ...options, host, pool, reader });
  } catch (e) {
    await stopThreads();
    throw e;
  }
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: host },
      (info: AddressInfo) => {
        const shown = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shown}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              (server as Server).closeAllConnections?.();
              server.close(() => stopThreads().then(done, done));
            }),
        });
      },
    ) as Server;
    server.once('error', (e) => {
      stopThreads().finally(() => reject(e));
    });
  });
}
