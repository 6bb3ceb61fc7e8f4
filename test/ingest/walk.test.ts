import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextFile } from '../../src/ingest/files.js';
import { runChild } from './child.js';

// Hostile folders: a FIFO (opening it blocks until a writer comes), a link to /dev/zero (never ends, and
// stat says size 0), symlink loops. Each is ingested in a child process with a deadline and a memory
// ceiling, so a regression fails here instead of hanging the test run.

const ARTICLE = ' date 2024-05-02 Ferry service resumes in Brindle Bay\nThe ferry left port on Thursday.\n';
const posix = process.platform !== 'win32' && existsSync('/dev/zero');
let root = '';

function folder(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'article.txt'), ARTICLE);
  return d;
}

async function ingest(...paths: string[]) {
  const r = await runChild(['test/ingest/read-inputs-child.ts', ...paths], {
    timeoutMs: 20_000,
    maxRssMb: 600,
  });
  assert.equal(r.stopped, null, `ingest was stopped (${r.stopped}): ${r.stderr.slice(-500)}`);
  assert.equal(r.code, 0, r.stderr.slice(-500));
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    articles: { path: string; publishedAt: string | null }[];
    errors: string[];
  };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'chronicle-walk-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

test(
  'a FIFO in a folder is skipped with a warning naming it; the walk does not block',
  { skip: !posix },
  async () => {
    const d = folder('fifo');
    execFileSync('mkfifo', [join(d, 'pipe.txt')]);
    const r = await ingest(d);
    assert.deepEqual(
      r.articles.map((a) => a.path),
      [join(d, 'article.txt')],
    );
    assert.ok(
      r.errors.some((e) => e.includes(join(d, 'pipe.txt')) && /FIFO/.test(e)),
      r.errors.join('\n'),
    );
    // Named explicitly it is refused too.
    const r2 = await ingest(join(d, 'pipe.txt'));
    assert.equal(r2.articles.length, 0);
    assert.match(r2.errors.join('\n'), /pipe\.txt.*FIFO/);
  },
);

test('a *.txt link to /dev/zero is skipped, memory stays bounded', { skip: !posix }, async () => {
  const d = folder('zero');
  symlinkSync('/dev/zero', join(d, 'zero.txt'));
  const r = await ingest(d);
  assert.deepEqual(
    r.articles.map((a) => a.path),
    [join(d, 'article.txt')],
  );
  assert.ok(
    r.errors.some((e) => e.includes('zero.txt') && /device/.test(e)),
    r.errors.join('\n'),
  );
});

test('symlink loops end the walk: each file is read once, each loop named', { skip: !posix }, async () => {
  const d = folder('loops');
  mkdirSync(join(d, 'sub'));
  symlinkSync('.', join(d, 'again')); // the folder itself
  symlinkSync('..', join(d, 'sub', 'up')); // back to the parent
  symlinkSync('self.txt', join(d, 'self.txt')); // a link to itself (ELOOP)
  const r = await ingest(d);
  assert.deepEqual(
    r.articles.map((a) => a.path),
    [join(d, 'article.txt')],
  );
  assert.ok(
    r.errors.some((e) => e.includes(join(d, 'again'))),
    r.errors.join('\n'),
  );
  assert.ok(
    r.errors.some((e) => e.includes(join(d, 'sub', 'up'))),
    r.errors.join('\n'),
  );
  assert.ok(
    r.errors.some((e) => e.includes('self.txt') && /loop/.test(e)),
    r.errors.join('\n'),
  );
});

test('a symlink to an article already read is not read a second time', { skip: !posix }, async () => {
  const d = folder('twice');
  symlinkSync('article.txt', join(d, 'copy.txt'));
  const r = await ingest(d);
  assert.equal(r.articles.length, 1);
});

test(
  'a folder with a FIFO, a link to /dev/zero and two symlink loops gives its one article',
  { skip: !posix },
  async () => {
    const d = folder('all');
    execFileSync('mkfifo', [join(d, 'a-pipe.txt')]);
    symlinkSync('/dev/zero', join(d, 'b-zero.txt'));
    mkdirSync(join(d, 'deeper'));
    symlinkSync('..', join(d, 'deeper', 'loop1'));
    symlinkSync(d, join(d, 'loop2'));
    const r = await ingest(d);
    assert.deepEqual(
      r.articles.map((a) => [a.path, a.publishedAt]),
      [[join(d, 'article.txt'), '2024-05-02']],
    );
    assert.equal(r.errors.length, 4, r.errors.join('\n'));
  },
);

test(
  'reads stop at the size limit whatever stat says (a /proc file reports size 0)',
  { skip: !existsSync('/proc/self/status') },
  () => {
    assert.throws(() => readTextFile('/proc/self/status', 64), /limit/);
  },
);
