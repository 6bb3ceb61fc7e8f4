import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/index.js';

// Text files saved by Windows editors are often UTF-16 with a byte-order mark: they are text, not binary.

const TEXT = ' date 2024-05-02 Färja åter i trafik\nThe ferry “Morning Gull” left port on Thursday.\n';
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chronicle-encoding-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

test('UTF-16 LE and BE files with a byte-order mark are read as text', async () => {
  const le = join(dir, 'le.txt');
  const be = join(dir, 'be.txt');
  writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]));
  writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]));
  const r = await readInputs([le, be]);
  assert.deepEqual(r.errors, []);
  for (const a of r.articles) {
    assert.equal(a.publishedAt, '2024-05-02');
    assert.equal(a.rawText, 'Färja åter i trafik\nThe ferry “Morning Gull” left port on Thursday.\n');
  }
  assert.equal(r.articles.length, 2);
});

test('a UTF-8 byte-order mark is dropped; a UTF-16 file with a broken surrogate is an error naming it', async () => {
  const bom = join(dir, 'bom.jsonl');
  writeFileSync(
    bom,
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"publishedAt":"2024-05-02","text":"Ferry."}\n'),
    ]),
  );
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]));
  const r = await readInputs([bom, bad]);
  assert.deepEqual(
    r.articles.map((a) => [a.publishedAt, a.rawText]),
    [['2024-05-02', 'Ferry.']],
  );
  assert.match(r.errors.map((e) => e.message).join('\n'), /bad\.txt: not valid UTF-16LE/);
});
