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
