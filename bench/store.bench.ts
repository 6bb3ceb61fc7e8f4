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
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/index.js';
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

/** Ingest including analysis on raw synthetic articles (the second corpus): same measure as Timeline17. */
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

async function synthetic() {
  const total = Number(process.env.STORE_BENCH_ARTICLES ?? 200000);
  if (!total) return;
  const stories = Math.max(2, Math.round(total / 500));
  const db = join(dir, 'synth.db');
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
  const t0 = performance.now();
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
  const buildSecs = (performance.now() - t0) / 1000;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const n = (await store.stats()).articles;
  const mb = fileSize(db) / 1024 / 1024;
  console.log(
    `store synthetic: built ${n} articles (${stories} stories) by the bulk path in ${buildSecs.toFixed(1)} s, store ${mb.toFixed(0)} MB = ${((mb / n) * 1000).toFixed(1)} MB per 1,000 articles`,
  );

  // A 5,000-article story's timeline from the store (full build from stored analysis, then the stored copy).
  const big = 'story0';
  const size = (await store.getStory(big))!.articles;
  const cpuSecs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
  let t = performance.now();
  let cpu = process.cpuUsage();
  await store.storyTimeline(big);
  const build = (performance.now() - t) / 1000;
  const buildCpu = cpuSecs(process.cpuUsage(cpu));
  t = performance.now();
  await store.storyTimeline(big);
  const cached = (performance.now() - t) / 1000;
  console.log(
    `store timeline: story of ${size} articles built from the store in ${build.toFixed(2)} s (CPU ${buildCpu.toFixed(2)} s; target < 1 s); stored copy read in ${(cached * 1000).toFixed(1)} ms`,
  );

  // Search p95 over queries made of story names and common words, with and without filters.
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
  let hits = 0;
  for (const { q, f } of queries) {
    const s = performance.now();
    const c = process.cpuUsage();
    hits += (await store.search(q, f)).length;
    times.push(performance.now() - s);
    const d = process.cpuUsage(c);
    cpuTimes.push((d.user + d.system) / 1000);
  }
  console.log(
    `store search: ${queries.length} queries at ${n} articles, p95 ${p95(times).toFixed(1)} ms, median ${[...times].sort((a, b) => a - b)[times.length >> 1].toFixed(1)} ms (CPU p95 ${p95(cpuTimes).toFixed(1)} ms), ${(hits / queries.length).toFixed(1)} hits/query (target p95 < 50 ms)`,
  );

  // Add 100 new articles (raw text: analysed by the pipeline, clustered) and update the stored timelines they touch.
  const fresh = synthArticles({ articles: 100, offset: total + 1000000, stories, bigStory: 0, seed: 1 });
  for (const a of fresh) a.id = `new-${a.id}`;
  const targets = [...new Set(fresh.map((a) => a.topic!))].slice(0, 20);
  for (const s of targets) await store.storyTimeline(s);
  let note = 'analysed by the pipeline';
  analysisMs = 0;
  t = performance.now();
  cpu = process.cpuUsage();
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
    t = performance.now();
    cpu = process.cpuUsage();
    r = await store.ingest(pre);
  }
  const add = (performance.now() - t) / 1000;
  const addCpu = cpuSecs(process.cpuUsage(cpu));
  note += `, of which analysis ${(analysisMs / 1000).toFixed(2)} s`;
  console.log(
    `store update: added ${r.added.length} articles to ${n} in ${add.toFixed(2)} s (CPU ${addCpu.toFixed(2)} s; ${note}; ${r.storiesTouched.length} stories touched, stored timelines updated; target < 5 s)`,
  );
  await store.close();
}

try {
  if (!process.env.STORE_BENCH_SKIP_T17) await timeline17();
  await syntheticIngest();
  await synthetic();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
