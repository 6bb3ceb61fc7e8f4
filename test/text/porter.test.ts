import { test } from 'node:test';
import assert from 'node:assert/strict';
import { porterStem } from '../../src/text/porter.js';

test('classic Porter steps', () => {
  assert.equal(porterStem('caresses'), 'caress');
  assert.equal(porterStem('ponies'), 'poni');
  assert.equal(porterStem('hopping'), 'hop');
  assert.equal(porterStem('running'), 'run');
  assert.equal(porterStem('happy'), 'happi');
  assert.equal(porterStem('relational'), 'relat');
  assert.equal(porterStem('restored'), 'restor');
  assert.equal(porterStem('hits'), 'hit');
});

test("ROUGE's variant: -ement, then -ment, then -ent are tried in turn", () => {
  // Standard Porter leaves "agreement" alone (m of "agree" is 1); ROUGE goes on to strip -ent.
  assert.equal(porterStem('agreement'), 'agreem');
});

test('an initial y is a consonant', () => {
  assert.equal(porterStem('yelling'), 'yell');
});
