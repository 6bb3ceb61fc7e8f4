import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../../src/nlp/entities/index.js';
import { storyArticles } from './story.js';

const arts = storyArticles();
const ents = resolveEntities(arts);
const byAlias = (form: string) => ents.find((e) => e.name === form || e.aliases.includes(form));

test('sample story: title and surname variants merge into the full name', () => {
  const e = byAlias('Ms Solvang');
  assert.ok(e);
  assert.equal(e.name, 'Ingrid Solvang');
  assert.equal(byAlias('Minister Solvang'), e);
  assert.equal(byAlias('Solvang'), e);
  assert.ok(e.articleIds.length >= 6);
});

test('sample story: the misspelt and the transliterated names merge', () => {
  assert.equal(byAlias('Ellingsrod')?.name, 'Marten Ellingsrud');
  const y = byAlias('Youssef Benhalla');
  assert.ok(y);
  assert.equal(byAlias('Yusuf Benhalla'), y);
});

test('sample story: acronym, case variant and expansion are one organisation; short names join long ones', () => {
  const o = byAlias('OSPRA');
  assert.ok(o);
  assert.equal(o.name, 'Oil Spill Prevention and Response Agency');
  assert.equal(byAlias('Ospra'), o);
  assert.equal(byAlias('EU'), byAlias('European Union'));
  assert.equal(byAlias('Corvane'), byAlias('Corvane Shipping'));
});

test('sample story: distinct people stay distinct', () => {
  const people = ents.filter((e) => e.type === 'PERSON').map((e) => e.name);
  for (const n of [
    'Ingrid Solvang',
    'Marten Ellingsrud',
    'Agnes Thorne',
    'Daniel Roper',
    'Lucia Ferrante',
    'Mira Okafor',
    'Piet Olander',
  ])
    assert.equal(people.filter((p) => p === n).length, 1, n);
});
