import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleRule } from '../../src/clean/rules/title.js';
import { findTitle, titleCandidates, TITLE_FEATURES } from '../../src/clean/title.js';
import { trainTitleModel } from '../../src/clean/title-train.js';
import { clean } from './helpers.js';

const PROSE = [
  'The harbour board said on Monday that the new quay in Kelvik would open to ships in the spring, two years late.',
  'Crews finished the foundations of the Kelvik quay in March after a winter of storms, the board said in a statement.',
  'Fishermen have waited for the new quay since the old one was damaged in a storm, and welcomed the news.',
].join('\n\n');

test('title: the first headline-like line, kept in the text', () => {
  const a = clean('Port reopens after spill\n\nThe port reopened on Monday.', [titleRule]);
  assert.equal(a.title, 'Port reopens after spill');
  assert.ok(a.text.startsWith('Port reopens'));
});

test('title: a lone sentence is not a title; a given title is kept', () => {
  assert.equal(clean('The port reopened on Monday, officials said.', [titleRule]).title, null);
  assert.equal(clean('Other line here', [titleRule], { title: 'Given' }).title, 'Given');
});

test('title: past menus and sign-in prompts, the headline above the byline and the body', () => {
  const raw = [
    'Skip to main content',
    'Sign in',
    'Subscribe',
    'News',
    'Sport',
    'Weather',
    'Local',
    'New Kelvik quay to open in the spring',
    'By Ida Faring',
    'May 2, 2024',
    '',
    PROSE,
    '',
    'Most read',
    'Bakery wins national award',
    'Storm warning for the north coast',
  ].join('\n');
  assert.equal(clean(raw, [titleRule]).title, 'New Kelvik quay to open in the spring');
});

test('title model: features per candidate; the trainer learns to pick the marked line', () => {
  const lines = ['Menu', 'Kelvik quay opens in spring', 'By Ida Faring', PROSE];
  const cands = titleCandidates(lines);
  assert.ok(cands.every((c) => c.features.length === TITLE_FEATURES.length));
  assert.ok(!cands.some((c) => c.text === 'Menu')); // one word: never a headline
  const pages = [0, 1, 2].map(() => ({
    candidates: cands,
    positives: [cands.findIndex((c) => c.text.startsWith('Kelvik'))],
  }));
  const model = trainTitleModel(pages, { l2: 0.01, steps: 200, rate: 0.5 });
  assert.equal(findTitle(lines, undefined, model)?.text, 'Kelvik quay opens in spring');
});
