/** `GET /api/sources`: the outlets in the store with article counts and first and last days. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../store/index.js';
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
  app.get('/api/sources', async (c) => {
    return c.json(sourcesResponse.parse({ sources: summariseOutlets(await storeOutletRecords(store)) }));
  });
}
