/** Shared fixtures for the server tests: an invented story (our own writing) loaded into the fake store. */
import { toArticles } from '../../src/index.js';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { FakeStore } from './fake-store.js';

export const BRIDGE_ARTICLES = [
  {
    title: 'Old bridge shut after crack found',
    source: 'Valley Courier',
    publishedAt: '2025-04-02',
    text: 'Engineers closed the Millbrook bridge on Tuesday after a crack appeared in a pier. Mayor Rosa Lind said the closure would last at least a week.',
  },
  {
    title: 'Ferry added while bridge is closed',
    source: 'Hill Gazette',
    publishedAt: '2025-04-04',
    text: 'A temporary ferry began carrying commuters across the river. "We will run every twenty minutes," Tomas Berg said.',
  },
  {
    title: 'Divers inspect bridge pier',
    source: 'Valley Courier',
    publishedAt: '2025-04-07',
    text: 'Divers from the county inspected the damaged pier. Tomas Berg said repairs could start within days.',
  },
];

export function loadedStore(): FakeStore {
  const store = new FakeStore();
  store.ingestNow(toArticles(BRIDGE_ARTICLES.map((a) => ({ ...a }))));
  return store;
}

export function testApp(options: Partial<AppOptions> = {}) {
  const store = (options.store as FakeStore | undefined) ?? loadedStore();
  const logs: string[] = [];
  const app = createApp({ log: (l) => logs.push(l), ...options, store });
  return { app, store, logs };
}

export async function json(res: Response): Promise<any> {
  return JSON.parse(await res.text());
}
