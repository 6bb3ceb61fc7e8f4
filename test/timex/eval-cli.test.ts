import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command } from '../../src/cli/eval/timex.js';
import { parseTimeML } from '../../src/eval/timeml.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), isTTY: false },
  };
}

const doc = (
  body: string,
  dct = '<DCT><TIMEX3 tid="t0" type="DATE" value="2011-03-07" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>',
) => `<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d</DOCID>\n${dct}\n<TEXT>${body}</TEXT>\n</TimeML>\n`;

test('eval timex scores a folder, reports bad files by name and writes predicted TimeML', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'timex-eval-'));
  mkdirSync(join(dir, 'A'));
  writeFileSync(
    join(dir, 'A', 'one.tml'),
    doc(
      'The ferry sank <TIMEX3 tid="t1" type="DATE" value="2011-03-06">yesterday</TIMEX3> &amp; the crew left.',
    ),
  );
  writeFileSync(
    join(dir, 'A', 'broken.tml'),
    doc('The ferry <TIMEX3 tid="t1" type="DATE" value="x">sank</EVENT>.'),
  );
  writeFileSync(join(dir, 'nodct.tml'), doc('Nothing here.', ''));
  const out = join(dir, 'out');
  const c = io();
  const code = await command.run([dir, '--format', 'json', '--out', out], c.io);
  assert.equal(code, 0);
  const r = JSON.parse(c.out.join(''));
  assert.equal(r.documents, 1);
  assert.deepEqual(r.strict, { p: 1, r: 1, f: 1 });
  assert.equal(r.value.f, 1);
  assert.ok(typeof r.seconds === 'number');
  const errs = c.err.join('');
  assert.match(errs, /broken\.tml:\d+/);
  assert.match(errs, /nodct\.tml: no document creation time/);
  const written = parseTimeML(readFileSync(join(out, 'A', 'one.tml'), 'utf8'), 'one.tml');
  assert.deepEqual(
    written.timexes.map((t) => [t.text, t.value]),
    [['yesterday', '2011-03-06']],
  );
  assert.ok(written.text.includes('& the crew'));
});

test('eval timex on an empty folder is an error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'timex-empty-'));
  const c = io();
  assert.equal(await command.run([dir], c.io), 1);
  assert.match(c.err.join(''), /no \.tml files/);
});
