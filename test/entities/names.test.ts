import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  coreName,
  editDistance,
  initials,
  isAcronym,
  skeleton,
  stripPossessive,
  vowelKey,
} from '../../src/nlp/entities/names.js';

test('possessives are stripped', () => {
  assert.equal(stripPossessive("Okafor's"), 'Okafor');
  assert.equal(stripPossessive('Okafor’s'), 'Okafor');
  assert.equal(stripPossessive("the Harbours'"), 'the Harbours');
});

test('titles and honorifics are stripped from person names only', () => {
  assert.equal(coreName('Ms Okafor', 'PERSON'), 'Okafor');
  assert.equal(coreName('Dr. Lena Okafor', 'PERSON'), 'Lena Okafor');
  assert.equal(coreName('Harbour Master Okafor', 'PERSON'), 'Harbour Master Okafor');
  assert.equal(coreName('Prime Minister Tomas Vell', 'PERSON'), 'Tomas Vell');
  assert.equal(coreName("Gen. Vell's", 'PERSON'), 'Vell');
  assert.equal(coreName('Dr.', 'PERSON'), 'Dr.');
  assert.equal(coreName('Brindle Shipping Ltd', 'ORG'), 'Brindle Shipping');
  assert.equal(coreName('the Coastal Authority', 'ORG'), 'Coastal Authority');
});

test('acronyms and initials', () => {
  assert.ok(isAcronym('EU'));
  assert.ok(isAcronym('U.S.'));
  assert.ok(!isAcronym('Opec'));
  assert.ok(!isAcronym('A'));
  assert.equal(initials(['Northern', 'Ports', 'Agency']), 'npa');
  assert.equal(initials(['Bank', 'of', 'the', 'Isles']), 'bi');
});

test('transliteration variants share skeleton and vowel key; different names do not', () => {
  for (const [a, b] of [
    ['Gaddafi', 'Qaddafi'],
    ['Gaddafi', 'Kadhafi'],
    ['Mohammed', 'Muhammad'],
    ['Zelensky', 'Zelenskyy'],
    ['Sergei', 'Sergey'],
  ]) {
    assert.equal(skeleton(a), skeleton(b), `${a}/${b} skeleton`);
    assert.equal(vowelKey(a), vowelKey(b), `${a}/${b} vowel key`);
  }
  assert.notEqual(vowelKey('Mohammed'), vowelKey('Mahmoud'));
  assert.notEqual(skeleton('Stoltenberg'), skeleton('Rosenberg'));
});

test('edit distance with early exit', () => {
  assert.equal(editDistance('stoltenberg', 'stoltenburg', 2), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
});

test('deletion hashes: one-character deletions compared without building the variants', async () => {
  const { deletionHash, deletionHashes, sameDeletion } = await import('../../src/nlp/entities/index.js');
  const del = (s: string, i: number) => (i < 0 ? s : s.slice(0, i) + s.slice(i + 1));
  const words = ['gaddafi', 'gadafi', 'qaddafi', 'kadhafi', 'aab', 'ab', 'abb', 'ba', 'a', ''];
  for (const a of words)
    for (const b of words)
      for (let i = -1; i < a.length; i++)
        for (let j = -1; j < b.length; j++) {
          const same = del(a, i) === del(b, j);
          assert.equal(sameDeletion(a, i, b, j), same, `${a}/${i} ${b}/${j}`);
          if (same) assert.equal(deletionHash(a, i), deletionHash(b, j));
        }
  assert.notEqual(deletionHash('gaddafi', -1), deletionHash('gadafi', -1));
  // all variants at once: the same hashes
  const out: number[] = [];
  for (const a of [...words, 'Stoltenberg', 'Ελλάδα', 'x'.repeat(300)]) {
    deletionHashes(a, out);
    assert.deepEqual(
      out,
      Array.from({ length: a.length + 1 }, (_, i) => deletionHash(a, i - 1)),
    );
  }
});
