/**
 * Browser-test plumbing: Debian's Chromium driven by playwright-core, and a Chronicle server on a free
 * loopback port over a temporary store loaded with the sample story.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { readInputs } from '../../src/index.js';
import { SqliteStore, type Store } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { buildWebApp } from '../../scripts/build-web.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE_STORY = join(ROOT, 'examples/harbour-spill');

/**
 * Why the browser tests cannot run, or null when they can. In CI (process.env.CI) a missing browser is a
 * failure, not a skip, so the tests never pass silently without having run.
 */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const why = `Chromium not found at ${CHROMIUM}: install Debian's package with \`apt-get install -y chromium\``;
  if (process.env.CI) throw new Error(`${why} (required in CI)`);
  return why;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface SampleServer {
  store: Store;
  server: RunningServer;
  dir: string;
  stop(): Promise<void>;
}

/** A temporary store with the sample story, served on 127.0.0.1 on a free port. */
export async function serveSampleStory(options: { token?: string } = {}): Promise<SampleServer> {
  await buildWebApp(); // the page's script from the current web/src, not a stale web/app.js
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-browser-'));
  const store = new SqliteStore(join(dir, 'chronicle.db'));
  const { articles, errors } = await readInputs([SAMPLE_STORY]);
  if (errors.length || !articles.length)
    throw new Error(
      `could not read the sample story: ${errors.map((e) => e.message).join('; ') || 'no articles'}`,
    );
  await store.ingest(articles);
  const server = await startServer({
    store,
    token: options.token,
    port: 0,
    host: '127.0.0.1',
    log: () => {},
  });
  return {
    store,
    server,
    dir,
    async stop() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
