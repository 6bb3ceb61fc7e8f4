/**
 * The analysis worker of AnalyzerPool (pool.ts): runs the pipeline on the batches it is sent and posts the
 * analysed articles back. It holds no state beyond the loaded models, so any worker gives the same result
 * for a batch as the main thread would. Asked to (`prepare`), it also computes what the store writes of each
 * article without looking at the store (src/store/prepare.ts), so the store's writer thread does not.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { niceThisThread } from './priority.js';
import { runPipeline, type StageName } from '../pipeline.js';
import type { Article } from '../model.js';
import { dropPrepared, prepareArticles, type PreparedArticle } from '../store/core/prepare.js';

export interface WorkRequest {
  id: number;
  /** 'json': parse `json` (UTF-8 JSON text) and send the value back, so a large request body is not parsed on
   * the caller's thread. Otherwise: analyse `articles`. */
  kind?: 'json';
  json?: Uint8Array;
  articles: Article[];
  disable?: StageName[];
  /** Post progress messages (only when the caller listens for them). */
  progress?: boolean;
  /** Also send each analysed article's store rows (prepareArticles), and the articles without what those rows
   * replace (dropPrepared): for the store's writer only. */
  prepare?: boolean;
}

export type WorkReply =
  | { id: number; kind: 'progress'; stage: string; done: number; total: number }
  | {
      id: number;
      kind: 'done';
      articles: Article[];
      entities: import('../model.js').Entity[];
      prepared?: PreparedArticle[];
    }
  | { id: number; kind: 'json'; value: unknown }
  | { id: number; kind: 'error'; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error('src/parallel/worker is a worker thread entry point, not a module to import');

niceThisThread((workerData as { niceness?: number } | undefined)?.niceness);

port.on('message', (req: WorkRequest) => {
  try {
    if (req.kind === 'json') {
      const value: unknown = JSON.parse(new TextDecoder().decode(req.json));
      return port.postMessage({ id: req.id, kind: 'json', value } satisfies WorkReply);
    }
    const analysis = runPipeline(req.articles, {
      disable: req.disable,
      onProgress: req.progress
        ? (stage, done, total) =>
            port.postMessage({ id: req.id, kind: 'progress', stage, done, total } satisfies WorkReply)
        : undefined,
    });
    const prepared = req.prepare ? prepareArticles(analysis.articles) : undefined;
    // Prepared articles go to the store's writer, which reads their prepared rows instead of these fields.
    if (prepared) dropPrepared(analysis.articles);
    port.postMessage(
      {
        id: req.id,
        kind: 'done',
        articles: analysis.articles,
        entities: analysis.entities,
        prepared,
      } satisfies WorkReply,
      // The term statistics arrays own their buffers (Uint32Array.from): moved, not copied.
      prepared?.map((p) => p.termStats.buffer as ArrayBuffer),
    );
  } catch (e) {
    const err = e as Error;
    port.postMessage({
      id: req.id,
      kind: 'error',
      message: err.message,
      stack: err.stack,
    } satisfies WorkReply);
  }
});
