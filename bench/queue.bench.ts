/**
 * Distributed ingest through the PostgreSQL job queue (issue 18): Timeline17 articles queued in batches, then
 * drained by 1 and by 2 `chronicle worker` processes (one analysis thread each), each run into a fresh schema.
 * Prints articles/s (wall, from the workers' start to the last one's exit, model loading included), the 2-vs-1
 * ratio, and the serial share: seconds the workers held the store's write lock (planning and writing a batch)
 * over the wall time. Needs a PostgreSQL URL in CHRONICLE_BENCH_PG (or CHRONICLE_TEST_PG; skipped without) and
 * a build (`npm run build`). QUEUE_BENCH_ARTICLES (default: all of Timeline17's 4,650) and QUEUE_BENCH_BATCH
 * (default: `chronicle ingest`'s batch size) size it.
 * CPU seconds are printed too, as wall time on a shared machine says little: the workers' own (every thread,
 * from their summary line) and, with QUEUE_BENCH_PG_DATA naming a local cluster's data directory, the
 * PostgreSQL server's. They bound what N workers can gain on the cores this machine has.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus } from 'node:os';
import { spawn } from 'node:child_process';
import { readTimeline17 } from '../src/cli/eval/stories.js';
import { DEFAULT_BATCH_SIZE, enqueue } from '../src/queue/index.js';
import { freshPgLocation } from '../test/store/contract/backends.js';

const root = resolve(process.argv[2] ?? '../shared/datasets');
const url = process.env.CHRONICLE_BENCH_PG || process.env.CHRONICLE_TEST_PG;
const t17 = join(root, 'timeline17');
const bin = resolve(import.meta.dirname, '..', 'bin', 'chronicle.js');
const pgData = process.env.QUEUE_BENCH_PG_DATA;

/**
 * CPU seconds used so far by a local PostgreSQL cluster: its postmaster and live children, plus the children it
 * has reaped (a worker's backends exit with it). Needs the cluster's data directory (QUEUE_BENCH_PG_DATA); on
 * another machine the server's CPU is not seen.
 */
function postgresCpu(dataDir: string | undefined): number | undefined {
  if (!dataDir || !existsSync(join(dataDir, 'postmaster.pid'))) return undefined;
  const pm = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  // Fields after the command name: state is field 3; utime 14, stime 15, cutime 16, cstime 17 (proc(5)).
  const stat = (pid: string) => {
    try {
      const t = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return t.slice(t.lastIndexOf(')') + 2).split(' ');
    } catch {
      return undefined;
    }
  };
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const f = stat(pid);
    if (!f) continue;
    const ppid = Number(f[1]);
    if (Number(pid) === pm) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    else if (ppid === pm) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / 100; // USER_HZ
}

function worker(location: string): Promise<{ added: number; held: number; waited: number; cpu: number }> {
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, [bin, 'worker', '--db', location, '--until-empty', '-q'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => {
      const m = out.match(/added (\d+).*waited ([\d.]+) s, held ([\d.]+) s; CPU ([\d.]+) s/);
      if (code !== 0 || !m) return fail(new Error(`worker exited ${code}: ${out}`));
      ok({ added: Number(m[1]), waited: Number(m[2]), held: Number(m[3]), cpu: Number(m[4]) });
    });
  });
}

async function run(n: number, articlesOf: () => Promise<import('../src/model.js').Article[]>, batch: number) {
  const loc = await freshPgLocation(url);
  try {
    const articles = await articlesOf();
    await enqueue(loc.url, articles, batch);
    const pg0 = postgresCpu(pgData);
    const t0 = performance.now();
    const rs = await Promise.all(Array.from({ length: n }, () => worker(loc.url)));
    const wall = (performance.now() - t0) / 1000;
    const pg1 = postgresCpu(pgData);
    const pgCpu = pg0 !== undefined && pg1 !== undefined ? pg1 - pg0 : undefined;
    const added = rs.reduce((s, r) => s + r.added, 0);
    const held = rs.reduce((s, r) => s + r.held, 0);
    const waited = rs.reduce((s, r) => s + r.waited, 0);
    const cpu = rs.reduce((s, r) => s + r.cpu, 0);
    return { n, added, wall, rate: added / wall, held, waited, serial: held / wall, cpu, pgCpu };
  } finally {
    await loc.drop();
  }
}

if (!url) console.log('queue: no PostgreSQL (set CHRONICLE_BENCH_PG or CHRONICLE_TEST_PG; skipped)');
else if (!existsSync(t17)) console.log(`queue: Timeline17 missing at ${t17} (skipped)`);
else if (!existsSync(join(import.meta.dirname, '..', 'dist', 'cli', 'index.js')))
  console.log('queue: build first (npm run build; skipped)');
else {
  const limit = Number(process.env.QUEUE_BENCH_ARTICLES ?? 0) || Infinity;
  const batch = Number(process.env.QUEUE_BENCH_BATCH ?? DEFAULT_BATCH_SIZE);
  // The dataset's input documents (its gold timelines are not articles), in its order.
  const articlesOf = async () => readTimeline17(t17).slice(0, limit);
  const results = [];
  for (const n of [1, 2]) {
    const r = await run(n, articlesOf, batch);
    results.push(r);
    console.log(
      `queue: ${r.n} worker(s): ${r.added} articles in ${r.wall.toFixed(1)} s = ${r.rate.toFixed(1)} articles/s; ` +
        `write lock held ${r.held.toFixed(2)} s (${(r.serial * 100).toFixed(1)}% of wall), waited ${r.waited.toFixed(2)} s; ` +
        `CPU: workers ${r.cpu.toFixed(1)} s (${((r.cpu / r.added) * 1000).toFixed(1)} ms/article)` +
        (r.pgCpu !== undefined
          ? `, PostgreSQL ${r.pgCpu.toFixed(1)} s (${((r.pgCpu / r.added) * 1000).toFixed(1)} ms/article)`
          : ', PostgreSQL not seen (set QUEUE_BENCH_PG_DATA to a local data directory)'),
    );
  }
  console.log(
    `queue: 2 vs 1 workers: ${(results[1]!.rate / results[0]!.rate).toFixed(2)}x; serial share at 2 workers ` +
      `${(results[1]!.serial * 100).toFixed(1)}% (batch ${batch}, ${results[0]!.added} Timeline17 articles stored, shared machine)`,
  );
  // Amdahl on paper, from the one-worker run: its rate, and the share of its wall time the write lock was held.
  const one = results[0]!;
  const f = one.serial;
  const perDay = (n: number) => (one.rate / (f + (1 - f) / n)) * 86400;
  const ceiling = (one.added / one.held) * 86400;
  const cpu = one.pgCpu !== undefined ? (one.cpu + one.pgCpu) / one.added : one.cpu / one.added;
  console.log(
    `queue: projection (Amdahl from 1 worker: ${one.rate.toFixed(1)} articles/s, serial ${(f * 100).toFixed(1)}%; every ` +
      `worker on cores of its own, the database on its own machine): ${[8, 32, 128]
        .map((n) => `${n} workers ${(perDay(n) / 1e6).toFixed(2)}M`)
        .join(', ')} articles/day; ceiling ${(ceiling / 1e6).toFixed(2)}M/day (the lock held ` +
      `${((one.held / one.added) * 1000).toFixed(1)} ms per article). CPU per article ${(cpu * 1000).toFixed(1)} ms: ` +
      `on ${cpus().length} cores at most ${(cpus().length / cpu / one.rate).toFixed(2)}x one worker's rate`,
  );
}
