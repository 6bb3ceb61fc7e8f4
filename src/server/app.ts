/**
 * The HTTP API and web app: a thin Hono layer over the Store interface and the library. Routes validate
 * input (zod), call the store, and shape JSON; the derived views live in views.ts.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Store, StorySummary } from '../store/index.js';
import type { Timeline } from '../model.js';
import { LruCache } from './cache.js';
import { ApiError, SECURITY_HEADERS, bearerMatches, validate } from './http.js';
import { DEFAULT_LIMITS, articlesFromRequest, type InputLimits } from './inputs.js';
import { openApiDocument } from './openapi.js';
import {
  exportQuery,
  listQuery,
  searchQuery,
  storyId,
  timelineQuery,
  type TimelineQuery,
} from './schemas.js';
import { loadStaticFiles, WEB_ROOT } from './static.js';
import { presentTimeline } from '../output/present.js';
import { registerSourcesRoute } from './sources-route.js';
import {
  coOccurrence,
  coverageByDay,
  filterByDates,
  filterByEntity,
  filterBySource,
  timelineSources,
  trimTimeline,
} from './views.js';

export interface AppOptions {
  store: Store;
  /** When set, every write needs `Authorization: Bearer <token>`. */
  token?: string;
  limits?: Partial<InputLimits>;
  /** Timeline responses kept in memory (keyed by story version and parameters). */
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
}

export const API_VERSION = '0.1.0';

/** Sources listed per entry, sentence and quote in a timeline response (the full count is sent too). */
export const DEFAULT_MAX_SOURCES = 10;
/** Quotes in a timeline response (the full count is sent too). */
export const DEFAULT_MAX_QUOTES = 50;

const EXPORT_TYPES = {
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  markdown: { type: 'text/markdown; charset=utf-8', ext: 'md' },
  timelinejs: { type: 'application/json; charset=utf-8', ext: 'timeline.json' },
} as const;

export function createApp(options: AppOptions) {
  const { store } = options;
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const cache = new LruCache<Cached>(options.cacheEntries ?? 500);
  const files = loadStaticFiles(options.webRoot ?? WEB_ROOT);
  // Bumped by every write through this server; together with the story's own counts it versions the cache.
  let generation = 0;

  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return jsonError(c, err.status, err.message);
    if (err instanceof HTTPException) return jsonError(c, err.status, err.message || 'request refused');
    log(`chronicle serve: ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? err}`);
    return jsonError(c, 500, 'internal error (see the server log)');
  });

  app.notFound((c) => jsonError(c, 404, `no route for ${c.req.method} ${c.req.path}`));

  // Writes need the token when one is configured.
  app.use('/api/*', async (c, next) => {
    if (options.token && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (!bearerMatches(c.req.header('authorization'), options.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="chronicle"');
        throw new ApiError(401, 'this server needs "Authorization: Bearer <token>" for writes');
      }
    }
    await next();
  });

  const now = options.now ?? (() => performance.now());
  const ttl = options.summaryTtlMs ?? 1000;
  const summaries = new Map<string, { at: number; generation: number; summary: StorySummary }>();
  const story = (id: string): StorySummary => {
    const sid = validate(storyId, id, 'story id');
    const hit = summaries.get(sid);
    if (hit && hit.generation === generation && now() - hit.at < ttl) return hit.summary;
    const s = store.getStory(sid);
    if (!s) throw new ApiError(404, `no story "${sid}"`);
    if (summaries.size > 10_000) summaries.clear();
    summaries.set(sid, { at: now(), generation, summary: s });
    return s;
  };
  const versionOf = (s: StorySummary) =>
    `${s.id}\u0000${generation}\u0000${s.articles}\u0000${s.from}\u0000${s.to}`;

  app.get('/healthz', (c) => c.json({ ok: true, version: API_VERSION }));

  app.get('/openapi.json', (c) => c.json(openApiDocument(limits)));

  app.get('/api/stories', (c) => c.json({ stories: store.listStories() }));

  app.get('/api/stories/:id', (c) => c.json({ story: story(c.req.param('id')) }));

  app.get('/api/stories/:id/timeline', (c) => {
    const s = story(c.req.param('id'));
    const q = validate(timelineQuery, c.req.query(), 'query');
    const key = `timeline\u0000${versionOf(s)}\u0000${JSON.stringify(q)}`;
    return sendCached(
      c,
      cache.getOrSet(key, () => cached(timelineView(store, s, q))),
    );
  });

  app.get('/api/stories/:id/entities', (c) => {
    const s = story(c.req.param('id'));
    const q = validate(listQuery.pick({ limit: true, type: true }), c.req.query(), 'query');
    const key = `entities\u0000${versionOf(s)}\u0000${JSON.stringify(q)}`;
    const hit = cache.getOrSet(key, () => {
      const entities = store.entities({ story: s.id, type: q.type, limit: q.limit ?? 100 });
      return cached({ story: s.id, entities, cooccurrence: coOccurrence(entities) });
    });
    return sendCached(c, hit);
  });

  app.get('/api/stories/:id/quotes', (c) => {
    const s = story(c.req.param('id'));
    const q = validate(listQuery.pick({ limit: true, speaker: true }), c.req.query(), 'query');
    return c.json({
      story: s.id,
      quotes: store.quotes({ story: s.id, speaker: q.speaker, limit: q.limit ?? 200 }),
    });
  });

  app.get('/api/stories/:id/export', (c) => {
    const s = story(c.req.param('id'));
    const q = validate(exportQuery, c.req.query(), 'query');
    const kind = EXPORT_TYPES[q.format];
    const name =
      q.name ?? `${s.id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'story'}.${kind.ext}`;
    const body = store.exportStory(s.id, q.format);
    return c.body(body, 200, {
      'Content-Type': kind.type,
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });

  registerSourcesRoute(app, store);

  app.get('/api/search', (c) => {
    const q = validate(searchQuery, c.req.query(), 'query');
    const hits = store.search(q.q, {
      entity: q.entity,
      source: q.source,
      story: q.story,
      from: q.from,
      to: q.to,
      limit: q.limit ?? 50,
    });
    return c.json({ query: q.q, hits });
  });

  app.post('/api/articles', async (c) => {
    const { articles, problems, story: into } = await articlesFromRequest(c.req.raw, c.req.query(), limits);
    if (!articles.length)
      throw new ApiError(
        400,
        `no article could be read: ${problems.map((p) => `${p.input}: ${p.message}`).join('; ')}`,
      );
    if (into) story(into); // 404 before storing anything when the chosen story does not exist
    const report = store.ingest(articles, into ? { story: into } : undefined);
    generation++;
    cache.clear();
    return c.json({ ...report, errors: problems }, 201);
  });

  app.all('/api/articles', (c) => {
    c.header('Allow', 'POST');
    throw new ApiError(405, `${c.req.method} is not allowed here: POST articles to /api/articles`);
  });

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

  return app;
}

export type ChronicleApp = ReturnType<typeof createApp>;

/** A JSON response body kept in the cache, with its entity tag. */
interface Cached {
  /** UTF-8 JSON, encoded once. */
  body: Uint8Array<ArrayBuffer>;
  /** The same, gzipped, made on the first request that accepts gzip. */
  gzip?: Uint8Array<ArrayBuffer>;
  etag: string;
}

function cached(value: unknown): Cached {
  const body = new Uint8Array(Buffer.from(JSON.stringify(value), 'utf8'));
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** Bodies smaller than this are not worth compressing. */
const GZIP_MIN_BYTES = 1024;

function sendCached(c: Context, hit: Cached) {
  const headers: Record<string, string> = {
    ETag: hit.etag,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304, headers);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  if (hit.body.length >= GZIP_MIN_BYTES && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    hit.gzip ??= new Uint8Array(gzipSync(hit.body, { level: 6 }));
    return c.body(hit.gzip, 200, { ...headers, 'Content-Encoding': 'gzip' });
  }
  return c.body(hit.body, 200, headers);
}

function jsonError(c: Context, status: number, message: string) {
  return c.json({ error: { status, message } }, status as ContentfulStatusCode);
}

/** A story's timeline with the API's filters applied, plus coverage per day for the overview chart. */
export function timelineView(store: Store, s: StorySummary, q: TimelineQuery) {
  const base: Timeline = store.storyTimeline(s.id, {
    dates: q.dates,
    sentences: q.sentences,
    query: q.q,
    from: q.from,
    to: q.to,
  });
  let timeline = filterByDates(base, q.from, q.to);
  if (q.entity) timeline = filterByEntity(timeline, q.entity);
  if (q.source) timeline = filterBySource(timeline, q.source);
  return {
    story: s,
    filters: {
      entity: q.entity ?? null,
      source: q.source ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      q: q.q ?? null,
    },
    coverage: coverageByDay(
      timelineSources(base),
      base.entries.map((e) => e.date),
    ),
    timeline: trimTimeline(
      presentTimeline(timeline),
      q.maxSources ?? DEFAULT_MAX_SOURCES,
      q.maxQuotes ?? DEFAULT_MAX_QUOTES,
    ),
  };
}
