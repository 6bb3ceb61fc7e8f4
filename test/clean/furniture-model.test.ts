/**
 * The furniture model's parts: features, the boosted-tree trainer, decoding, the model file, and the
 * page-text evaluation helpers (labels, site folds). Pages here are our own invented text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTEXT_FEATURES,
  LINE_FEATURES,
  contextFeatures,
  pageFeatures,
} from '../../src/clean/furniture/features.js';
import { predictMargin, sigmoid, trainBoostedTrees, DEFAULT_BOOST } from '../../src/clean/furniture/gbdt.js';
import {
  decodeFurnitureModel,
  encodeFurnitureModel,
  keepLines,
  shippedFurnitureModel,
} from '../../src/clean/furniture/model.js';
import {
  DEFAULT_TRAIN,
  derivedPages,
  trainFurnitureModel,
  type TrainingPage,
} from '../../src/clean/furniture/train.js';
import { foldsBySite, lineLabels, registrableDomain } from '../../src/eval/clean.js';
import { tokenize } from '../../src/eval/extract.js';
import type { CleanLine } from '../../src/clean/types.js';

const MENU = ['Home', 'News', 'Sport', 'Weather', 'Sign in'];
const BODY = [
  'Engineers found cracks in the lower spillway of the dam on Sunday after three days of heavy rain.',
  'The water board said the dam itself was sound but that the spillway could not be used.',
  '"We are not taking any chances," said the board\'s chief engineer, Tomas Rehn.',
];
const TAIL = [
  'Most read',
  'Bakery wins national bread award',
  'Council approves cycle lane',
  '© 2025 Courier',
];

function page(menu: string[], body: string[], tail: string[]): CleanLine[] {
  return [...menu, '', ...body.flatMap((b) => [b, '']), ...tail].map((text) => ({ text }));
}

function labelled(lines: CleanLine[], body: string[], group: string): TrainingPage {
  const texts = lines.map((l) => l.text);
  return {
    lines,
    content: texts.map((t) => body.includes(t)),
    group,
    tokens: texts.map((t) => tokenize(t).length),
  };
}

test('features: one vector per live line, of the declared length, blank and removed lines skipped', () => {
  const lines = page(MENU, BODY, TAIL);
  lines[1].removedBy = 'section-label';
  const p = pageFeatures(lines);
  assert.equal(p.indices.length, MENU.length - 1 + BODY.length + TAIL.length);
  assert.ok(!p.indices.includes(1));
  for (const f of p.features) {
    assert.equal(f.length, LINE_FEATURES.length);
    assert.ok(f.every(Number.isFinite));
  }
  const ctx = contextFeatures(
    p,
    p.features.map(() => 0.5),
  );
  for (const f of ctx) assert.equal(f.length, LINE_FEATURES.length + CONTEXT_FEATURES.length);
  assert.deepEqual(pageFeatures([]).features, []);
});

test('boosted trees learn a threshold and training is deterministic', () => {
  const X = Array.from({ length: 200 }, (_, i) => [i % 20, (i * 7) % 13]);
  const y = X.map(([a]) => (a >= 10 ? 1 : 0));
  const w = X.map(() => 1);
  const opts = { ...DEFAULT_BOOST, trees: 50, learningRate: 0.3 };
  const m = trainBoostedTrees(X, y, w, opts);
  assert.ok(sigmoid(predictMargin(m, [15, 3])) > 0.9);
  assert.ok(sigmoid(predictMargin(m, [4, 3])) < 0.1);
  assert.deepEqual(trainBoostedTrees(X, y, w, opts), m);
  const groups = X.map((_, i) => i % 10);
  const sub = { ...opts, subsample: 0.5, seed: 3 };
  assert.deepEqual(trainBoostedTrees(X, y, w, sub, groups), trainBoostedTrees(X, y, w, sub, groups));
});

test('decoding keeps the article stretch and drops what lies outside it unless confident', () => {
  const d = { region: 0.5, inside: 0.4, outside: 0.9 };
  // menu, body (one weak line inside), a long furniture block, then a confident and a weak line.
  const p = [0.1, 0.1, 0.9, 0.45, 0.95, 0.1, 0.1, 0.1, 0.1, 0.95, 0.6];
  const words = [1, 1, 30, 8, 30, 10, 10, 10, 10, 25, 20];
  assert.deepEqual(keepLines(p, words, d), [
    false,
    false,
    true,
    true,
    true,
    false,
    false,
    false,
    false,
    true,
    false,
  ]);
  assert.deepEqual(keepLines([], [], d), []);
  assert.deepEqual(keepLines([0.2, 0.3], [5, 5], d), [false, false]);
});

test('derived pages: the body alone, its lead, and the body with head or tail furniture', () => {
  const lines = page(MENU, BODY, TAIL);
  const [bodyOnly, lead, withHead, withTail] = derivedPages(labelled(lines, BODY, 's'));
  const texts = (p: TrainingPage) => p.lines.map((l) => l.text).filter(Boolean);
  assert.deepEqual(texts(bodyOnly), BODY);
  assert.deepEqual(texts(lead), BODY);
  assert.deepEqual(texts(withHead), [...MENU, ...BODY]);
  assert.deepEqual(texts(withTail), [...BODY, ...TAIL]);
  assert.ok(bodyOnly.content.every((c, i) => c || !bodyOnly.lines[i].text));
});

test('a model trained on invented pages removes their furniture and survives its own file format', () => {
  const pages: TrainingPage[] = [];
  const outlets = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
  outlets.forEach((o, i) => {
    const menu = MENU.map((m) => `${m}`).concat(`${o} edition`);
    const body = BODY.map((b) => b.replace('Sunday', ['Monday', 'Tuesday', 'Friday'][i % 3]));
    pages.push(labelled(page(menu, body, TAIL), body, `${o}.example`));
  });
  const opts = { ...DEFAULT_TRAIN, folds: 3, boost: { ...DEFAULT_TRAIN.boost, trees: 20 } };
  const model = trainFurnitureModel(pages, opts);
  const bytes = encodeFurnitureModel(model);
  assert.deepEqual(encodeFurnitureModel(trainFurnitureModel(pages, opts)), bytes, 'not deterministic');
  const loaded = decodeFurnitureModel(bytes, 'mem');
  assert.deepEqual(loaded, JSON.parse(JSON.stringify(model)));
});

test('model files: a wrong format, wrong features or malformed trees are refused with the path named', () => {
  const m = shippedFurnitureModel();
  const enc = (x: unknown) => Buffer.from(JSON.stringify(x));
  assert.throws(
    () => decodeFurnitureModel(Buffer.from('not json'), 'x.json'),
    /x\.json: not a furniture model/,
  );
  assert.throws(() => decodeFurnitureModel(enc({ ...m, format: 'other' }), 'x.json'), /x\.json: not a/);
  assert.throws(
    () => decodeFurnitureModel(enc({ ...m, features: m.features.slice(1) }), 'x.json'),
    /other features/,
  );
  assert.throws(
    () => decodeFurnitureModel(enc({ ...m, pass1: { ...m.pass1, leaves: [[0]] } }), 'x.json'),
    /malformed first-pass/,
  );
  assert.throws(() => decodeFurnitureModel(enc({ ...m, decode: { region: 2 } }), 'x.json'), /decoding/);
});

test('page-text labels: a line is content when most of its tokens are covered by body 4-grams', () => {
  const body = 'Crews worked all night on the dam. US FALLS The board met on Monday and agreed a plan.';
  const lines = [
    'Home',
    'Crews worked all night on the dam.',
    'US FALLS',
    'The board met on Monday and agreed a plan.',
    'Video',
    'The board',
    '***',
  ];
  const { content } = lineLabels(lines, body);
  assert.deepEqual(content, [false, true, true, true, false, false, false]);
});

test('sites: registrable domains and folds that keep a site together', () => {
  assert.equal(registrableDomain('https://www.news.example.co.uk/a/b'), 'example.co.uk');
  assert.equal(registrableDomain('https://blog.example.com/x'), 'example.com');
  assert.equal(registrableDomain('https://example.com.br/x'), 'example.com.br');
  assert.equal(registrableDomain(null), '');
  const pages = ['a', 'a', 'b', 'c', 'c', 'c', 'd', 'e'].map((site) => ({ site }));
  const folds = foldsBySite(pages, 3, 1);
  assert.deepEqual(folds, foldsBySite(pages, 3, 1));
  for (const s of ['a', 'c'])
    assert.equal(new Set(pages.map((p, i) => (p.site === s ? folds[i] : -1)).filter((f) => f >= 0)).size, 1);
  assert.equal(new Set(folds).size, 3);
});

test('the learned step is skipped for text extracted from HTML and for one-sentence-per-line corpora', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { cleanArticle } = await import('../../src/clean/index.js');
  const { newArticle } = await import('../../src/model.js');
  const { htmlToArticle } = await import('../../src/web/article.js');
  const raw = readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'clean', 'courier-2025-03-03.txt'),
    'utf8',
  );
  const plain = newArticle({ id: 'p', rawText: raw });
  cleanArticle(plain);
  assert.ok(plain.removed.some((r) => r.rule === 'furniture-model'));
  for (const hint of [{ extractedFromHtml: true }, { linesAreSentences: true }]) {
    const a = newArticle({ id: 'h', rawText: raw, ...hint });
    cleanArticle(a);
    assert.ok(!a.removed.some((r) => r.rule === 'furniture-model'), JSON.stringify(hint));
  }
  const html = `<html><head><title>Dam</title></head><body><article><h1>Dam</h1>${BODY.map((b) => `<p>${b}</p>`).join('')}</article></body></html>`;
  assert.equal(htmlToArticle(html, { path: 'page.html' }).extractedFromHtml, true);
});
