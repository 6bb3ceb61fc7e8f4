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

/** A MEANTIME-style CAT XML document from tokens (sentence, text) and TIMEX3 markables over token ids. */
function catXml(tokens: [number, string][], timexes: string): string {
  const toks = tokens
    .map(([s, t], i) => `<token number="${i}" sentence="${s}" t_id="${i + 1}">${t}</token>`)
    .join('\n');
  return `<?xml version="1.0" ?><Document doc_id="7" doc_name="d" lang="en">\n${toks}\n<Markables>\n${timexes}\n</Markables>\n</Document>\n`;
}

test('eval timex --meantime rebuilds the text, takes the date line as DCT and scores the annotated part', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'timex-meantime-'));
  mkdirSync(join(dir, 'intra-doc_annotation', 'corpus_ferries'), { recursive: true });
  const tokens: [number, string][] = [
    [0, 'Ferry'],
    [0, 'sinks'],
    [1, 'March'],
    [1, '7'],
    [1, ','],
    [1, '2011'],
    [2, 'The'],
    [2, 'Tarn'],
    [2, 'ferry'],
    [2, 'sank'],
    [2, 'yesterday'],
    [2, '.'],
    [3, 'Divers'],
    [3, 'worked'],
    [3, 'on'],
    [3, 'Sunday'],
    [3, '.'],
  ];
  const timexes =
    '<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2011-03-07"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>\n' +
    '<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2011-03-06"><token_anchor t_id="11"/></TIMEX3>\n' +
    '<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="2058"/>';
  writeFileSync(join(dir, 'intra-doc_annotation', 'corpus_ferries', 'a.xml'), catXml(tokens, timexes));
  const c = io();
  const code = await command.run(['--meantime', dir, '--format', 'json'], c.io);
  assert.equal(code, 0, c.err.join(''));
  const r = JSON.parse(c.out.join(''));
  assert.equal(r.documents, 1);
  // Gold: "yesterday" only (the date line is the DCT, the empty TIMEX3 has no text); "Sunday" lies past the
  // last annotated sentence, so the tagger never sees it and nothing is spurious.
  assert.equal(r.gold, 1);
  assert.deepEqual(r.strict, { p: 1, r: 1, f: 1 });
  assert.equal(r.value.f, 1);
  assert.ok(r.conditions.some((x: string) => /held out/.test(x)));
});

test('eval timex --errors-in lists errors only for the files named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'timex-errors-in-'));
  mkdirSync(join(dir, 'Dev'));
  mkdirSync(join(dir, 'Held'));
  const miss = doc(
    'The ferry sank <TIMEX3 tid="t1" type="DATE" value="2011-03-06">yesterday</TIMEX3> at dawn.',
  );
  writeFileSync(
    join(dir, 'Dev', 'one.tml'),
    miss.replace('yesterday</TIMEX3> at dawn', 'yesterday</TIMEX3> at 5 p.m.'),
  );
  writeFileSync(
    join(dir, 'Held', 'two.tml'),
    miss.replace('yesterday</TIMEX3> at dawn', 'yesterday</TIMEX3> at 6 p.m.'),
  );
  const c = io();
  assert.equal(await command.run([dir, '--errors-in', 'Dev/'], c.io), 0);
  const out = c.out.join('');
  assert.match(out, /Dev\/one\.tml/);
  assert.doesNotMatch(out, /Held\/two\.tml/);
});
