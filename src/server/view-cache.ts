/**
 * Responses of views that take long to build (a story's timeline: seconds for a 5,000-article story), cached
 * with the story version each was built from. A view is built once however many requests want it at the same
 * time. While a newer version is being built off the server's thread (reader.ts), requests are answered with
 * the previous one, marked stale, rather than made to wait: a story being written to keeps answering at once.
 * A write through this server waits (up to 2 s, see app.ts) for the cached views of the stories it touched to
 * be rebuilt before it answers, so its client sees its own write.
 */
import { createHash } from 'node:crypto';
import { LruCache } from './cache.js';

/** A JSON response body kept in the cache, with its entity tag. */
export interface CachedBody {
  /** UTF-8 JSON, encoded once. */
  body: Uint8Array<ArrayBuffer>;
  /** The same, gzipped, made on the first request that accepts gzip. */
  gzip?: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** Encode a value once as a cacheable JSON body. */
export function cachedJson(value: unknown): CachedBody {
  const body = new Uint8Array(Buffer.from(JSON.stringify(value), 'utf8'));
  return { body, etag: etagOf(body) };
}

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

interface Entry {
  version: string;
  value: CachedBody;
  /** Order in which builds started: an older build finishing late never replaces a newer one. */
  seq: number;
}

export class ViewCache {
  private readonly entries: LruCache<Entry>;
  private readonly building = new Map<string, Promise<CachedBody>>();
  /** Builds under way per key (any version). */
  private readonly buildsOf = new Map<string, number>();
  private seq = 0;

  /** `serveStale`: answer with the previous version while a build runs (only worth it when builds are async). */
  constructor(
    capacity: number,
    private readonly serveStale: boolean,
  ) {
    this.entries = new LruCache<Entry>(capacity);
  }

  /** The view `key` at `version`: cached, built (once), or the previous version while it is rebuilt. */
  async get(
    key: string,
    version: string,
    build: () => CachedBody | Promise<CachedBody>,
  ): Promise<{ value: CachedBody; stale: boolean }> {
    const e = this.entries.get(key);
    if (e && e.version === version) return { value: e.value, stale: false };
    // While a build of this view is under way, another version's waits for the next request after it: a story
    // written to steadily would otherwise queue one full rebuild per write on the reader thread.
    if (e && this.serveStale && this.buildsOf.has(key)) return { value: e.value, stale: true };
    const fresh = this.ensure(key, version, build);
    if (e && this.serveStale) {
      fresh.catch(() => undefined); // the failure reaches the next request, which waits (see ensure)
      return { value: e.value, stale: true };
    }
    return { value: await fresh, stale: false };
  }

  /** Build the view `key` at `version` (or join the build under way) and cache it. */
  ensure(key: string, version: string, build: () => CachedBody | Promise<CachedBody>): Promise<CachedBody> {
    const id = `${key}\u0001${version}`;
    let p = this.building.get(id);
    if (p) return p;
    const seq = ++this.seq;
    this.buildsOf.set(key, (this.buildsOf.get(key) ?? 0) + 1);
    p = Promise.resolve()
      .then(build)
      .then(
        (value) => {
          const cur = this.entries.peek(key);
          if (!cur || cur.seq < seq) this.entries.set(key, { version, value, seq });
          return value;
        },
        (err: unknown) => {
          // No stale answers for a view that cannot be rebuilt: the next request waits and sees the error.
          const cur = this.entries.peek(key);
          if (cur && cur.seq < seq) this.entries.delete(key);
          throw err;
        },
      )
      .finally(() => {
        this.building.delete(id);
        const n = (this.buildsOf.get(key) ?? 1) - 1;
        if (n > 0) this.buildsOf.set(key, n);
        else this.buildsOf.delete(key);
      });
    this.building.set(id, p);
    return p;
  }

  /** Cached keys starting with `prefix`, most recently used first. */
  keys(prefix: string): string[] {
    return this.entries
      .keys()
      .filter((k) => k.startsWith(prefix))
      .reverse();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
