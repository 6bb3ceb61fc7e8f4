import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { aggregate, shingleMatch, tokenize } from '../../src/eval/extract.js';
import { scorePubdates } from '../../src/eval/pubdate.js';
import { command as extractCmd } from '../../src/cli/eval/extract.js';
import { command as pubdateCmd } from '../../src/cli/eval/pubdate.js';

test('tokenize takes runs of word characters in any script', () => {
  assert.deepEqual(tokenize("L'été, 2024—naïve_x Ωμέγα"), ['L', 'été', '2024', 'naïve_x', 'Ωμέγα']);
});

test('shingle matching: identical, disjoint, partial, short and empty texts', () => {
  assert.deepEqual(shingleMatch('a b c d e', 'a b c d e'), [1, 0, 0]);
  assert.deepEqual(shingleMatch('a b c d', 'w x y z'), [0, 0.5, 0.5]);
  const [tp, fp, fn] = shingleMatch('a b c d e f', 'a b c d e f g');
  assert.ok(Math.abs(tp - 3 / 4) < 1e-9 && Math.abs(fp - 1 / 4) < 1e-9 && fn === 0);
  assert.deepEqual(shingleMatch('a b', 'a b'), [1, 0, 0]); // fewer than 4 tokens: one short shingle
  assert.deepEqual(shingleMatch('a b c d', ''), [0, 0, 1]);
});

test('aggregate leaves empty outputs out of precision but not recall', () => {
  const r = aggregate([
    [1, 0, 0],
    [0, 0, 1],
  ]);
  assert.equal(r.p, 1);
  assert.equal(r.r, 0.5);
  assert.ok(Math.abs(r.f - 2 / 3) < 1e-9);
});

test('pubdate scores: no date is wrong for accuracy, left out of precision', () => {
  const s = scorePubdates([
    { gold: '2024-01-01', predicted: '2024-01-01' },
    { gold: '2024-01-02', predicted: null },
    { gold: '2024-01-03', predicted: '2024-01-04' },
    { gold: null, predicted: null },
  ]);
  assert.deepEqual(s, { accuracy: 0.5, coverage: 0.5, precision: 0.5, pages: 4 });
});

const capture = () => {
  let out = '';
  return { io: { stdout: (s: string) => void (out += s), stderr: () => {}, isTTY: false }, text: () => out };
};

test('eval extract and eval pubdate run on small folders of their layouts', async () => {
  const root = mkdtempSync(join(tmpdir(), 'chronicle-eval-'));
  const body = Array.from(
    { length: 8 },
    (_, i) => `Line ${i} of the story tells how the ferry crossed the bay in a gale and came back late.`,
  ).join('\n\n');
  const html = `<html><head><meta property="article:published_time" content="2022-05-04"></head><body><article>${body
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  mkdirSync(join(root, 'ex', 'html'), { recursive: true });
  writeFileSync(join(root, 'ex', 'html', 'p1.html.gz'), gzipSync(html));
  writeFileSync(
    join(root, 'ex', 'ground-truth.json'),
    JSON.stringify({ p1: { articleBody: body, url: 'https://x.example/a' } }),
  );
  const c = capture();
  assert.equal(await extractCmd.run([join(root, 'ex'), '--format', 'json'], c.io), 0);
  const r = JSON.parse(c.text());
  assert.ok(r.f > 0.95, `F1 ${r.f}`);
  assert.equal(r.pages, 1);
  assert.ok(r.baseline.f > 0.5);

  mkdirSync(join(root, 'pd', 'html'), { recursive: true });
  writeFileSync(join(root, 'pd', 'html', '1.html'), html);
  writeFileSync(join(root, 'pd', 'html', '2.html'), '<html><body><p>no date</p></body></html>');
  writeFileSync(
    join(root, 'pd', 'gold.json'),
    '{"https://x.example/a": {"file": "1.html", "date": "2022-05-04"}, "https://x.example/b": {"file": "2.html", "date": NaN}}',
  );
  const d = capture();
  assert.equal(await pubdateCmd.run([join(root, 'pd'), '--format', 'json'], d.io), 0);
  const p = JSON.parse(d.text());
  assert.equal(p.accuracy, 1);
  assert.equal(p.coverage, 0.5);
  assert.equal(p.pages, 2);
});
