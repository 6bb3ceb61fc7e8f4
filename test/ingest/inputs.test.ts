import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/index.js';
import type { InputError } from '../../src/model.js';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chronicle-ingest-'));
  mkdirSync(join(dir, 'b', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'b', 'sub', 'z.txt'), ' date 2024-01-03 Third\nBody.');
  writeFileSync(join(dir, 'b', 'a.txt'), ' date 2024-01-01 First\nBody.');
  writeFileSync(
    join(dir, 'b', 'm.jsonl'),
    JSON.stringify({ publishedAt: '2024-01-02', text: 'Second.' }) + '\n{bad\n',
  );
  writeFileSync(join(dir, 'b', 'notes.bin'), 'skipped by the folder walk');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
  writeFileSync(
    join(dir, 'latin1.txt'),
    Buffer.from([0x20, 0x64, 0x61, 0x74, 0x65, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
  );
  writeFileSync(join(dir, 'big.txt'), ' date 2024-01-01 x\n' + 'word '.repeat(400));
  writeFileSync(join(dir, 'undated.txt'), 'Headline\nNo date in here.');
  const t17 = join(dir, 'topic_x', 'InputDocs', '2011-03-07');
  mkdirSync(t17, { recursive: true });
  mkdirSync(join(dir, 'topic_x', 'timelines'), { recursive: true });
  writeFileSync(join(t17, '1.htm.txt'), 'First tokenised line .\nSecond line .\n');
  writeFileSync(join(dir, 'topic_x', 'timelines', 'gold.txt'), '2011-03-07\nA gold summary .\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('folders are walked recursively in sorted order; jsonl bad line reported, rest read', async () => {
  const seen: InputError[] = [];
  const r = await readInputs([join(dir, 'b')], { onError: (e) => seen.push(e) });
  assert.deepEqual(
    r.articles.map((a) => a.publishedAt),
    ['2024-01-01', '2024-01-02', '2024-01-03'],
  );
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].line, 2);
  assert.deepEqual(seen, r.errors);
});

test('bad inputs each give an error naming the file; the run continues', async () => {
  const names = ['empty.txt', 'binary.txt', 'latin1.txt', 'big.txt', 'missing.txt', 'undated.txt', 'b/a.txt'];
  const r = await readInputs(
    names.map((n) => join(dir, n)),
    { maxBytes: 1000 },
  );
  const msg = (n: string) => r.errors.find((e) => e.input === join(dir, n))?.message ?? '';
  assert.match(msg('empty.txt'), /empty/);
  assert.match(msg('binary.txt'), /binary/);
  assert.match(msg('latin1.txt'), /UTF-8/);
  assert.match(msg('big.txt'), /limit/);
  assert.match(msg('missing.txt'), /no such/);
  assert.match(msg('undated.txt'), /no publication date/);
  assert.deepEqual(
    r.articles.map((a) => a.path),
    [join(dir, 'undated.txt'), join(dir, 'b/a.txt')],
  );
});

test('Timeline17 layout: date from the folder, topic, one sentence per line; gold timelines skipped', async () => {
  const r = await readInputs([join(dir, 'topic_x')]);
  assert.equal(r.articles.length, 1);
  const a = r.articles[0];
  assert.equal(a.publishedAt, '2011-03-07');
  assert.equal(a.publishedAtEvidence, 'folder');
  assert.equal(a.topic, 'topic_x');
  assert.equal(a.linesAreSentences, true);
});
