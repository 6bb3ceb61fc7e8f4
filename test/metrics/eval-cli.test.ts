import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command as score } from '../../src/cli/eval/score.js';
import { command as tls } from '../../src/cli/eval/tls.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'tls');
const dashes = '-'.repeat(32);

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), isTTY: false },
  };
}

const near = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} != ${b}`);

/*
 * Parity pin on two timelines of our own (test/fixtures/tls), every figure derived by hand from tilse's
 * definitions. ROUGE tokens after ROUGE-1.5.5's stopword removal and Porter stemming:
 *   gold 03-01 ferri kelvik ran aground harbour wall | 03-04 diver seal leak tank offici, spill contain mayor
 *        | 03-09 fish resum bay                                   (17 unigrams)
 *   pred 03-01 ferri ran aground mondai | 03-05 diver seal tank, contain mayor | 03-07 ferri return harbour (12)
 * alignM1's date costs use approximate ROUGE-1 on raw tokens ("``" and "''" count, "," and "." do not):
 *   pred 03-05 -> gold 03-04 (cost 1/2 × (1 - F(10 of 12, 10 of 14)) = 0.115, the cheapest),
 *   pred 03-07 -> gold 03-09 (2/3 × 0.8 = 0.533 < 03-01's 6/7 × 0.714 and 03-04's 0.671),
 *   gold 03-09 -> pred 03-07 (0.533 < 03-05's 0.706).
 */
test('eval score --format json: concat, agreement, alignM1 and date on committed timelines', async () => {
  const c = io();
  const code = await score.run(
    ['--gold', join(fixtures, 'gold.txt'), '--pred', join(fixtures, 'pred.txt'), '--format', 'json'],
    c.io,
  );
  assert.equal(code, 0, c.err.join(''));
  const s = JSON.parse(c.out.join('')) as Record<string, Record<string, { p: number; r: number; f: number }>>;
  assert.deepEqual(Object.keys(s), ['concat', 'agreement', 'alignM1', 'date']);
  // concat: 9 shared unigrams; bigrams run across sentence ends: ran aground, diver seal, contain mayor.
  near(s.concat!.rouge1!.p, 9 / 12, 'concat R1 P');
  near(s.concat!.rouge1!.r, 9 / 17, 'concat R1 R');
  near(s.concat!.rouge2!.p, 3 / 11, 'concat R2 P');
  near(s.concat!.rouge2!.r, 3 / 16, 'concat R2 R');
  // agreement: only 03-01 is shared (ferri ran aground; ran aground), over all dates' content.
  near(s.agreement!.rouge1!.p, 3 / 12, 'agreement R1 P');
  near(s.agreement!.rouge1!.r, 3 / 17, 'agreement R1 R');
  near(s.agreement!.rouge2!.p, 1 / 9, 'agreement R2 P');
  near(s.agreement!.rouge2!.r, 1 / 14, 'agreement R2 R');
  // alignM1: 3 (03-01) + 5 × 1/2 (03-05 ~ 03-04) + 0 (03-07 ~ 03-09), both ways.
  near(s.alignM1!.rouge1!.p, 5.5 / 12, 'alignM1 R1 P');
  near(s.alignM1!.rouge1!.r, 5.5 / 17, 'alignM1 R1 R');
  near(s.alignM1!.rouge1!.f, (2 * (5.5 / 12) * (5.5 / 17)) / (5.5 / 12 + 5.5 / 17), 'alignM1 R1 F');
  // bigrams: ran aground (1) + diver seal, contain mayor at 1/2.
  near(s.alignM1!.rouge2!.p, 2 / 9, 'alignM1 R2 P');
  near(s.alignM1!.rouge2!.r, 2 / 14, 'alignM1 R2 R');
  near((s.date as unknown as { p: number }).p, 1 / 3, 'date P');
  near((s.date as unknown as { r: number }).r, 1 / 3, 'date R');
});

test('eval score: an empty predicted timeline scores 0; a missing file is named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'score-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  const c = io();
  assert.equal(
    await score.run(
      ['--gold', join(fixtures, 'gold.txt'), '--pred', join(dir, 'empty.txt'), '--format', 'json'],
      c.io,
    ),
    0,
  );
  const s = JSON.parse(c.out.join('')) as { alignM1: { rouge1: object }; date: object };
  assert.deepEqual(s.alignM1.rouge1, { p: 0, r: 0, f: 0 });
  assert.deepEqual(s.date, { p: 0, r: 0, f: 0 });

  const missing = join(dir, 'nope.txt');
  await assert.rejects(
    () => score.run(['--gold', join(fixtures, 'gold.txt'), '--pred', missing], io().io),
    (e: Error) => e.message.includes(missing),
  );
  writeFileSync(join(dir, 'prose.txt'), 'just some words\nand more\n');
  const p = io();
  assert.equal(
    await score.run(['--gold', join(dir, 'prose.txt'), '--pred', join(fixtures, 'pred.txt')], p.io),
    1,
  );
  assert.match(p.err.join(''), /prose\.txt: no dated block/);
});

/** A Timeline17-shaped tree of our own: one topic in two outlet folders, a malformed date, a stray folder. */
function t17Tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'tls-cli-'));
  const put = (p: string, text: string) => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  };
  const doc = (day: string, id: string, lines: string[]) =>
    put(`quake_herald/InputDocs/${day}/${id}.htm.txt`, lines.join('\n') + '\n');
  doc('2019-05-02', 'a', [
    'An earthquake struck the coastal town of Serrano on Thursday , damaging the old harbour .',
    'Rescue teams searched collapsed buildings through the night .',
  ]);
  doc('2019-05-03', 'b', [
    'The earthquake that hit Serrano on Thursday destroyed more than forty homes , officials said .',
    'Engineers inspected the harbour wall on Friday .',
  ]);
  doc('2019-05-06', 'c', [
    'Schools in Serrano reopened on Monday , four days after the earthquake .',
    'The earthquake on May 2 was the strongest in the region for a century .',
  ]);
  put('quake_herald/keywords.json', '["earthquake", "Serrano"]');
  put(
    'quake_herald/timelines/herald.txt',
    [
      '2019-05-02',
      'An earthquake hits Serrano and damages the harbour .',
      dashes,
      '2019-05-06',
      'Schools reopen in Serrano .',
      dashes,
      '',
    ].join('\n'),
  );
  put(
    'quake_wire/InputDocs/2019-05-04/d.htm.txt',
    'Aid convoys reached Serrano on Saturday after the earthquake .\n',
  );
  put(
    'quake_wire/timelines/wire.txt',
    ['2019-05-02', 'Earthquake in Serrano .', dashes, '2019-05-0', 'Convoys arrive .', dashes, ''].join('\n'),
  );
  mkdirSync(join(root, 'scratch'));
  return root;
}

test('eval tls: the protocol on a small tree; JSON shape, --out files, bad input reported not fatal', async () => {
  const root = t17Tree();
  const out = join(root, '..', `${root.split('/').pop()}-out`);
  const c = io();
  const code = await tls.run([root, '--format', 'json', '--out', out], c.io);
  assert.equal(code, 0, c.err.join(''));
  const r = JSON.parse(c.out.join('')) as {
    tasks: {
      topic: string;
      timeline: string;
      ar1: { f: number };
      date: { p: number; r: number; f: number };
    }[];
    mean: Record<string, { p: number; r: number; f: number }>;
    seconds: number;
  };
  // Two reference timelines of one merged topic: two tasks.
  assert.deepEqual(r.tasks.map((t) => [t.topic, t.timeline]).sort(), [
    ['quake', 'herald.txt'],
    ['quake', 'wire.txt'],
  ]);
  for (const k of ['ar1', 'ar2', 'date']) assert.ok(r.mean[k] && r.mean[k].f >= 0 && r.mean[k].f <= 1, k);
  assert.ok(typeof r.seconds === 'number');
  // The herald task asks for 2 dates over 05-02..05-06; 05-02 is named by three articles, so it is found.
  const herald = r.tasks.find((t) => t.timeline === 'herald.txt')!;
  assert.ok(herald.date.p >= 0.5, `herald date P ${herald.date.p}`);
  // The stray folder and the malformed date are reported on stderr; the run goes on.
  const err = c.err.join('');
  assert.match(err, /scratch/);
  assert.match(err, /2019-05-0/);
  // --out: one file per task, <topic_folder>--<timeline file>, readable by eval score.
  const files = readdirSync(out).sort();
  assert.deepEqual(files, ['quake_herald--herald.txt', 'quake_wire--wire.txt']);
  assert.match(readFileSync(join(out, 'quake_herald--herald.txt'), 'utf8'), /^2019-05-0\d\n/);
});

test('eval tls: a folder that is not a Timeline17 tree is a clear error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tls-bad-'));
  writeFileSync(join(dir, 'readme.txt'), 'nothing here');
  const c = io();
  const code = await tls.run([dir, '--format', 'json'], c.io);
  assert.notEqual(code, 0);
  assert.match(c.err.join(''), /no Timeline17 topic folders/);
});
