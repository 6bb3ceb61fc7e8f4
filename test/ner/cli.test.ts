import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command } from '../../src/cli/eval/ner.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), isTTY: false },
    out,
    err,
  };
}

const conll = [
  '-DOCSTART- -X- -X- O',
  '',
  'Olga NNP B-NP B-PER',
  'Novak NNP I-NP I-PER',
  'visited VBD B-VP O',
  'Madrid NNP B-NP B-LOC',
  '. . O O',
  'oops',
  '',
].join('\n');

test('eval ner prints JSON with overall, per-type and baseline scores, and writes --out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-cli-'));
  const file = join(dir, 'tiny.conll');
  const out = join(dir, 'tagged.conll');
  writeFileSync(file, conll);
  const c = io();
  const code = await command.run([file, '--format', 'json', '--out', out], c.io);
  assert.equal(code, 0);
  const r = JSON.parse(c.out.join(''));
  assert.deepEqual(Object.keys(r.byType), ['PER', 'ORG', 'LOC', 'MISC']);
  assert.equal(r.tokens, 5);
  assert.equal(r.overall.f, 1);
  assert.ok(r.baseline && typeof r.baseline.overall.f === 'number');
  assert.match(c.err.join(''), /tiny\.conll:8: /);
  const tagged = readFileSync(out, 'utf8').split('\n');
  assert.equal(tagged[0], '-DOCSTART- -X- -X- O O');
  assert.equal(tagged[2], 'Olga NNP B-NP B-PER B-PER');
  assert.equal(tagged[5], 'Madrid NNP B-NP B-LOC B-LOC');
  assert.ok(!tagged.includes('oops'));
});

test('eval ner names a missing file', async () => {
  const c = io();
  const code = await command.run(['/nonexistent/eng.testa'], c.io);
  assert.equal(code, 1);
  assert.match(c.err.join(''), /\/nonexistent\/eng\.testa: no such file/);
});

/** Six invented documents: a person and a place in the same two frames. */
function cvFile(): string {
  const names: Array<[string, string, string]> = [
    ['Olga', 'Madrid', 'Brela'],
    ['Ivo', 'Varna', 'Ostend'],
    ['Noor', 'Dunmore', 'Kestrel'],
    ['Tomas', 'Brela', 'Varna'],
    ['Ada', 'Ostend', 'Madrid'],
    ['Mila', 'Kestrel', 'Dunmore'],
  ];
  return names
    .map(([who, where, other]) =>
      [
        '-DOCSTART- -X- -X- O',
        '',
        `${who} X X B-PER`,
        'visited X X O',
        `${where} X X B-LOC`,
        '. X X O',
        '',
        `${who} X X B-PER`,
        'left X X O',
        `for X X O`,
        `${other} X X B-LOC`,
        '. X X O',
        '',
      ].join('\n'),
    )
    .join('\n');
}

test('eval ner --cv K cross-validates by document and prints each fold, the mean and its conditions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-cv-'));
  const file = join(dir, 'train.conll');
  writeFileSync(file, cvFile());
  const c = io();
  const code = await command.run(
    [file, '--cv', '3', '--iterations', '2', '--clusters', 'none', '--format', 'json'],
    c.io,
  );
  assert.equal(code, 0);
  const r = JSON.parse(c.out.join(''));
  assert.equal(r.K, 3);
  assert.deepEqual(
    r.folds.map((f: { fold: number; documents: number }) => [f.fold, f.documents]),
    [
      [1, 2],
      [2, 2],
      [3, 2],
    ],
  );
  const fs = r.folds.map((f: { f: number }) => f.f);
  assert.ok(Math.abs(r.mean - fs.reduce((a: number, b: number) => a + b, 0) / 3) < 1e-12);
  assert.equal(r.settings.iterations, 2);
  assert.equal(r.settings.clusters, null);
  assert.ok(r.conditions.some((x: string) => /held out/.test(x)));

  const text = io();
  assert.equal(
    await command.run([file, '--cv', '2', '--fold', '2', '--iterations', '1', '--clusters', 'none'], text.io),
    0,
  );
  assert.match(text.out.join(''), /2-fold cross-validation by document, folds 2: F1 /);
  assert.match(text.out.join(''), /conditions:/);
});

test('eval ner --cv rejects a bad fold count and a missing cluster table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-cv-'));
  const file = join(dir, 'train.conll');
  writeFileSync(file, cvFile());
  await assert.rejects(() => command.run([file, '--cv', '1'], io().io), /--cv needs an integer >= 2/);
  const c = io();
  assert.equal(await command.run([file, '--cv', '2', '--clusters', join(dir, 'none.gz')], c.io), 1);
  assert.match(c.err.join(''), /none\.gz: no such cluster table/);
  await assert.rejects(
    () => command.run([file, '--iterations', '2'], io().io),
    /--iterations goes with --cv/,
  );
});
