/**
 * The server's reader thread (reader.ts): opens the store on its own connection and builds what takes long to
 * read (a story's timeline view, an export), so the server's own thread never waits on it. Replies carry the
 * JSON body ready to send, or the error with what the server needs to map it (StoreError's file and code).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore, type ExportFormat, type StorySummary } from '../store/index.js';
import { StoreError, type StoreErrorCode } from '../store/errors.js';
import { exportStory } from '../render/story-export.js';
import { timelineView } from './timeline-view.js';
import { cachedJson } from './view-cache.js';
import { niceThisThread } from '../parallel/priority.js';
import type { TimelineQuery } from './schemas.js';

export type ReadRequest =
  | { id: number; kind: 'timeline'; story: StorySummary; query: TimelineQuery }
  | { id: number; kind: 'export'; story: string; format: ExportFormat };

export type ReadReply =
  | { id: number; kind: 'timeline'; body: Uint8Array<ArrayBuffer>; etag: string }
  | { id: number; kind: 'export'; text: string }
  | {
      id: number;
      kind: 'error';
      message: string;
      store?: { file: string; problem: string; code: StoreErrorCode; detail?: string };
    };

const port = parentPort;
if (!port) throw new Error('src/server/reader-worker is a worker thread entry point, not a module to import');
const { path, readonly, niceness } = workerData as { path: string; readonly: boolean; niceness?: number };
niceThisThread(niceness);
// Writable unless the server's store is not: a rebuilt timeline is saved for the next read (and restart). A store
// that cannot be opened here fails each request with the reason.
const opened = openStore(path, { readonly });
opened.catch(() => undefined);

async function answer(req: ReadRequest): Promise<void> {
  const p = port!;
  try {
    const store = await opened;
    if (req.kind === 'timeline') {
      const c = cachedJson(await timelineView(store, req.story, req.query));
      p.postMessage({ id: req.id, kind: 'timeline', body: c.body, etag: c.etag } satisfies ReadReply, [
        c.body.buffer,
      ]);
    } else {
      const text = await exportStory(store, req.story, req.format);
      p.postMessage({ id: req.id, kind: 'export', text } satisfies ReadReply);
    }
  } catch (e) {
    const err = e as Error;
    p.postMessage({
      id: req.id,
      kind: 'error',
      message: err.message,
      store:
        e instanceof StoreError
          ? { file: e.file, problem: e.problem, code: e.code, detail: e.detail }
          : undefined,
    } satisfies ReadReply);
  }
}

port.on('message', (req: ReadRequest) => void answer(req));
