/**
 * Server load bench (issue 8). Builds a temporary store holding one synthetic 5,000-article story (the
 * sample story's sentences recombined, with publication days shifted over 200 days), starts
 * `chronicle serve` on it in a child process, then runs a bounded load generator: 200 concurrent
 * keep-alive clients on loopback for 30 s against the story's timeline endpoint. Also measures, in
 * Chromium when installed, the first render of a 100-date timeline. Prints one summary line.
 *
 *   npm run bench -- server            (BENCH_SECONDS, BENCH_CLIENTS, BENCH_ARTICLES override the sizes;
 *                                       BENCH_DB=FILE keeps the built store there and reuses it)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs, toArticles, type ArticleInput } from '../src/index.js';
import { openStore } from '../src/store/index.js';
import { startServer } from '../src/server/index.js';
import { FakeStore } from '../test/server/fake-store.js';
import { seededRandom } from '../src/util/random.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SAMPLE = join(ROOT, 'examples/harbour-spill');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const DAYS = 200;
const STORY = 'bench-story';

const rng = seededRandom;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}

/** Synthetic articles: 4–7 sentences of the sample story each, dated over DAYS days. */
async function synthesise(n: number): Promise<ArticleInput[]> {
  const { articles } = await readInputs([SAMPLE]);
  const sentences = articles
    .flatMap((a) => a.rawText.split(/(?<=[.!?]["”]?)\s+(?=["“A-Z])/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 30 && !/^date \d/.test(s));
  const sources = [...new Set(articles.map((a) => a.source).filter((s): s is string => !!s))];
  const rand = rng(8);
  const out: ArticleInput[] = [];
  for (let i = 0; i < n; i++) {
    const k = 4 + Math.floor(rand() * 4);
    const picked = Array.from({ length: k }, () => sentences[Math.floor(rand() * sentences.length)]);
    out.push({
      id: `bench-${i}`,
      title: picked[0].slice(0, 80),
      source: sources[i % sources.length] ?? null,
      publishedAt: addDays('2024-02-05', Math.floor(rand() * DAYS)),
      // A serial number keeps every article distinct for the store's exact-duplicate check.
      text: `${picked.join(' ')} (Bulletin ${i + 1}.)`,
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
  store.ingest(toArticles(chosen), { story: STORY });
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
    const store = openStore(db);
    if (!reuse)
      for (let i = 0; i < inputs.length; i += 500)
        store.ingest(toArticles(inputs.slice(i, i + 500)), { story: STORY, refreshTimelines: false });
    const stored = store.getStory(STORY)?.articles ?? 0;
    store.close();
    const buildS = (performance.now() - t0) / 1000;

    const serve = await startServe(db);
    child = serve.child;
    const endpoint = `${serve.url}/api/stories/${STORY}/timeline`;
    const c0 = performance.now();
    const firstStatus = await get(new http.Agent(), endpoint);
    const coldMs = performance.now() - c0;
    if (firstStatus !== 200) throw new Error(`timeline endpoint answered ${firstStatus}`);
    const r = await load(endpoint, CLIENTS, SECONDS);
    const render = await firstRender(inputs);
    console.log(
      `server: ${stored} articles (${reuse ? 'reused' : `built in ${buildS.toFixed(0)} s`}), cold timeline ${coldMs.toFixed(0)} ms; ` +
        `${CLIENTS} clients x ${SECONDS} s: ${r.requests} requests, ${r.errors} errors, ` +
        `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s; ${render}`,
    );
    if (r.errors) process.exitCode = 1;
  } finally {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
