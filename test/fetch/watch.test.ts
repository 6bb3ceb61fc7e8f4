import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/model.js';
import {
  backoffSeconds,
  loadState,
  pollFeed,
  watchFeeds,
  emptyState,
  type WatchDeps,
} from '../../src/fetch/watch.js';
import { startServer } from './server.js';

const para = (topic: string) =>
  Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i} about the ${topic}: the council met again and the harbour master gave a long account of the repairs and the costs involved.</p>`,
  ).join('');
const page = (title: string, topic: string, canonical?: string) =>
  `<html><head><title>${title}</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}</head><body><article><h1>${title}</h1>${para(topic)}</article></body></html>`;

let srv: Awaited<ReturnType<typeof startServer>>;
let feedStatus = 200;
let feedBody = '';
const ETAG = '"v1"';

before(async () => {
  srv = await startServer({
    '/feed.xml': (req, res) => {
      if (feedStatus !== 200) {
        res.writeHead(feedStatus, { 'content-type': 'text/plain' });
        return res.end('error');
      }
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG });
      res.end(feedBody);
    },
    '/bridge': (_q, res) => (
      res.writeHead(200, { 'content-type': 'text/html' }),
      res.end(page('Bridge', 'bridge'))
    ),
    '/bridge-copy': (_q, res) => (
      res.writeHead(200, { 'content-type': 'text/html' }),
      res.end(page('Bridge', 'bridge'))
    ),
    '/ferry': (_q, res) => (
      res.writeHead(200, { 'content-type': 'text/html' }),
      res.end(page('Ferry', 'ferry', '/ferry-canonical'))
    ),
    '/ferry-amp': (_q, res) => (
      res.writeHead(200, { 'content-type': 'text/html' }),
      res.end(page('Ferry AMP', 'ferry amp version', '/ferry-canonical'))
    ),
    '/busy.xml': (_q, res) => (
      res.writeHead(503, { 'retry-after': '3600', 'content-type': 'text/plain' }),
      res.end('busy')
    ),
    '/ttl.xml': (_q, res) => (
      res.writeHead(200, { 'content-type': 'application/rss+xml' }),
      res.end(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><ttl>30</ttl></channel></rss>',
      )
    ),
    '/empty': (_q, res) => (
      res.writeHead(200, { 'content-type': 'text/html' }),
      res.end('<html><body><nav>menu</nav></body></html>')
    ),
  });
});
after(() => srv.close());

const rss = (paths: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${paths
    .map((p) => `<item><title>${p}</title><link>${srv.base}${p}</link><guid>${p}</guid></item>`)
    .join('')}</channel></rss>`;

function harness(statePath: string | null = null) {
  let clock = Date.parse('2024-03-06T00:00:00Z');
  const stored: Article[] = [];
  let storeFails = false;
  const deps: WatchDeps = {
    store: {
      ingest(articles) {
        if (storeFails) throw new Error('disk full');
        stored.push(...articles);
        return { added: articles.map((a) => a.id), duplicates: [], storiesTouched: [] };
      },
    },
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    statePath,
  };
  return {
    deps,
    stored,
    advance: (ms: number) => (clock += ms),
    now: () => clock,
    failStore: (v: boolean) => (storeFails = v),
  };
}

const opts = (feed: string) => ({ feeds: [feed], intervalSec: 60, fetch: { allowPrivate: true } });

test('new items are fetched and stored; a second poll is a conditional GET (304)', async () => {
  feedStatus = 200;
  feedBody = rss(['/bridge', '/ferry']);
  const h = harness();
  const state = emptyState();
  const feed = `${srv.base}/feed.xml`;
  const r1 = await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(r1.status, 'ok');
  assert.equal(h.stored.length, 2);
  assert.equal(h.stored[0].url, `${srv.base}/bridge`);
  assert.equal(state.feeds[feed].etag, ETAG);
  const r2 = await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(r2.status, 'not-modified');
  assert.equal(h.stored.length, 2);
});

test('duplicates by canonical URL and by content hash are stored once', async () => {
  feedStatus = 200;
  feedBody = rss(['/bridge', '/bridge-copy', '/ferry', '/ferry-amp']);
  const h = harness();
  const state = emptyState();
  const feed = `${srv.base}/feed.xml?dup`;
  const r = await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(h.stored.length, 2);
  assert.equal(r.duplicates, 2);
});

test('errors back off exponentially and recover', async () => {
  const h = harness();
  const state = emptyState();
  const feed = `${srv.base}/feed.xml?backoff`;
  feedStatus = 500;
  const t0 = h.now();
  await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(state.feeds[feed].nextPollAt - t0, 120_000);
  await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(state.feeds[feed].nextPollAt - t0, 240_000);
  assert.match(state.feeds[feed].lastError ?? '', /HTTP 500/);
  assert.equal(backoffSeconds(60, 20, 3600), 3600);
  feedStatus = 200;
  feedBody = rss(['/bridge']);
  const r = await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(r.status, 'ok');
  assert.equal(state.feeds[feed].failures, 0);
});

test('invalid feed XML is a per-feed error; earlier state is kept', async () => {
  const h = harness();
  const state = emptyState();
  const feed = `${srv.base}/feed.xml?bad`;
  feedStatus = 200;
  feedBody = rss(['/bridge']);
  await pollFeed(feed, state, h.deps, opts(feed));
  const seen = [...state.feeds[feed].seen];
  feedBody = '<rss><channel><item><title>cut off';
  state.feeds[feed].etag = undefined;
  const r = await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(r.status, 'error');
  assert.match(r.errors[0].message, /not a readable RSS/);
  assert.deepEqual(state.feeds[feed].seen, seen);
});

test('a page with no article is a per-item error; the others are stored', async () => {
  feedStatus = 200;
  feedBody = rss(['/empty', '/ferry']);
  const h = harness();
  const state = emptyState();
  const feed = `${srv.base}/feed.xml?empty`;
  const r = await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(h.stored.length, 1);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].message, /\/empty: no article text/);
});

test('a failing store leaves items unseen, so the next poll retries them', async () => {
  feedStatus = 200;
  feedBody = rss(['/bridge']);
  const h = harness();
  const state = emptyState();
  const feed = `${srv.base}/feed.xml?store`;
  h.failStore(true);
  const r = await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(r.status, 'error');
  assert.equal(state.feeds[feed].seen.length, 0);
  h.failStore(false);
  await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(h.stored.length, 1);
});

test('robots.txt disallow skips the page', async () => {
  feedStatus = 200;
  feedBody = rss(['/bridge']);
  const h = harness();
  h.deps.robotsAllowed = async () => false;
  const state = emptyState();
  const feed = `${srv.base}/feed.xml?robots`;
  const r = await pollFeed(feed, state, h.deps, opts(feed));
  assert.equal(r.skipped, 1);
  assert.equal(h.stored.length, 0);
});

test('the loop survives errors, honours intervals, and a restart keeps its state', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-watch-'));
  const statePath = join(dir, 'db.sqlite.watch.json');
  feedStatus = 200;
  feedBody = rss(['/bridge']);
  const feed = `${srv.base}/feed.xml?loop`;
  const h = harness(statePath);
  const report = await watchFeeds({ ...opts(feed), maxRounds: 3 }, h.deps);
  assert.equal(report.rounds, 3);
  assert.equal(h.stored.length, 1);
  assert.ok(existsSync(statePath));
  assert.equal(loadState(statePath).feeds[feed].etag, ETAG);
  assert.equal(JSON.parse(readFileSync(statePath, 'utf8')).version, 1);
  // Restart: same state file, the feed changed its ETag but the item is known.
  const h2 = harness(statePath);
  const r2 = await watchFeeds({ ...opts(feed), once: true }, h2.deps);
  assert.equal(r2.polls.length, 1);
  assert.equal(h2.stored.length, 0);
});

test('Retry-After and the feed <ttl> lengthen the wait', async () => {
  const h = harness();
  const state = emptyState();
  const busy = `${srv.base}/busy.xml`;
  const t0 = h.now();
  await pollFeed(busy, state, h.deps, opts(busy));
  assert.equal(state.feeds[busy].nextPollAt - t0, 3600_000);
  const ttl = `${srv.base}/ttl.xml`;
  await pollFeed(ttl, state, h.deps, opts(ttl));
  assert.equal(state.feeds[ttl].nextPollAt - t0, 1800_000);
});
