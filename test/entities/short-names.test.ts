import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../../src/nlp/entities/index.js';
import { articleWith, entityOf } from './helpers.js';

// Short names met beside a longer name in one article (cross.ts rule 9), and lone "persons" that are an
// organisation's name (rule 8). Invented names throughout.

test('a short name that stands for different longer names in different articles joins neither', () => {
  const a = articleWith('a1', 'Tarsk Freight owns the barge. Tarsk said it would pay.', [
    ['Tarsk Freight', 'ORG'],
    ['Tarsk', 'ORG'],
  ]);
  const b = articleWith('b1', 'The Tarsk Valley Gazette reported it. Tarsk was closed to boats.', [
    ['Tarsk Valley Gazette', 'ORG'],
    ['Tarsk', 'ORG'],
  ]);
  resolveEntities([a, b]);
  assert.notEqual(entityOf(a, 'Tarsk Freight'), entityOf(b, 'Tarsk Valley Gazette'));
  assert.notEqual(entityOf(a, 'Tarsk'), entityOf(a, 'Tarsk Freight'));
});

test('a short name that stands for one longer name everywhere joins it', () => {
  const a = articleWith('a1', 'Orvik Motor cut jobs. Orvik said sales fell.', [
    ['Orvik Motor', 'ORG'],
    ['Orvik', 'ORG'],
  ]);
  const b = articleWith('b1', 'Orvik Motor opened a plant. Orvik hired 200 people.', [
    ['Orvik Motor', 'ORG'],
    ['Orvik', 'ORG'],
  ]);
  resolveEntities([a, b]);
  assert.equal(entityOf(a, 'Orvik'), entityOf(a, 'Orvik Motor'));
  assert.equal(entityOf(b, 'Orvik'), entityOf(a, 'Orvik Motor'));
});

test('a word named as a place as often as an organisation is not short for the newspaper it begins', () => {
  const a = articleWith('a1', 'Brenmoor Evening Star\nTrains to Brenmoor stopped. Brenmoor waited.', [
    ['Brenmoor Evening Star', 'ORG'],
    ['Brenmoor', 'LOC'],
    ['Brenmoor', 'ORG'],
  ]);
  const b = articleWith('b1', 'Buses left Brenmoor at dawn.', [['Brenmoor', 'LOC']]);
  resolveEntities([a, b]);
  assert.notEqual(entityOf(a, 'Brenmoor', 1), entityOf(a, 'Brenmoor Evening Star'));
});

test('a lone "person" with no such person anywhere joins the better attested organisation of that name', () => {
  const a = articleWith('a1', 'Kalbane, the rail operator, said trains would stop. Kalbane said more.', [
    ['Kalbane', 'ORG'],
    ['Kalbane', 'ORG'],
  ]);
  const b = articleWith('b1', 'Kalbane said buses would run.', [['Kalbane', 'PERSON']]);
  const ents = resolveEntities([a, b]);
  assert.equal(entityOf(b, 'Kalbane'), entityOf(a, 'Kalbane'));
  assert.equal(ents.find((e) => e.id === entityOf(b, 'Kalbane'))?.type, 'ORG');
});

test('a lone surname still goes to the full person name, not to an organisation of that name', () => {
  const a = articleWith('a1', 'Mira Kalbane founded Kalbane. Kalbane grew fast.', [
    ['Mira Kalbane', 'PERSON'],
    ['Kalbane', 'ORG'],
    ['Kalbane', 'ORG'],
  ]);
  const b = articleWith('b1', 'Kalbane said she would retire.', [['Kalbane', 'PERSON']]);
  resolveEntities([a, b]);
  assert.equal(entityOf(b, 'Kalbane'), entityOf(a, 'Mira Kalbane'));
});
