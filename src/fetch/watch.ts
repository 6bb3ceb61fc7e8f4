/**
 * The feed watcher: polls feeds with conditional GET, fetches each new item's page (respecting
 * robots.txt), deduplicates by canonical URL and content hash, and stores new articles. Per-feed
 * intervals with exponential backoff on errors. State (validators, seen items, backoff) is saved
 * atomically after every poll, so a restart or a crash keeps it. Clock and sleep are injected so
 * tests run instantly.
 */
import { contentHash } from '../util/content-hash.js';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Article } from '../model.js';
import { InputError } from '../model.js';
import type { IngestReport } from '../store/index.js';
import { FEED_TYPES, safeFetch, type FetchError, type FetchOptions, type FetchResult } from './fetch.js';
import { parseFeedText, type FeedItem } from './feed.js';

export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Item ids already handled (most recent last, capped). */
  seen: string[];
  /** Failed attempts per item id (an item is given up after MAX_ITEM_ATTEMPTS). */
  itemFailures: Record<string, number>;
  /** Epoch ms of the next poll. */
  nextPollAt: number;
  /** Consecutive failed polls (drives the backoff). */
  failures: number;
  lastError?: string;
  lastPolledAt?: number;
  /** The feed's own minimum interval (RSS <ttl>), seconds. */
  ttlSec?: number;
}

export interface WatchState {
  version: 1;
  feeds: Record<string, FeedState>;
  /** Canonical URLs and content hashes of stored articles (capped), for deduplication. */
  seenUrls: string[];
  seenHashes: string[];
}

export interface WatchDeps {
  store: { ingest(articles: Article[]): Promise<IngestReport> | IngestReport };
  /** Fetch a feed document (default: safeFetch with feed content types). */
  fetchFeed?: (url: string, headers: Record<string, string>) => Promise<FetchResult>;
  /** Fetch and extract one page (default: readUrl). */
  readPage?: (url: string) => Promise<Article>;
  /** robots.txt check for a page URL (default: allow). */
  robotsAllowed?: (url: string) => Promise<boolean>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Where the state is kept (null: in memory only). */
  statePath: string | null;
  log?: (message: string) => void;
  onError?: (error: InputError) => void;
}

export interface WatchOptions {
  feeds: string[];
  /** Seconds between polls of one feed (default 900). */
  intervalSec?: number;
  /** Longest backoff after repeated errors, seconds (default 6 h). */
  maxBackoffSec?: number;
  /** Poll every feed once and return. */
  once?: boolean;
  /** Stop after this many polling rounds (tests). */
  maxRounds?: number;
  signal?: AbortSignal;
  fetch?: FetchOptions;
}

export interface PollReport {
  feed: string;
  status: 'ok' | 'not-modified' | 'error';
  newItems: number;
  added: string[];
  duplicates: number;
  skipped: number;
  errors: InputError[];
}

const MAX_SEEN = 5000;
const MAX_GLOBAL = 50000;
const MAX_ITEM_ATTEMPTS = 3;

export function emptyState(): WatchState {
  return { version: 1, feeds: {}, seenUrls: [], seenHashes: [] };
}

/** Read the state file; a missing file is a fresh state, a corrupt one is an InputError. */
export function loadState(path: string | null): WatchState {
  if (!path) return emptyState();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return emptyState();
  }
  try {
    const s = JSON.parse(text) as WatchState;
    if (s.version !== 1 || typeof s.feeds !== 'object') throw new Error('unknown state version');
    s.seenUrls ??= [];
    s.seenHashes ??= [];
    return s;
  } catch (e) {
    throw new InputError(path, `corrupt watch state: ${(e as Error).message}`);
  }
}

/** Write the state atomically: a temp file beside it, then rename. */
export function saveState(path: string | null, state: WatchState): void {
  if (!path) return;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, path);
}

/** The state file kept next to the database. */
export function statePathFor(dbPath: string): string {
  return `${dbPath}.watch.json`;
}

function normaliseUrl(u: string): string {
  try {
    const url = new URL(u);
    url.hash = '';
    for (const k of [...url.searchParams.keys()])
      if (/^utm_|^fbclid$|^gclid$/.test(k)) url.searchParams.delete(k);
    return url.href;
  } catch {
    return u;
  }
}

function push(list: string[], value: string, cap: number) {
  list.push(value);
  if (list.length > cap) list.splice(0, list.length - cap);
}

function feedState(state: WatchState, feed: string): FeedState {
  return (state.feeds[feed] ??= { seen: [], itemFailures: {}, nextPollAt: 0, failures: 0 });
}

/** Delay after `failures` consecutive errors: interval · 2^failures, capped. */
export function backoffSeconds(intervalSec: number, failures: number, maxBackoffSec: number): number {
  return Math.min(maxBackoffSec, intervalSec * 2 ** Math.min(failures, 30));
}

/** Poll one feed now: returns what happened; never throws for per-feed or per-item problems. */
export async function pollFeed(
  feed: string,
  state: WatchState,
  deps: WatchDeps,
  options: WatchOptions = { feeds: [] },
): Promise<PollReport> {
  const interval = options.intervalSec ?? 900;
  const maxBackoff = options.maxBackoffSec ?? 6 * 3600;
  const fs = feedState(state, feed);
  const report: PollReport = {
    feed,
    status: 'ok',
    newItems: 0,
    added: [],
    duplicates: 0,
    skipped: 0,
    errors: [],
  };
  const now = deps.now();
  fs.lastPolledAt = now;
  const fail = (e: unknown) => {
    const err = e instanceof InputError ? e : new InputError(feed, (e as Error).message ?? String(e));
    fs.failures++;
    fs.lastError = err.message;
    // Exponential backoff, or longer when the server said how long to wait (429/503 Retry-After).
    const wait = Math.max(
      backoffSeconds(interval, fs.failures, maxBackoff),
      Math.min(maxBackoff, (e as FetchError | null)?.retryAfterSec ?? 0),
    );
    fs.nextPollAt = now + wait * 1000;
    report.status = 'error';
    report.errors.push(err);
    deps.onError?.(err);
  };
  const fetchFeed =
    deps.fetchFeed ??
    ((url: string, headers: Record<string, string>) =>
      safeFetch(url, { ...options.fetch, allowedTypes: FEED_TYPES, headers }));
  let res: FetchResult;
  try {
    const headers: Record<string, string> = {};
    if (fs.etag) headers['if-none-match'] = fs.etag;
    if (fs.lastModified) headers['if-modified-since'] = fs.lastModified;
    res = await fetchFeed(feed, headers);
  } catch (e) {
    fail(e);
    return report;
  }
  if (res.notModified) {
    fs.failures = 0;
    delete fs.lastError;
    fs.nextPollAt = now + Math.max(interval, fs.ttlSec ?? 0) * 1000;
    report.status = 'not-modified';
    return report;
  }
  let items;
  try {
    const parsed = parseFeedText(res.body.toString('utf8'), feed);
    items = parsed.items;
    if (parsed.ttlSec) fs.ttlSec = Math.min(parsed.ttlSec, maxBackoff);
    else delete fs.ttlSec;
  } catch (e) {
    fail(e);
    return report;
  }
  const { batch, batchLinks, handled } = await readNewItems(items, fs, state, deps, report, options);
  if (batch.length) {
    try {
      const r = await deps.store.ingest(batch);
      report.added = r.added;
      report.duplicates += r.duplicates.length;
    } catch (e) {
      // Nothing of this batch is marked as seen, so the next poll tries again.
      fail(new InputError(feed, `store failed: ${(e as Error).message}`));
      return report;
    }
    for (const [i, a] of batch.entries()) {
      const urls = new Set(
        [a.canonicalUrl, a.url, batchLinks[i]].filter((u): u is string => Boolean(u)).map(normaliseUrl),
      );
      for (const u of urls) push(state.seenUrls, u, MAX_GLOBAL);
      push(state.seenHashes, contentHash(a.rawText), MAX_GLOBAL);
    }
  }
  for (const id of handled) {
    push(fs.seen, id, MAX_SEEN);
    delete fs.itemFailures[id];
  }
  // Validators only once the items are safely handled: a crash before this refetches the feed.
  const etag = res.headers.etag;
  const lm = res.headers['last-modified'];
  if (typeof etag === 'string') fs.etag = etag;
  if (typeof lm === 'string') fs.lastModified = lm;
  fs.failures = 0;
  delete fs.lastError;
  fs.nextPollAt = now + Math.max(interval, fs.ttlSec ?? 0) * 1000;
  return report;
}

/** New items of a polled feed: each page is read (robots.txt permitting) and kept unless its URL or text was
 * seen; `handled` lists the items not to try again. */
async function readNewItems(
  items: FeedItem[],
  fs: FeedState,
  state: WatchState,
  deps: WatchDeps,
  report: PollReport,
  options: WatchOptions,
): Promise<{ batch: Article[]; batchLinks: string[]; handled: string[] }> {
  const seen = new Set(fs.seen);
  const seenUrls = new Set(state.seenUrls);
  const seenHashes = new Set(state.seenHashes);
  const batch: Article[] = [];
  /** The feed's link for each article of the batch (before redirects). */
  const batchLinks: string[] = [];
  const handled: string[] = [];
  const readPage = deps.readPage ?? (await defaultReadPage(options));
  for (const item of items) {
    if (seen.has(item.id)) continue;
    report.newItems++;
    const itemError = (msg: string, permanent = false) => {
      const err = new InputError(item.url ?? item.id, msg);
      report.errors.push(err);
      deps.onError?.(err);
      const n = (fs.itemFailures[item.id] ?? 0) + 1;
      fs.itemFailures[item.id] = n;
      if (permanent || n >= MAX_ITEM_ATTEMPTS) handled.push(item.id);
    };
    if (!item.url) {
      itemError('feed item has no link', true);
      continue;
    }
    const url = normaliseUrl(item.url);
    if (seenUrls.has(url)) {
      report.duplicates++;
      handled.push(item.id);
      continue;
    }
    try {
      if (deps.robotsAllowed && !(await deps.robotsAllowed(url))) {
        report.skipped++;
        deps.log?.(`robots.txt disallows ${url}; skipped`);
        handled.push(item.id);
        continue;
      }
      const article = await readPage(url);
      if (!article.publishedAt && item.published) {
        article.publishedAt = item.published;
        article.publishedAtEvidence = 'feed';
      }
      const canonical = normaliseUrl(article.canonicalUrl ?? article.url ?? url);
      const hash = contentHash(article.rawText);
      if (seenUrls.has(canonical) || seenHashes.has(hash)) {
        report.duplicates++;
        handled.push(item.id);
        continue;
      }
      seenUrls.add(canonical).add(url);
      seenHashes.add(hash);
      batch.push(article);
      batchLinks.push(url);
      handled.push(item.id);
    } catch (e) {
      itemError((e as Error).message);
    }
  }
  return { batch, batchLinks, handled };
}

async function defaultReadPage(options: WatchOptions): Promise<(url: string) => Promise<Article>> {
  const { readUrl } = await import('../ingest/url.js');
  return (url) => readUrl(url, { allowPrivate: options.fetch?.allowPrivate, fetch: options.fetch });
}

export interface WatchReport {
  rounds: number;
  polls: PollReport[];
}

/** Poll feeds until stopped (signal), `once`, or `maxRounds`; saves state after every poll. */
export async function watchFeeds(options: WatchOptions, deps: WatchDeps): Promise<WatchReport> {
  const state = loadState(deps.statePath);
  const interval = options.intervalSec ?? 900;
  const polls: PollReport[] = [];
  let rounds = 0;
  while (!options.signal?.aborted) {
    const now = deps.now();
    const due = options.feeds.filter((f) => options.once || (state.feeds[f]?.nextPollAt ?? 0) <= now);
    for (const feed of due) {
      if (options.signal?.aborted) break;
      const r = await pollFeed(feed, state, deps, options);
      polls.push(r);
      deps.log?.(
        `${feed}: ${r.status}${r.status === 'ok' ? `, ${r.newItems} new, ${r.added.length} stored, ${r.duplicates} duplicates` : ''}${r.errors.length ? `, ${r.errors.length} errors` : ''}`,
      );
      saveState(deps.statePath, state);
    }
    rounds++;
    if (options.once || (options.maxRounds !== undefined && rounds >= options.maxRounds)) break;
    const next = Math.min(...options.feeds.map((f) => state.feeds[f]?.nextPollAt ?? 0));
    await deps.sleep(Math.max(1000, Math.min(next - deps.now(), interval * 1000)));
  }
  return { rounds, polls };
}
