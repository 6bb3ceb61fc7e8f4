/**
 * `chronicle eval stories --db postgres://… --workers N` (src/cli/eval/stories-queue.ts) on a real PostgreSQL
 * (CHRONICLE_TEST_PG; no mock): the fixture mix of three events (test/stories/events.ts, our own writing) queued
 * in small batches and committed by two worker processes gives exactly the stories one process finds, also when
 * the earliest batch is committed last; and the command reports the run and scores it like one process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterArticles } from '../../src/stories/index.js';
import { cutBatches } from '../../src/cli/eval/stories.js';
import { clusterThroughQueue, committedLate, type WorkerRun } from '../../src/cli/eval/stories-queue.js';
import { main } from '../../src/cli/index.js';
import { miniAnalyze } from '../store/helpers.js';
import { fixture, partition } from '../stories/events.js';
import { PG_URL } from '../store/contract/backends.js';

const skip = PG_URL
  ? false
  : process.env.CI === 'true'
    ? false
    : 'CHRONICLE_TEST_PG not set (scripts/ci-postgres.sh starts a local cluster and prints the URL)';

test('committedLate counts batches stored after a batch queued later', () => {
  const batchOf = new Map([
    ['a', 0],
    ['b', 0],
    ['c', 1],
    ['d', 2],
  ]);
  const stored = (order: string[]) => order.map((id, rowid) => ({ id, rowid }));
  assert.equal(committedLate(batchOf, stored(['a', 'b', 'c', 'd'])), 0);
  assert.equal(committedLate(batchOf, stored(['c', 'a', 'b', 'd'])), 1);
  assert.equal(committedLate(batchOf, stored(['d', 'c', 'a', 'b'])), 2);
});

test(
  'two `chronicle worker` processes draining the queued batches give the one-process stories (text only)',
  { skip },
  async () => {
    assert.ok(PG_URL, 'CI=true but CHRONICLE_TEST_PG is not set');
    const { articles } = fixture();
    const want = partition(clusterArticles(articles));
    const { assigned, run } = await clusterThroughQueue(cutBatches(fixture().articles, 3), {
      url: PG_URL,
      workers: 2,
      analyze: false,
    });
    assert.equal(assigned.size, articles.length, 'every article stored once');
    assert.equal(partition(assigned), want);
    assert.equal(run.workers, 2);
    assert.equal(run.batches, Math.ceil(articles.length / 3));
  },
);

/** A worker process that holds the batch with `slowId` until another batch is committed (eval-worker-child.ts). */
function slowLauncher(slowId: string) {
  const signals = mkdtempSync(join(tmpdir(), 'chron-eval-q-'));
  return (url: string) =>
    new Promise<WorkerRun>((resolve, reject) => {
      const p = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'eval-worker-child.ts'), url, signals, slowId],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as WorkerRun) : reject(new Error(out))));
    });
}

test(
  'analysed batches committed out of queue order by two workers (the earliest last) give the one-process stories',
  { skip },
  async () => {
    assert.ok(PG_URL, 'CI=true but CHRONICLE_TEST_PG is not set');
    const analysed = fixture().articles;
    miniAnalyze(analysed);
    const want = partition(clusterArticles(analysed));
    const batches = cutBatches(fixture().articles, 3);
    const { assigned, run } = await clusterThroughQueue(batches, {
      url: PG_URL,
      workers: 2,
      analyze: true,
      launch: slowLauncher(batches[0]![0]!.id),
    });
    assert.ok(run.committedLate >= 1, 'the first batch was committed after a later one');
    assert.equal(assigned.size, analysed.length);
    assert.equal(partition(assigned), want);
  },
);

test(
  '`chronicle eval stories --db … --workers 2` scores the queue run like one process and says how it ran',
  { skip },
  async () => {
    assert.ok(PG_URL, 'CI=true but CHRONICLE_TEST_PG is not set');
    // The Timeline17 layout: <topic_source>/InputDocs/<day>/<file>, two outlets per event.
    const dir = mkdtempSync(join(tmpdir(), 'chron-eval-t17-'));
    const { articles, event } = fixture();
    articles.forEach((a, i) => {
      const day = join(
        dir,
        `${event.get(a.id)}_${i % 2 ? 'harbourpost' : 'valleytimes'}`,
        'InputDocs',
        a.publishedAt!,
      );
      mkdirSync(day, { recursive: true });
      writeFileSync(join(day, `${a.id}.txt`), a.text + '\n');
    });
    const evalJson = async (...args: string[]) => {
      let out = '';
      let err = '';
      const code = await main(['eval', 'stories', dir, '--format', 'json', ...args], {
        stdout: (t) => (out += t),
        stderr: (t) => (err += t),
        isTTY: false,
      });
      assert.equal(code, 0, err);
      return JSON.parse(out) as Record<string, number> & {
        queue: { workers: number } | null;
        conditions: string[];
      };
    };
    const one = await evalJson();
    const queued = await evalJson('--db', PG_URL, '--workers', '2', '--batch', '3');
    assert.equal(one.queue, null);
    assert.equal(queued.queue?.workers, 2);
    assert.equal(queued.items, one.items);
    for (const k of ['bcubedPrecision', 'bcubedRecall', 'bcubedF1'])
      assert.ok(Math.abs(queued[k]! - one[k]!) <= 0.01, `${k}: queue ${queued[k]} vs one process ${one[k]}`);
    assert.ok(queued.conditions.some((c) => /job queue.*2 `chronicle worker` processes/.test(c)));
    assert.ok(!queued.conditions.join(' ').includes('chronicle-test'), 'no password in the conditions');
  },
);
