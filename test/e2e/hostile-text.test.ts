import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChild } from '../ingest/child.js';

// Texts that made a stage quadratic: each is analysed in a child process with a deadline far above
// what the linear code needs (the figures are in bench/adversarial.bench.ts), so a regression fails here.

async function analyze(kind: string, size: number, mode = '') {
  const args = ['test/e2e/analyze-child.ts', kind, String(size), ...(mode ? [mode] : [])];
  const r = await runChild(args, { timeoutMs: 90_000 });
  assert.equal(r.stopped, null, `stopped (${r.stopped})`);
  assert.equal(r.code, 0, r.stderr.slice(-300));
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    sentences: number;
    mentions: number;
    quotes: number;
  };
}

test('200 KB of short quotes and cue words in one paragraph is analysed; the quotes are found', async () => {
  const r = await analyze('quote-marks', 200_000);
  assert.ok(r.quotes > 1000, JSON.stringify(r));
});

test('1 MB of one-word lines without a full stop: the clean stage takes them for furniture, in time', async () => {
  const r = await analyze('short-lines', 1_000_000);
  // a page of 142,858 identical one-word lines is a menu to the furniture model: nothing survives
  assert.ok(r.sentences <= 1, JSON.stringify(r));
});

test('1 MB of one-word lines without a full stop, clean stage off: one sentence per line', async () => {
  const r = await analyze('short-lines', 1_000_000, 'no-clean');
  assert.ok(Math.abs(r.sentences - Math.ceil(1_000_000 / 7)) <= 1, JSON.stringify(r));
});

test('500 KB on one line of names without a full stop: cut into sentences, names found and resolved', async () => {
  const r = await analyze('one-line', 500_000);
  assert.ok(r.sentences >= 80, JSON.stringify(r)); // chunks of at most 1,000 tokens
  assert.ok(r.mentions > 10_000, JSON.stringify(r));
});
