/**
 * Server load bench (issues 8 and 16). Builds a temporary store holding one synthetic 5,000-article story
 * (the sample story's sentences recombined, with publication days shifted over 200 days), starts
 * `chronicle serve` on it in a child process, then measures, one summary line each:
 *  1. reads alone: 200 concurrent keep-alive clients on loopback for 30 s against the story's timeline
 *     endpoint (and, in Chromium when installed, the first render of a 100-date timeline);
 *  2. a heavy write: while one POST of 1,000 articles (~7 MB of JSON) is analysed and stored, sequential
 *     GET /healthz and GET of the (cached) timeline, one pair every 150 ms: latency of each, max and p95;
 *  3. reads with writes running: 150 keep-alive clients for 20 s (timeline, story, healthz) alone, then 20 s
 *     more while a writer posts 5 articles at a time and a separate `chronicle ingest` process writes to the
 *     same store: requests, resets, timeouts (10 s), other errors, p50/p95/p99, and the writes done or
 *     refused (503).
 *
 *   npm run bench -- server   (BENCH_SECONDS, BENCH_CLIENTS, BENCH_ARTICLES override phase 1 and the store;
 *                              BENCH_WRITE_CLIENTS, BENCH_WRITE_SECONDS phase 3; BENCH_PHASES=2,3 picks phases;
 *                              BENCH_DB=FILE keeps the built store there and reuses it)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs, toArticles, type ArticleInput } from '../src/index.js';
import { SqliteStore } from '../src/store/index.js';
import { startServer } from '../src/server/index.js';
import { FakeStore } from '../test/server/fake-store.js';
import { seededRandom } from '../src/util/random.js';
import { addDays } from '../src/util/day.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SAMPLE = join(ROOT, 'examples/harbour-spill');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const DAYS = 200;
const STORY = 'bench-story';
const WRITE_CLIENTS = Number(process.env.BENCH_WRITE_CLIENTS ?? 150);
const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 20);
const PHASES = new Set((process.env.BENCH_PHASES ?? '1,2,3').split(',').map((p) => p.trim()));
/** A request without an answer after this long counts as a timeout. */
const REQUEST_TIMEOUT_MS = 10_000;

const rng = seededRandom;

/** Synthetic articles: 4–7 sentences of the sample story each (or at least `minChars`), dated over DAYS days. */
async function synthesise(n: number, minChars = 0, seed = 8, tag = ''): Promise<ArticleInput[]> {
  const { articles } = await readInputs([SAMPLE]);
  const sentences = articles
    .flatMap((a) => a.rawText.split(/(?<=[.!?]["”]?)\s+(?=["“A-Z])/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 30 && !/^date \d/.test(s));
  const sources = [...new Set(articles.map((a) => a.source).filter((s): s is string => !!s))];
  const rand = rng(seed);
  const out: ArticleInput[] = [];
  for (let i = 0; i < n; i++) {
    const k = 4 + Math.floor(rand() * 4);
    const picked = Array.from({ length: k }, () => sentences[Math.floor(rand() * sentences.length)]);
    for (let len = picked.join(' ').length; len < minChars; len += picked[picked.length - 1].length + 1)
      picked.push(sentences[Math.floor(rand() * sentences.length)]);
    out.push({
      id: `bench-${tag}${i}`,
      title: picked[0].slice(0, 80),
      source: sources[i % sources.length] ?? null,
      publishedAt: addDays('2024-02-05', Math.floor(rand() * DAYS)),
      // A serial number keeps every article distinct for the store's exact-duplicate check.
      text: `${picked.join(' ')} (Bulletin ${tag}${i + 1}.)`,
    });
  }
  return out;
}

function startServe(db: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), 'serve', '--db', db, '--port', '0'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`chronicle serve exited (${code}): ${err}`)));
  });
}

function get(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
  });
}

async function load(url: string, clients: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await get(agent, url);
      latencies.push(performance.now() - t0);
      if (status !== 200) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    errors,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    rps: latencies.length / elapsed,
  };
}

/**
 * Navigation start → 100-date timeline rendered, in Chromium, with the API's cache warm. The story is
 * synthetic and served from the in-memory test store, which gives one timeline date per publication day,
 * so the page gets exactly 100 dates whatever the timeline method would select.
 */
async function firstRender(inputs: ArticleInput[]): Promise<string> {
  if (!existsSync('/usr/bin/chromium')) return 'first render n/a (no /usr/bin/chromium)';
  const store = new FakeStore();
  const days = [...new Set(inputs.map((a) => a.publishedAt as string))].sort().slice(0, 100);
  const perDay = new Map<string, number>();
  const chosen = inputs.filter((a) => {
    const d = a.publishedAt as string;
    const n = perDay.get(d) ?? 0;
    perDay.set(d, n + 1);
    return days.includes(d) && n < 3;
  });
  await store.ingest(toArticles(chosen), { story: STORY });
  const server = await startServer({ store, port: 0, log: () => {} });
  const url = server.url;
  await get(new http.Agent(), `${url}/api/stories/${STORY}/timeline`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
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
  try {
    const runs: { total: number; dom: number; dates: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${url}/?story=${STORY}`);
      await page.waitForSelector('body[data-ready="true"]');
      runs.push(
        // A string, not a function: tsx's name helpers do not exist in the page.
        (await page.evaluate(`(() => {
          const at = (n) => (performance.getEntriesByName(n)[0] || { startTime: NaN }).startTime;
          return {
            total: at('chronicle:timeline'),
            dom: at('chronicle:timeline') - at('chronicle:data'),
            dates: document.querySelectorAll('#timeline > li.entry').length,
          };
        })()`)) as { total: number; dom: number; dates: number },
      );
      await page.close();
    }
    const warm = runs.slice(1); // the first load also compiles the page's code cache
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return `first render of a ${warm[0].dates}-date timeline ${med(warm.map((r) => r.total)).toFixed(0)} ms (DOM ${med(warm.map((r) => r.dom)).toFixed(0)} ms, median of ${warm.length})`;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One request's outcome: status (0 when none), time, and why it failed when it did. */
interface Outcome {
  status: number;
  ms: number;
  error?: 'reset' | 'timeout' | 'other';
  body?: string;
  retryAfter?: number;
}

function request(agent: http.Agent, method: string, url: string, body?: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let settled = false;
    const done = (o: Omit<Outcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...o, ms: performance.now() - t0 });
    };
    const failure = (e: NodeJS.ErrnoException): Outcome['error'] =>
      e.code === 'ECONNRESET' || e.code === 'EPIPE' || /socket hang up/.test(e.message) ? 'reset' : 'other';
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: body
          ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        const keep = method === 'POST';
        res.on('data', (d: Buffer) => keep && chunks.push(d));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            body: keep ? Buffer.concat(chunks).toString('utf8') : undefined,
            retryAfter: Number(res.headers['retry-after'] ?? 0),
          }),
        );
        res.on('error', (e) => done({ status: 0, error: failure(e) }));
      },
    );
    req.setTimeout(method === 'POST' ? 600_000 : REQUEST_TIMEOUT_MS, () => {
      done({ status: 0, error: 'timeout' });
      req.destroy();
    });
    req.on('error', (e) => done({ status: 0, error: failure(e) }));
    req.end(body);
  });
}

/** The API takes no ids (it makes them). */
const withoutIds = (inputs: ArticleInput[]) => inputs.map(({ id: _id, ...rest }) => rest);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Phase 2: a 1,000-article POST, and paced probes of /healthz and the cached timeline while it runs. */
async function heavyWrite(base: string): Promise<string> {
  const tag = `heavy${Date.now().toString(36)}-`;
  const body = JSON.stringify({ articles: withoutIds(await synthesise(1000, 7000, 21, tag)) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const timeline = `${base}/api/stories/${STORY}/timeline`;
  await request(agent, 'GET', timeline); // cached before the write starts
  let posting = true;
  const t0 = performance.now();
  const post = request(agent, 'POST', `${base}/api/articles`, body).then((r) => {
    posting = false;
    return r;
  });
  const health: number[] = [];
  const views: number[] = [];
  /** When (s after the POST was sent) each probe of 250 ms or more was sent. */
  const slowAt: string[] = [];
  let failed = 0;
  // One probe pair every 150 ms, only while the POST runs: 100 pairs take 15 s.
  while (posting && health.length < 100) {
    const started = performance.now();
    for (const [url, out] of [
      [`${base}/healthz`, health],
      [timeline, views],
    ] as const) {
      const sent = (performance.now() - t0) / 1000;
      const r = await request(agent, 'GET', url);
      if (r.status !== 200) failed++;
      if (!posting) continue;
      out.push(r.ms);
      if (r.ms >= 250) slowAt.push(`${sent.toFixed(1)} s`);
    }
    await sleep(Math.max(0, 150 - (performance.now() - started)));
  }
  const r = await post;
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const added = r.status === 201 ? (JSON.parse(r.body ?? '{}') as { added: string[] }).added.length : 0;
  const stat = (xs: number[]) =>
    `${xs.length} x max ${Math.max(...xs).toFixed(0)} ms p95 ${percentile(xs, 95).toFixed(0)} ms, ${xs.filter((x) => x >= 250).length} >= 250 ms`;
  if (r.status !== 201 || failed) process.exitCode = 1;
  if (r.status !== 201) console.error(`heavy write answered ${r.status}: ${r.body?.slice(0, 300)}`);
  return (
    `server heavy write: POST 1,000 articles (${(body.length / 1e6).toFixed(1)} MB) answered ${r.status} in ${seconds.toFixed(1)} s ` +
    `(${added} added); while it ran: GET /healthz ${stat(health)}; GET timeline (cached) ${stat(views)}; ${failed} failed` +
    (slowAt.length ? `; probes of 250 ms or more sent at ${slowAt.join(', ')}` : '')
  );
}

interface ReadStats {
  requests: number;
  reset: number;
  timeout: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

/** Keep-alive clients reading the story (timeline, summary, healthz) until `end`. */
async function readers(base: string, clients: number, end: number): Promise<ReadStats> {
  const routes = [
    ...Array.from({ length: 8 }, () => `${base}/api/stories/${STORY}/timeline`),
    `${base}/api/stories/${STORY}`,
    `${base}/healthz`,
  ];
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const counts = { reset: 0, timeout: 0, other: 0, status: 0 };
  const client = async (k: number) => {
    for (let i = k; performance.now() < end; i++) {
      const r = await request(agent, 'GET', routes[i % routes.length]);
      latencies.push(r.ms);
      if (r.error) counts[r.error]++;
      else if (r.status !== 200) counts.status++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    reset: counts.reset,
    timeout: counts.timeout,
    errors: counts.other + counts.status,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / elapsed,
  };
}

const readSummary = (r: ReadStats) =>
  `${r.requests} requests, ${r.reset} resets, ${r.timeout} timeouts, ${r.errors} other errors, ` +
  `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s`;

/** A writer posting 5 articles at a time until `end`, waiting as Retry-After says when refused. */
async function writer(base: string, articles: ReturnType<typeof withoutIds>, end: number) {
  const writes = { ok: 0, refused: 0, failed: 0, articles: 0 };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; performance.now() < end; i += 5) {
    const body = JSON.stringify({ articles: articles.slice(i % 4995, (i % 4995) + 5) });
    const r = await request(agent, 'POST', `${base}/api/articles`, body);
    if (r.status === 201) {
      writes.ok++;
      writes.articles += (JSON.parse(r.body ?? '{}') as { added: string[] }).added.length;
    } else if (r.status === 503) {
      writes.refused++;
      await sleep(Math.min(2000, (r.retryAfter || 1) * 1000));
    } else {
      writes.failed++;
      if (writes.failed === 1) console.error(`a write answered ${r.status}: ${r.body?.slice(0, 300)}`);
    }
  }
  agent.destroy();
  return writes;
}

/**
 * Phase 3: keep-alive readers for WRITE_SECONDS alone (the baseline on this machine at this moment), then for
 * WRITE_SECONDS while a writer posts and another process (`chronicle ingest` of 600 articles, 50 per
 * transaction, one analysis worker) writes to the same store.
 */
async function readsWithWrites(base: string, db: string, dir: string): Promise<string> {
  const tag = `load${Date.now().toString(36)}-`;
  const outside = join(dir, 'outside.jsonl');
  writeFileSync(
    outside,
    (await synthesise(600, 0, 33, `${tag}x`)).map((a) => JSON.stringify(a)).join('\n') + '\n',
  );
  const writerArticles = withoutIds(await synthesise(5000, 0, 34, `${tag}w`));
  const alone = await readers(base, WRITE_CLIENTS, performance.now() + WRITE_SECONDS * 1000);

  const end = performance.now() + WRITE_SECONDS * 1000;
  const ingestT0 = performance.now();
  const ingest = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), 'ingest', outside, '--db', db],
      ...['--workers', '1', '--batch', '50', '-q'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let ingestOut = '';
  ingest.stdout?.on('data', (d: Buffer) => (ingestOut += d.toString()));
  const ingestDone = new Promise<number | null>((resolve) => ingest.on('exit', resolve));
  let ingestSeconds = NaN;
  void ingestDone.then(() => (ingestSeconds = (performance.now() - ingestT0) / 1000));
  const writing = writer(base, writerArticles, end);
  const busy = await readers(base, WRITE_CLIENTS, end);
  const writes = await writing;
  const stillIngesting = ingest.exitCode === null;
  if (stillIngesting) ingest.kill('SIGTERM');
  await ingestDone;
  const ingested = /added (\d+)/.exec(ingestOut)?.[1];
  const ingestNote = stillIngesting
    ? 'still running at the end (stopped)'
    : `${ingested ?? '?'} articles in ${ingestSeconds.toFixed(1)} s`;
  for (const r of [alone, busy]) if (r.reset || r.timeout || r.errors) process.exitCode = 1;
  return (
    `server reads with writes: ${WRITE_CLIENTS} clients x ${WRITE_SECONDS} s reading alone: ${readSummary(alone)}; ` +
    `then with writes: ${readSummary(busy)}; writer: ${writes.ok} POSTs of 5 stored (${writes.articles} articles), ` +
    `${writes.refused} refused (503), ${writes.failed} failed; other process ingest: ${ingestNote}`
  );
}

async function main() {
  if (!existsSync(SAMPLE)) {
    console.log(`server bench: sample story missing at ${SAMPLE}; skipped`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  let child: ChildProcess | undefined;
  try {
    // BENCH_DB keeps the built store at that path and reuses it on the next run.
    const db = process.env.BENCH_DB ?? join(dir, 'bench.db');
    const t0 = performance.now();
    const inputs = await synthesise(ARTICLES);
    const reuse = existsSync(db);
    const store = new SqliteStore(db);
    if (!reuse)
      for (let i = 0; i < inputs.length; i += 500)
        await store.ingest(toArticles(inputs.slice(i, i + 500)), { story: STORY, refreshTimelines: false });
    const stored = (await store.getStory(STORY))?.articles ?? 0;
    await store.close();
    const buildS = (performance.now() - t0) / 1000;

    const serve = await startServe(db);
    child = serve.child;
    const endpoint = `${serve.url}/api/stories/${STORY}/timeline`;
    const c0 = performance.now();
    const firstStatus = await get(new http.Agent(), endpoint);
    const coldMs = performance.now() - c0;
    if (firstStatus !== 200) throw new Error(`timeline endpoint answered ${firstStatus}`);
    if (PHASES.has('1')) {
      const r = await load(endpoint, CLIENTS, SECONDS);
      const render = await firstRender(inputs);
      console.log(
        `server: ${stored} articles (${reuse ? 'reused' : `built in ${buildS.toFixed(0)} s`}), cold timeline ${coldMs.toFixed(0)} ms; ` +
          `${CLIENTS} clients x ${SECONDS} s: ${r.requests} requests, ${r.errors} errors, ` +
          `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s; ${render}`,
      );
      if (r.errors) process.exitCode = 1;
    }
    if (PHASES.has('2')) console.log(await heavyWrite(serve.url));
    if (PHASES.has('3')) console.log(await readsWithWrites(serve.url, db, dir));
  } finally {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
