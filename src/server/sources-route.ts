/** `GET /api/sources`: the outlets in the store with article counts and first and last days. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../store/index.js';
import type { SqliteStore } from '../store/sqlite.js';
import { storeOutletRecords, summariseOutlets } from '../sources.js';

/** The response body (checked in tests; described in openapi.ts). */
export const sourcesResponse = z.object({
  sources: z.array(
    z.object({
      outlet: z.string().nullable(),
      articles: z.number().int().min(1),
      first: z.string().nullable(),
      last: z.string().nullable(),
    }),
  ),
});

export function registerSourcesRoute(app: Hono, store: Store): void {
  app.get('/api/sources', (c) => {
    // The listing reads the SQLite articles table; another Store implementation has none to read.
    if (!('db' in store))
      return c.json({ error: { status: 501, message: 'this store cannot list sources' } }, 501);
    return c.json(
      sourcesResponse.parse({ sources: summariseOutlets(storeOutletRecords(store as SqliteStore)) }),
    );
  });
}
