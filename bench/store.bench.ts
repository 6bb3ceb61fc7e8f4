/**
 * Store benchmark: `npm run bench -- store` (datasets root as argv[2]). One summary line per target:
 *  1. ingest throughput on Timeline17 whole, including analysis (articles/s) and store size per 1,000 articles;
 *     the same on 2,000 raw synthetic articles (scripts/synth-corpus.ts, analysed by the pipeline);
 *  2. a 200,000-article synthetic store (scripts/synth-corpus.ts; built through the bulk path: pre-analysed
 *     articles, story given) — then the timed real operations: a 5,000-article story's timeline from the
 *     store, search p95, and adding 100 new articles (analysed, clustered) with the affected stored
 *     timelines updated.
 * Env: STORE_BENCH_ARTICLES (default 200000; 0 skips the synthetic store), STORE_BENCH_SKIP_T17=1, STORE_BENCH_T17_LIMIT=N (first N articles),
 * STORE_BENCH_SYNTH_INGEST=N (raw synthetic articles ingested with analysis, default 2000; 0 skips). Stores are
 * written under a temp dir.
 * With a PostgreSQL URL in STORE_BENCH_PG (or CHRONICLE_BENCH_PG) the synthetic store (2.) is built and timed on
 * PostgreSQL too, in a fresh schema dropped at the end; its lines say "(postgres)" and give the database server's
 * CPU seconds next to the bench process's (read from /proc when the server runs on this machine).
 * STORE_BENCH_BACKENDS=sqlite,postgres picks the synthetic store's backends (default: both when a URL is given).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, SqliteStore, type OpenOptions, type Store } from '../src/store/index.js';
import { freshPgLocation } from '../test/store/contract/backends.js';
import { readInputs } from '../src/ingest/index.js';
import { runPipeline } from '../src/pipeline.js';
import { readTimeline17 } from '../src/cli/eval/stories.js';
import { synthArticles } from '../scripts/synth-corpus.js';
import { AnalyzerPool, defaultWorkers } from '../src/parallel/pool.js';

const root = process.argv[2] ?? '../shared/datasets';
const dir = mkdtempSync(join(tmpdir(), 'chronicle-store-bench-'));
const fileSize = (p: string) =>
  (existsSync(p) ? statSync(p).size : 0) + (existsSync(p + '-wal') ? statSync(p + '-wal').size : 0);

async function timeline17() {
  const t17 = join(root, 'timeline17');
  if (!existsSync(t17)) return console.log(`store ingest: Timeline17 missing at ${t17} (skipped)`);
  let articles = (await readInputs([t17])).articles;
  if (!articles.length) articles = readTimeline17(t17);
  const limit = Number(process.env.STORE_BENCH_T17_LIMIT ?? 0);
  if (limit) articles = articles.slice(0, limit);
  const db = join(dir, 't17.db');
  const cpuSecs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
  // 1. One thread: the analysis timed separately, to report the store's own cost per article too.
  let analysisMs = 0;
  const store = new SqliteStore(db, {
    analyzer: (arts, o) => {
      const t = performance.now();
      try {
        return runPipeline(arts, o);
      } finally {
        analysisMs += performance.now() - t;
      }
    },
  });
  // Each run ingests its own copy (ingest fills in the articles it analyses).
  const first = structuredClone(articles);
  const second = structuredClone(articles);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let added = 0;
  try {
    // As `chronicle ingest` does, a batch is dropped once stored (the heap holds one batch's analysis).
    for (let i = 0; i < first.length; i += 250) {
      const batch = first.slice(i, i + 250);
      first.fill(null as never, i, i + 250);
      added += (await store.ingest(batch)).added.length;
    }
  } catch (e) {
    await store.close();
    return console.log(
      `store ingest: Timeline17 FAILED after ${added} articles: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuSecs(process.cpuUsage(c0));
  const stories = (await store.listStories()).length;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  const kb = fileSize(db) / 1024;
  console.log(
    `store ingest: Timeline17 ${added} articles, 1 thread, in ${secs.toFixed(1)} s = ${(added / secs).toFixed(1)} articles/s, ${(added / cpu).toFixed(1)} per CPU-second (incl. analysis + clustering; target >= 300/s/core); ` +
      `analysis ${(analysisMs / 1000).toFixed(1)} s, store alone ${(added / (secs - analysisMs / 1000)).toFixed(0)} articles/s, ` +
      `${stories} stories, store ${(kb / 1024).toFixed(1)} MB = ${(((kb / added) * 1000) / 1024).toFixed(1)} MB per 1,000 articles`,
  );
  // 2. The same through the worker pool (what `chronicle ingest` does): wall throughput on all cores, and
  // articles per CPU-second of the whole process (every thread), i.e. per core.
  const workers = Number(process.env.STORE_BENCH_WORKERS ?? defaultWorkers());
  if (!workers) return;
  const pdb = join(dir, 't17-parallel.db');
  const pstore = new SqliteStore(pdb);
  const pool = new AnalyzerPool(workers);
  const pc0 = process.cpuUsage();
  const pt0 = performance.now();
  const batches = function* () {
    for (let i = 0; i < second.length; i += 250) yield second.slice(i, i + 250);
  };
  const r = await pstore.ingestParallel(batches(), pool);
  const psecs = (performance.now() - pt0) / 1000;
  const pcpu = cpuSecs(process.cpuUsage(pc0));
  await pool.close();
  const pstories = (await pstore.listStories()).length;
  await pstore.close();
  console.log(
    `store ingest: Timeline17 ${r.added.length} articles, ${workers} analysis workers + writer, in ${psecs.toFixed(1)} s = ${(r.added.length / psecs).toFixed(1)} articles/s wall, ` +
      `${(r.added.length / pcpu).toFixed(1)} per CPU-second of all threads (${pcpu.toFixed(1)} CPU s), ${pstories} stories`,
  );
}

/** Ingest including analysis on raw synthetic articles (the issue's second corpus): same measure as Timeline17. */
async function syntheticIngest() {
  const total = Number(process.env.STORE_BENCH_SYNTH_INGEST ?? 2000);
  if (!total) return;
  const articles = synthArticles({
    articles: total,
    offset: 0,
    stories: Math.max(2, Math.round(total / 100)),
  });
  const db = join(dir, 'synth-ingest.db');
  let analysisMs = 0;
  const store = new SqliteStore(db, {
    analyzer: (arts, o) => {
      const t = performance.now();
      try {
        return runPipeline(arts, o);
      } finally {
        analysisMs += performance.now() - t;
      }
    },
  });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let added = 0;
  for (let i = 0; i < articles.length; i += 250)
    added += (await store.ingest(articles.slice(i, i + 250))).added.length;
  const secs = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const stories = (await store.listStories()).length;
  await store.close();
  console.log(
    `store ingest: synthetic ${added} raw articles in ${secs.toFixed(1)} s = ${(added / secs).toFixed(1)} articles/s, ${(added / cpu).toFixed(1)} per CPU-second (1 process, incl. analysis + clustering; target >= 300/s/core); ` +
      `analysis ${(analysisMs / 1000).toFixed(1)} s, store alone ${(added / (secs - analysisMs / 1000)).toFixed(0)} articles/s, ${stories} stories`,
  );
}

function p95(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))];
}

/** The synthetic store's backend: how to open a fresh store, its size on disk, and how to dispose of it. */
interface SynthBackend {
  /** Inserted in each printed line after "store <what>" ('' for SQLite: its lines are as before). */
  label: string;
  open(options: OpenOptions): Promise<{
    store: Store;
    bytes(): Promise<number>;
    dispose(): Promise<void>;
  }>;
  /** CPU seconds the database server used so far (null: not measurable, e.g. in-process SQLite or a remote server). */
  serverCpu(): number | null;
}

const sqliteBackend: SynthBackend = {
  label: '',
  async open(options) {
    const db = join(dir, 'synth.db');
    const store = new SqliteStore(db, options);
    return {
      store,
      async bytes() {
        store.db.pragma('wal_checkpoint(TRUNCATE)');
        return fileSize(db);
      },
      dispose: () => store.close(),
    };
  },
  serverCpu: () => null,
};

const CLK_TCK = 100;
/** utime, stime, cutime, cstime (clock ticks) and the parent pid of a process, from /proc; null when gone. */
function procTimes(pid: number): { ppid: number; self: number; children: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), 1-based.
    return {
      ppid: Number(f[1]),
      self: Number(f[11]) + Number(f[12]),
      children: Number(f[13]) + Number(f[14]),
    };
  } catch {
    return null;
  }
}

/**
 * CPU seconds of a local PostgreSQL server: its postmaster's own and reaped children's, plus every live child
 * (connection backends, checkpointer, WAL writer, autovacuum). Null when the server is not on this machine.
 */
function pgServerCpu(postmaster: number | null): number | null {
  if (postmaster === null || !procTimes(postmaster)) return null;
  const pm = procTimes(postmaster)!;
  let ticks = pm.self + pm.children;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const p = procTimes(Number(d));
    if (p && p.ppid === postmaster) ticks += p.self;
  }
  return ticks / CLK_TCK;
}

function pgBackend(base: string): SynthBackend {
  let postmaster: number | null = null;
  return {
    label: ' (postgres)',
    async open(options) {
      const loc = await freshPgLocation(base);
      const store = await openStore(loc.url, options);
      try {
        // The server's processes: the parent of a connection's backend process, when it runs here.
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        try {
          const pid = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
          const parent = procTimes(pid)?.ppid;
          // The same pid on this machine may be another process (a remote server): only a postgres one counts.
          postmaster =
            parent && /^postgres/.test(readFileSync(`/proc/${parent}/comm`, 'utf8')) ? parent : null;
        } finally {
          await c.end();
        }
      } catch {
        postmaster = null;
      }
      return {
        store,
        bytes: async () => (await store.stats()).bytes,
        async dispose() {
          await store.close();
          await loc.drop();
        },
      };
    },
    serverCpu: () => pgServerCpu(postmaster),
  };
}

/** The analysis time of the synthetic store's ingests (the pipeline wrapped as the store's analyzer). */
const analysis = { ms: 0 };
const timedAnalyzer: OpenOptions['analyzer'] = (arts, o) => {
  const t = performance.now();
  try {
    return runPipeline(arts, o);
  } finally {
    analysis.ms += performance.now() - t;
  }
};

const cpuSecs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;

/** Wall and CPU seconds of the bench process, and the database server's CPU (when measurable), since `start`. */
function meter(backend: SynthBackend) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const server = backend.serverCpu();
  return () => {
    const now = backend.serverCpu();
    return {
      wall: (performance.now() - t) / 1000,
      cpu: cpuSecs(process.cpuUsage(cpu)),
      /** " + server CPU x s", or nothing when not measurable. */
      server: server === null || now === null ? '' : ` + server CPU ${(now - server).toFixed(2)} s`,
    };
  };
}

async function synthetic(backend: SynthBackend) {
  const total = Number(process.env.STORE_BENCH_ARTICLES ?? 200000);
  if (!total) return;
  const stories = Math.max(2, Math.round(total / 500));
  const opened = await backend.open({ analyzer: timedAnalyzer });
  try {
    const n = await buildSynthetic(backend, opened.store, opened.bytes, total, stories);
    await timeTimeline(backend, opened.store);
    await timeSearch(backend, opened.store, n, stories);
    await timeUpdate(backend, opened.store, n, total, stories);
  } finally {
    await opened.dispose();
  }
}

/** The 200k store by the bulk path (pre-analysed articles, story given), 5,000 articles per ingest. */
async function buildSynthetic(
  backend: SynthBackend,
  store: Store,
  bytes: () => Promise<number>,
  total: number,
  stories: number,
): Promise<number> {
  const L = backend.label;
  const m = meter(backend);
  const chunk = 5000;
  for (let i = 0; i < total; i += chunk) {
    const arts = synthArticles({
      articles: Math.min(chunk, total - i),
      offset: i,
      stories,
      bigStory: 5000,
      analyzed: true,
    });
    await store.ingest(arts, { analyze: 'never', story: (a) => a.topic!, refreshTimelines: false });
  }
  const { wall, cpu, server } = m();
  const n = (await store.stats()).articles;
  const mb = (await bytes()) / 1024 / 1024;
  console.log(
    `store synthetic${L}: built ${n} articles (${stories} stories) by the bulk path in ${wall.toFixed(1)} s${L ? ` (CPU ${cpu.toFixed(1)} s${server})` : ''}, store ${mb.toFixed(0)} MB = ${((mb / n) * 1000).toFixed(1)} MB per 1,000 articles`,
  );
  return n;
}

/** A 5,000-article story's timeline from the store (full build from stored analysis, then the stored copy). */
async function timeTimeline(backend: SynthBackend, store: Store) {
  const big = 'story0';
  const size = (await store.getStory(big))!.articles;
  let m = meter(backend);
  await store.storyTimeline(big);
  const build = m();
  m = meter(backend);
  await store.storyTimeline(big);
  const cached = m();
  console.log(
    `store timeline${backend.label}: story of ${size} articles built from the store in ${build.wall.toFixed(2)} s (CPU ${build.cpu.toFixed(2)} s${build.server}; target < 1 s); stored copy read in ${(cached.wall * 1000).toFixed(1)} ms`,
  );
}

/** Search p95 over queries made of story names and common words, with and without filters. */
async function timeSearch(backend: SynthBackend, store: Store, n: number, stories: number) {
  const sample = synthArticles({ articles: 200, offset: 7, stories, bigStory: 5000, analyzed: true });
  const queries: { q: string; f: object }[] = [];
  sample.forEach((a, i) => {
    const names = a.mentions.map((m) => m.text);
    const words = a.text.split(/\s+/).filter((w) => /^[a-z]{5,}$/.test(w));
    const q =
      i % 3 === 0
        ? `${names[0] ?? 'harbour'}`
        : i % 3 === 1
          ? `${words[0] ?? 'oil'} ${words[3] ?? 'harbour'}`
          : `${names[1] ?? 'spill'} ${words[1] ?? 'oil'}`;
    queries.push({
      q,
      f:
        i % 4 === 0
          ? { from: '2020-06-01', to: '2021-06-01' }
          : i % 4 === 1
            ? { source: 'Harbour Gazette' }
            : {},
    });
  });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const server0 = backend.serverCpu();
  let hits = 0;
  for (const { q, f } of queries) {
    const s = performance.now();
    const c = process.cpuUsage();
    hits += (await store.search(q, f)).length;
    times.push(performance.now() - s);
    cpuTimes.push(cpuSecs(process.cpuUsage(c)) * 1000);
  }
  const server1 = backend.serverCpu();
  // The server's CPU per query on average (reading /proc per query would weigh on the timings).
  const server =
    server0 === null || server1 === null
      ? ''
      : `, server CPU mean ${(((server1 - server0) / queries.length) * 1000).toFixed(1)} ms`;
  console.log(
    `store search${backend.label}: ${queries.length} queries at ${n} articles, p95 ${p95(times).toFixed(1)} ms, median ${[...times].sort((a, b) => a - b)[times.length >> 1].toFixed(1)} ms (CPU p95 ${p95(cpuTimes).toFixed(1)} ms${server}), ${(hits / queries.length).toFixed(1)} hits/query (target p95 < 50 ms)`,
  );
}

/** Add 100 new articles (raw text: analysed by the pipeline, clustered) and update the stored timelines they touch. */
async function timeUpdate(backend: SynthBackend, store: Store, n: number, total: number, stories: number) {
  const fresh = synthArticles({ articles: 100, offset: total + 1000000, stories, bigStory: 0, seed: 1 });
  for (const a of fresh) a.id = `new-${a.id}`;
  const targets = [...new Set(fresh.map((a) => a.topic!))].slice(0, 20);
  for (const s of targets) await store.storyTimeline(s);
  let note = 'analysed by the pipeline';
  analysis.ms = 0;
  let m = meter(backend);
  let r;
  try {
    r = await store.ingest(fresh);
  } catch (e) {
    note = `pipeline failed (${(e as Error).message.split('\n')[0].slice(0, 80)}); pre-analysed instead`;
    const pre = synthArticles({
      articles: 100,
      offset: total + 1000000,
      stories,
      bigStory: 0,
      seed: 1,
      analyzed: true,
    });
    for (const a of pre) a.id = `new-${a.id}`;
    m = meter(backend);
    r = await store.ingest(pre);
  }
  const add = m();
  note += `, of which analysis ${(analysis.ms / 1000).toFixed(2)} s`;
  console.log(
    `store update${backend.label}: added ${r.added.length} articles to ${n} in ${add.wall.toFixed(2)} s (CPU ${add.cpu.toFixed(2)} s${add.server}; ${note}; ${r.storiesTouched.length} stories touched, stored timelines updated; target < 5 s)`,
  );
}

const pgUrl = process.env.STORE_BENCH_PG || process.env.CHRONICLE_BENCH_PG || '';
const backends = (process.env.STORE_BENCH_BACKENDS ?? (pgUrl ? 'sqlite,postgres' : 'sqlite')).split(',');

try {
  if (!process.env.STORE_BENCH_SKIP_T17) await timeline17();
  await syntheticIngest();
  if (backends.includes('sqlite')) await synthetic(sqliteBackend);
  if (backends.includes('postgres')) {
    if (pgUrl) await synthetic(pgBackend(pgUrl));
    else
      console.log('store synthetic (postgres): no URL (set STORE_BENCH_PG or CHRONICLE_BENCH_PG; skipped)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
