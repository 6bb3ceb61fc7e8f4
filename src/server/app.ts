/**
 * The HTTP API and web app: a thin Hono layer over the Store interface and the library. Routes validate
 * input (zod), call the store, and shape JSON; the derived views live in views.ts and timeline-view.ts. Who may
 * call is checked in guard.ts, writes go through a bounded queue (writes.ts), and what takes long to read runs
 * on a reader thread (reader.ts) so that the server's own thread keeps answering.
 */
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { IngestReport, Store, StorySummary } from '../store/index.js';
import type { AnalyzerPool } from '../parallel/pool.js';
import { LruCache } from './cache.js';
import { apiErrorOf } from './failures.js';
import { allowedHosts, checkSameOrigin, hostChecker } from './guard.js';
import { ApiError, SECURITY_HEADERS, bearerMatches, validate } from './http.js';
import { DEFAULT_LIMITS, articlesFromRequest, type InputLimits, type JsonParser } from './inputs.js';
import { openApiDocument } from './openapi.js';
import type { StoreReader } from './reader.js';
import { exportQuery, listQuery, searchQuery, timelineQuery, type TimelineQuery } from './schemas.js';
import { loadStaticFiles, WEB_ROOT } from './static.js';
import { timelineView } from './timeline-view.js';
import { cachedJson, ViewCache, type CachedBody } from './view-cache.js';
import { StoryVersions } from './stories.js';
import { coOccurrence } from './views.js';
import { exportStory } from '../render/story-export.js';
import { DEFAULT_WRITE_LIMITS, ingestThrough, WriteQueue, type WriteLimits } from './writes.js';

export { timelineView, DEFAULT_MAX_QUOTES, DEFAULT_MAX_SOURCES } from './timeline-view.js';
import { registerSourcesRoute } from './sources-route.js';
import { VERSION } from '../version.js';

export interface AppOptions {
  store: Store;
  /** When set, every write needs `Authorization: Bearer <token>`; an empty token is refused (TypeError). */
  token?: string;
  limits?: Partial<InputLimits>;
  /** Timeline responses kept in memory (keyed by story and parameters, tagged with the story version). */
  cacheEntries?: number;
  /** Folder of the web app (default: `web/` at the package root). */
  webRoot?: string;
  /** Where unexpected errors are logged (default: stderr). */
  log?: (line: string) => void;
  /**
   * How long a story's summary (which versions the timeline cache) is reused, in ms (default 1000). Writes
   * through this server take effect at once; writes by another process (`chronicle ingest`) within this time.
   */
  summaryTtlMs?: number;
  /** Clock for the summary TTL (tests). */
  now?: () => number;
  /** The address the server is bound to: requests naming it in `Host` are answered (see guard.ts). */
  host?: string;
  /** More names the server answers to in `Host` (--allowed-host), besides the bound address and loopback. */
  allowedHosts?: string[];
  /** Posted articles are analysed on this pool (startServer makes one); without it, on the calling thread. */
  pool?: AnalyzerPool;
  /** Timeline views and exports are built on this reader thread (startServer makes one); without it, inline. */
  reader?: StoreReader;
  /** Bounds of the write queue (writes.ts). */
  writeLimits?: Partial<WriteLimits>;
  /** How long a write waits for a store another process has locked, in ms (default 30 s; pool writes only). */
  busyRetryMs?: number;
}

/** The API's version: Chronicle's (src/version.ts). */
export const API_VERSION = VERSION;

const EXPORT_TYPES = {
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  markdown: { type: 'text/markdown; charset=utf-8', ext: 'md' },
  timelinejs: { type: 'application/json; charset=utf-8', ext: 'timeline.json' },
} as const;

/** Cached timeline views rebuilt for each story a write touched, before the write answers. */
const REFRESH_PER_STORY = 4;
/** How long a write waits for those rebuilds before it answers anyway (a 5,000-article story's takes seconds). */
const REFRESH_WAIT_MS = 2000;

const timelinePrefix = (id: string) => `timeline\u0000${id}\u0000`;

export function createApp(options: AppOptions) {
  const { store, reader } = options;
  if (options.token !== undefined && !options.token.trim())
    throw new TypeError('createApp: the token is empty (leave it out to run without one)');
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const views = new ViewCache(options.cacheEntries ?? 500, Boolean(reader));
  const lists = new LruCache<CachedBody>(options.cacheEntries ?? 500);
  const files = loadStaticFiles(options.webRoot ?? WEB_ROOT);
  const checkHost = hostChecker(allowedHosts(options.host, options.allowedHosts));
  const writes = new WriteQueue(ingestThrough(store, options.pool, options.busyRetryMs), {
    ...DEFAULT_WRITE_LIMITS,
    ...options.writeLimits,
  });

  const app = new Hono();
  installPlumbing(app, options.token, checkHost, log);

  const stories = new StoryVersions(
    store,
    options.summaryTtlMs ?? 1000,
    options.now ?? (() => performance.now()),
  );
  const buildTimeline = (s: StorySummary, q: TimelineQuery): CachedBody | Promise<CachedBody> =>
    reader ? reader.timelineView(s, q) : timelineView(store, s, q).then(cachedJson);

  /** After a write: the touched stories' versions move on, and their cached views are rebuilt (briefly awaited). */
  const afterWrite = async (report: IngestReport) => {
    stories.written(report);
    for (const m of report.merged ?? []) for (const k of views.keys(timelinePrefix(m.from))) views.delete(k);
    const rebuilds: Promise<unknown>[] = [];
    for (const id of report.storiesTouched) {
      const s = await store.getStory(id);
      if (!s) continue;
      for (const key of views.keys(timelinePrefix(id)).slice(0, REFRESH_PER_STORY)) {
        const q = JSON.parse(key.slice(timelinePrefix(id).length)) as TimelineQuery;
        rebuilds.push(views.ensure(key, stories.version(s), () => buildTimeline(s, q)));
      }
    }
    // A view that fails to rebuild is rebuilt (and its error reported) when next asked for; one that takes
    // long is served stale until it is done.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(rebuilds),
      new Promise((resolve) => (timer = setTimeout(resolve, REFRESH_WAIT_MS))),
    ]);
    clearTimeout(timer);
  };

  const { pool } = options;
  const parseJson = typeof pool?.parseJson === 'function' ? pool.parseJson.bind(pool) : undefined;
  const ctx: Routes = { store, reader, limits, views, lists, stories, writes, buildTimeline, afterWrite };
  ctx.parseJson = parseJson;
  readRoutes(app, ctx);
  writeRoutes(app, ctx);
  staticRoutes(app, files);
  return app;
}

export type ChronicleApp = ReturnType<typeof createApp>;

/** What the route groups share. */
interface Routes {
  store: Store;
  reader?: StoreReader;
  limits: InputLimits;
  views: ViewCache;
  lists: LruCache<CachedBody>;
  stories: StoryVersions;
  writes: WriteQueue;
  buildTimeline: (s: StorySummary, q: TimelineQuery) => CachedBody | Promise<CachedBody>;
  afterWrite: (report: IngestReport) => Promise<void>;
  /** Large JSON bodies are parsed here (the pool's workers), not on the server's thread. */
  parseJson?: JsonParser;
}

/** The read routes: health, the OpenAPI document, stories and their views, search. */
function readRoutes(app: Hono, { store, reader, limits, views, lists, stories, buildTimeline }: Routes) {
  app.get('/healthz', (c) => c.json({ ok: true, version: API_VERSION }));

  app.get('/openapi.json', (c) => c.json(openApiDocument(limits, API_VERSION)));

  app.get('/api/stories', async (c) => c.json({ stories: await store.listStories() }));

  app.get('/api/stories/:id', async (c) => c.json({ story: await stories.ofRoute(c, '') }));

  app.get('/api/stories/:id/timeline', async (c) => {
    const s = await stories.ofRoute(c, '/timeline');
    const q = validate(timelineQuery, c.req.query(), 'query');
    const key = `${timelinePrefix(s.id)}${JSON.stringify(q)}`;
    const { value, stale } = await views.get(key, stories.version(s), () => buildTimeline(s, q));
    return sendCached(c, value, stale);
  });

  app.get('/api/stories/:id/entities', async (c) => {
    const s = await stories.ofRoute(c, '/entities');
    const q = validate(listQuery.pick({ limit: true, type: true }), c.req.query(), 'query');
    const key = `entities\u0000${s.id}\u0000${stories.version(s)}\u0000${JSON.stringify(q)}`;
    let hit = lists.get(key);
    if (!hit) {
      const entities = await store.entities({ story: s.id, type: q.type, limit: q.limit ?? 100 });
      hit = cachedJson({ story: s.id, entities, cooccurrence: coOccurrence(entities) });
      lists.set(key, hit);
    }
    return sendCached(c, hit);
  });

  app.get('/api/stories/:id/quotes', async (c) => {
    const s = await stories.ofRoute(c, '/quotes');
    const q = validate(listQuery.pick({ limit: true, speaker: true }), c.req.query(), 'query');
    return c.json({
      story: s.id,
      quotes: await store.quotes({ story: s.id, speaker: q.speaker, limit: q.limit ?? 200 }),
    });
  });

  app.get('/api/stories/:id/export', async (c) => {
    const s = await stories.ofRoute(c, '/export');
    const q = validate(exportQuery, c.req.query(), 'query');
    const kind = EXPORT_TYPES[q.format];
    const name =
      q.name ?? `${s.id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'story'}.${kind.ext}`;
    const body = reader ? await reader.exportStory(s.id, q.format) : await exportStory(store, s.id, q.format);
    return c.body(body, 200, {
      'Content-Type': kind.type,
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });

  registerSourcesRoute(app, store);

  app.get('/api/search', async (c) => {
    const q = validate(searchQuery, c.req.query(), 'query');
    const hits = await store.search(q.q, {
      entity: q.entity,
      source: q.source,
      story: q.story,
      from: q.from,
      to: q.to,
      limit: q.limit ?? 50,
    });
    return c.json({ query: q.q, hits });
  });
}

/** Articles in: admitted by the write queue, read, stored; the touched stories' views rebuilt. */
function writeRoutes(app: Hono, { limits, stories, writes, afterWrite, parseJson }: Routes) {
  app.post('/api/articles', async (c) => {
    // Admitted (or refused with 503) before the body is read.
    const ticket = writes.admit();
    try {
      const {
        articles,
        problems,
        story: into,
      } = await articlesFromRequest(c.req.raw, c.req.query(), limits, parseJson);
      if (!articles.length)
        throw new ApiError(
          400,
          `no article could be read: ${problems.map((p) => `${p.input}: ${p.message}`).join('; ')}`,
        );
      // 404 before storing anything when the chosen story does not exist; a merged story's id means its story.
      const target = into ? (await stories.summary(into)).id : undefined;
      const report = await ticket.write(articles, target);
      await afterWrite(report);
      return c.json({ ...report, errors: problems }, 201);
    } finally {
      ticket.release();
    }
  });

  app.all('/api/articles', (c) => {
    c.header('Allow', 'POST');
    throw new ApiError(405, `${c.req.method} is not allowed here: POST articles to /api/articles`);
  });
}

/** The web app's files. */
function staticRoutes(app: Hono, files: ReturnType<typeof loadStaticFiles>) {
  app.get('*', (c) => {
    const f = files.get(c.req.path);
    if (!f) return jsonError(c, 404, `no such file: ${c.req.path}`);
    if (c.req.header('if-none-match') === f.etag) return c.body(null, 304, { ETag: f.etag });
    return c.body(f.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': f.type,
      ETag: f.etag,
      'Cache-Control': 'no-cache',
    });
  });
}

/** Security headers, errors as JSON (store failures mapped, see failures.ts), and who may call (guard.ts). */
function installPlumbing(
  app: Hono,
  token: string | undefined,
  checkHost: (req: Request) => void,
  log: (line: string) => void,
) {
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  app.onError((err, c) => {
    const e = apiErrorOf(err) ?? err;
    if (e !== err && (e as ApiError).status >= 500 && (e as ApiError).status !== 503)
      log(`chronicle serve: ${c.req.method} ${c.req.path}: ${(err as Error).message}`);
    if (e instanceof ApiError) {
      for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
      return jsonError(c, e.status, e.message, e.details);
    }
    if (e instanceof HTTPException) return jsonError(c, e.status, e.message || 'request refused');
    log(`chronicle serve: ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? err}`);
    return jsonError(c, 500, 'internal error (see the server log)');
  });

  app.notFound((c) => jsonError(c, 404, `no route for ${c.req.method} ${c.req.path}`));

  // Every request must name this server (DNS rebinding); writes need the token, or without one must not come
  // from another site's page.
  app.use('*', async (c, next) => {
    checkHost(c.req.raw);
    if (token) {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS')
        if (!bearerMatches(c.req.header('authorization'), token)) {
          c.header('WWW-Authenticate', 'Bearer realm="chronicle"');
          throw new ApiError(401, 'this server needs "Authorization: Bearer <token>" for writes');
        }
    } else checkSameOrigin(c.req.raw);
    await next();
  });
}

/** Bodies smaller than this are not worth compressing. */
const GZIP_MIN_BYTES = 1024;

/** Send a cached JSON body (304 on a matching ETag, gzipped when accepted); a stale one says so. */
function sendCached(c: Context, hit: CachedBody, stale = false) {
  const headers: Record<string, string> = {
    ETag: hit.etag,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (stale) headers['Chronicle-Stale'] = 'rebuilding';
  if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304, headers);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  if (hit.body.length >= GZIP_MIN_BYTES && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    hit.gzip ??= new Uint8Array(gzipSync(hit.body, { level: 6 }));
    return c.body(hit.gzip, 200, { ...headers, 'Content-Encoding': 'gzip' });
  }
  return c.body(hit.body, 200, headers);
}

function jsonError(c: Context, status: number, message: string, details: Record<string, unknown> = {}) {
  return c.json({ error: { status, message, ...details } }, status as ContentfulStatusCode);
}
