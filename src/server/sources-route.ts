/** `GET /api/sources`: the outlets in the store with article counts and first and last days. */
import type { Hono } from 'hono';
import { sourcesResponse } from './responses.js';
import type { Store } from '../store/index.js';
import { storeOutletRecords, summariseOutlets } from '../sources.js';

export { sourcesResponse };

export function registerSourcesRoute(app: Hono, store: Store): void {
  app.get('/api/sources', async (c) => {
    return c.json(sourcesResponse.parse({ sources: summariseOutlets(await storeOutletRecords(store)) }));
  });
}
