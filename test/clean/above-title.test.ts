import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleRule } from '../../src/clean/rules/title.js';
import { aboveTitleRule } from '../../src/clean/rules/above-title.js';
import { clean } from './helpers.js';

const PAGE = [
  'Tarnby Courier',
  'Sign in',
  'Region',
  '',
  'Ferry service resumes after storm damage is repaired',
  '',
  'The ferry between Tarnby and Osk resumed on Thursday morning after engineers repaired the ramp that a storm damaged last week, the operator said.',
  '',
  'About 1,200 passengers a day use the crossing, which had been closed for nine days.',
].join('\n');

test('above-title: masthead, menu and section lines above the headline found in the text go', () => {
  const a = clean(PAGE, [titleRule, aboveTitleRule]);
  assert.equal(a.title, 'Ferry service resumes after storm damage is repaired');
  assert.deepEqual(
    a.removed.map((r) => [r.rule, r.text]),
    [
      ['above-title', 'Tarnby Courier'],
      ['above-title', 'Sign in'],
      ['above-title', 'Region'],
    ],
  );
  assert.ok(a.text.startsWith('Ferry service resumes'));
});

test('above-title: a sentence above the headline stays, and a title given by the input removes nothing', () => {
  const withSentence = PAGE.replace('Region', 'Storms closed three crossings.');
  const a = clean(withSentence, [titleRule, aboveTitleRule]);
  assert.ok(a.text.includes('Storms closed three crossings.'));
  const given = clean(PAGE, [titleRule, aboveTitleRule], { title: 'Ferry back' });
  assert.equal(given.removed.length, 0);
  assert.ok(given.text.startsWith('Tarnby Courier'));
});

test('above-title: one-sentence-per-line corpora are left alone', () => {
  const a = clean(PAGE, [titleRule, aboveTitleRule], { linesAreSentences: true });
  assert.equal(a.removed.length, 0);
});
