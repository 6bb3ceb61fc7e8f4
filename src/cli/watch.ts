/** `chronicle watch <feed-url>...`: poll feeds and store new articles (see src/fetch/watch.ts). */
import type { Command } from './common.js';
import { UsageError, intOption, parse } from './common.js';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Article } from '../model.js';
import { DEFAULT_BATCH_SIZE, enqueue } from '../queue/index.js';
import { defaultStorePath, isPostgresUrl, openStore, redactUrl, type IngestReport } from '../store/index.js';
import { statePathFor, watchFeeds } from '../fetch/watch.js';
import { RobotsPolicy } from '../fetch/robots.js';
import { readUrl } from '../ingest/url.js';

const help = `Usage: chronicle watch <feed-url>... [--db FILE] [--interval SECONDS] [--once] [--allow-private]

Polls RSS 2.0, Atom, RDF and JSON feeds with conditional GET, fetches each new item's page (respecting
robots.txt), deduplicates by canonical URL and content hash, and stores new articles. Each feed has its
own schedule: the interval, or the feed's <ttl> when longer; errors back off exponentially (or as long as
a Retry-After asks). The state (validators, seen items, backoff) is kept in <db>.watch.json. With a
PostgreSQL store (--db postgres://...) new articles are queued for \`chronicle worker\` processes instead of
analysed here, and the state is kept in .chronicle/watch-<hash of the URL>.json.

Options:
  --db FILE|URL      store (default: $CHRONICLE_DB or .chronicle/chronicle.db)
  --interval SECONDS seconds between polls of each feed (default 900, minimum 10)
  --once             poll every feed once and exit
  --allow-private    allow feeds and pages on private/loopback addresses
  -q, --quiet        only print errors
`;

export const command: Command = {
  summary: 'poll feeds and ingest new articles',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      db: { type: 'string' },
      interval: { type: 'string' },
      once: { type: 'boolean' },
      'allow-private': { type: 'boolean' },
    });
    if (!positionals.length) throw new UsageError('expected at least one feed URL');
    for (const f of positionals)
      if (!/^https?:\/\//i.test(f)) throw new UsageError(`not an http(s) feed URL: ${f}`);
    const intervalSec = intOption(values.interval, 'interval', 10) ?? 900;
    const db = values.db ? String(values.db) : defaultStorePath();
    const allowPrivate = Boolean(values['allow-private']);
    const quiet = Boolean(values.quiet);
    // Against PostgreSQL the watcher queues feed items for `chronicle worker` processes instead of analysing
    // them here (its report's "added" then counts articles queued); its state file is local, named by the URL.
    const pgUrl = isPostgresUrl(db) ? db : null;
    const store: { ingest(articles: Article[]): Promise<IngestReport>; close(): Promise<void> } = pgUrl
      ? {
          async ingest(articles) {
            await enqueue(pgUrl, articles, DEFAULT_BATCH_SIZE);
            return { added: articles.map((a) => a.id), duplicates: [], storiesTouched: [] };
          },
          async close() {},
        }
      : await openStore(db);
    const statePath = pgUrl
      ? join(
          '.chronicle',
          `watch-${createHash('sha256').update(redactUrl(pgUrl)).digest('hex').slice(0, 16)}.json`,
        )
      : statePathFor(db);
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const robots = new RobotsPolicy({ allowPrivate });
    let errors = 0;
    try {
      await watchFeeds(
        {
          feeds: positionals,
          intervalSec,
          once: Boolean(values.once),
          signal: controller.signal,
          fetch: { allowPrivate },
        },
        {
          store,
          readPage: (url) => readUrl(url, { allowPrivate }),
          robotsAllowed: (url) => robots.allowed(url),
          now: Date.now,
          sleep: (ms) =>
            new Promise<void>((resolve) => {
              const t = setTimeout(resolve, ms);
              controller.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
            }),
          statePath,
          log: (m) => quiet || io.stderr(`${m}\n`),
          onError: (e) => {
            errors++;
            io.stderr(`error: ${e.message}\n`);
          },
        },
      );
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await store.close();
    }
    return values.once && errors ? 1 : 0;
  },
};
