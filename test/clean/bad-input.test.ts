/**
 * Bad input for the clean stage: pages that are all furniture, one very long line, no line breaks at all,
 * other languages and scripts, lines of symbols. Nothing crashes; an article left with no text is reported
 * (naming its file) and contributes nothing; a timeline never gets an empty entry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, buildTimeline, runPipeline } from '../../src/index.js';
import { main } from '../../src/cli/index.js';
import type { CliIO } from '../../src/cli/common.js';
import { newArticle } from '../../src/model.js';

const ALL_FURNITURE = [
  'Home',
  'News',
  'Sport',
  'Weather',
  'Sign in',
  'Subscribe',
  'We use cookies to improve your experience. Accept all',
  'Manage settings',
  'Most read',
  'Council approves new cycle lane on Harbour Road',
  'Ten walks to try this spring',
  'Share on Facebook',
  '© 2025 Brisvale Courier Ltd. All rights reserved.',
  'Privacy Policy | Terms of Use | Contact us',
].join('\n');

const PARAGRAPH =
  'Engineers from the water board inspected the spillway on Monday and said the repairs would take six weeks, ' +
  'while the mayor asked residents of the lower valley to stay ready to leave at short notice. ';

function fakeIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

test('a page that is all furniture: reported with its file named, no text, no timeline entry', () => {
  const a = analyze([
    { path: 'pages/menu-only.txt', text: ALL_FURNITURE, publishedAt: '2025-03-03' },
    { path: 'pages/story.txt', text: PARAGRAPH.repeat(2), publishedAt: '2025-03-04' },
  ]);
  const menu = a.articles.find((x) => x.path === 'pages/menu-only.txt')!;
  assert.equal(menu.text, '');
  assert.equal(menu.sentences.length, 0);
  assert.equal(a.errors.length, 1);
  assert.match(a.errors[0].message, /^pages\/menu-only\.txt: nothing left after removing page furniture/);
  assert.match(menu.warnings.join('\n'), /nothing left/);
  const t = buildTimeline(a);
  for (const e of t.entries) {
    assert.ok(e.summary.length > 0 && e.summary.every((s) => s.trim() !== ''), `${e.date}: empty entry`);
    assert.ok(!e.sources.some((s) => s.path === 'pages/menu-only.txt'), 'furniture-only page as a source');
  }
});

test('chronicle analyze names the emptied file on stderr and exits 1 when nothing usable remains', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-clean-'));
  const file = join(dir, 'menu-only.txt');
  writeFileSync(file, 'March 3, 2025\n' + ALL_FURNITURE);
  const f = fakeIO();
  const code = await main(['analyze', file, '--format', 'json'], f.io);
  assert.equal(code, 1);
  assert.ok(f.err().includes(`${file}: nothing left after removing page furniture`), f.err());
  const story = join(dir, 'story.txt');
  writeFileSync(story, 'March 4, 2025\n\n' + PARAGRAPH);
  const g = fakeIO();
  assert.equal(await main(['analyze', file, story, '--format', 'json'], g.io), 0, g.err());
  const json = JSON.parse(g.out()) as { articles: { path: string }[] };
  assert.deepEqual(
    json.articles.map((x) => x.path),
    [story],
  );
  assert.ok(g.err().includes(`${file}: nothing left`), g.err());
});

test('one very long line and text with no line breaks are cleaned without a crash and kept', () => {
  const long = PARAGRAPH.repeat(400).trim();
  const noBreaks = 'Home News Sport Sign in ' + PARAGRAPH.repeat(5) + 'Share on Facebook';
  const a = analyze([
    { text: long, publishedAt: '2025-03-03' },
    { text: noBreaks, publishedAt: '2025-03-03' },
  ]);
  assert.equal(a.articles[0].text, long);
  assert.ok(a.articles[1].text.includes(PARAGRAPH.trim()));
  assert.deepEqual(a.errors, []);
});

test('other languages and scripts: no crash, prose kept', () => {
  const texts = [
    // Our own sentences in German, Russian, Greek and Japanese about the same invented event.
    'Die Ingenieure prüften am Montag den beschädigten Überlauf des Damms und sagten, die Reparatur dauere sechs Wochen.\n\nDie Bewohner des unteren Tals sollen bereit sein, ihre Häuser kurzfristig zu verlassen.',
    'Инженеры в понедельник осмотрели повреждённый водосброс плотины и сказали, что ремонт займёт шесть недель.\n\nЖителей долины попросили быть готовыми покинуть дома.',
    'Οι μηχανικοί επιθεώρησαν τη Δευτέρα τον κατεστραμμένο υπερχειλιστή του φράγματος και είπαν ότι η επισκευή θα διαρκέσει έξι εβδομάδες.',
    '技術者たちは月曜日にダムの損傷した余水路を点検し、修理には六週間かかると述べた。\n\n下流の住民は、すぐに避難できるよう準備するよう求められた。',
  ];
  const a = analyze(texts.map((text) => ({ text, publishedAt: '2025-03-03' })));
  a.articles.forEach((x, i) => {
    assert.equal(x.text, texts[i], `article ${i} lost text`);
    assert.ok(x.sentences.length >= 1);
  });
});

test('lines of only symbols do not crash the stage and never reach the text as sentences', () => {
  const raw = ['***', PARAGRAPH.trim(), '• • •', '|||', '———', PARAGRAPH.trim(), '→ ← ↑', '###'].join('\n');
  const a = newArticle({ id: 's', rawText: raw, publishedAt: '2025-03-03' });
  runPipeline([a]);
  assert.ok(a.text.includes(PARAGRAPH.trim()));
  for (const s of a.sentences) assert.match(s.text, /\p{L}/u, `symbol-only sentence: ${s.text}`);
  // A text of symbols only has nothing to lose: no error, nothing to report.
  const b = analyze([{ text: '***\n---\n• • •', publishedAt: '2025-03-03' }]);
  assert.equal(b.articles.length, 1);
  assert.deepEqual(b.errors, []);
});
