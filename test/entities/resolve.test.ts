import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../../src/nlp/entities/index.js';
import { articleWith, entityOf } from './helpers.js';

test('surname, title and possessive mentions merge with the full name; canonical is the full name', () => {
  const a = articleWith(
    'a1',
    "Lena Okafor spoke. Ms Okafor said more. Okafor's team agreed. Harbourmaster Okafor left.",
    [
      ['Lena Okafor', 'PERSON'],
      ['Ms Okafor', 'PERSON'],
      ["Okafor's", 'PERSON'],
      ['Okafor', 'PERSON'],
    ],
  );
  a.mentions[3].text = 'Okafor';
  const ents = resolveEntities([a]);
  assert.equal(ents.length, 1);
  assert.equal(ents[0].name, 'Lena Okafor');
  assert.equal(ents[0].type, 'PERSON');
  assert.equal(ents[0].mentions, 4);
  assert.ok(ents[0].aliases.includes('Ms Okafor'));
  assert.ok(a.mentions.every((m) => m.entityId === ents[0].id));
});

test('a surname-only article joins the full name from another article', () => {
  const a = articleWith('a1', 'Chancellor Tomas Vell arrived.', [['Chancellor Tomas Vell', 'PERSON']]);
  const b = articleWith('b1', 'Vell declined to comment.', [['Vell', 'PERSON']]);
  const ents = resolveEntities([a, b]);
  assert.equal(ents.length, 1);
  assert.equal(ents[0].name, 'Tomas Vell');
  assert.deepEqual(ents[0].articleIds, ['a1', 'b1']);
});

test('two people sharing a surname stay apart; a surname-only mention goes to the most recent one', () => {
  const a = articleWith(
    'a1',
    'Ed Brannock met David Brannock. Later Brannock said no. Ed Brannock then left, and Brannock smiled.',
    [
      ['Ed Brannock', 'PERSON'],
      ['David Brannock', 'PERSON'],
      ['Brannock', 'PERSON'],
      ['Ed Brannock', 'PERSON'],
      ['Brannock', 'PERSON'],
    ],
  );
  const ents = resolveEntities([a]);
  assert.equal(ents.filter((e) => e.type === 'PERSON').length, 2);
  assert.equal(entityOf(a, 'Brannock', 0), entityOf(a, 'David Brannock'));
  assert.equal(entityOf(a, 'Brannock', 1), entityOf(a, 'Ed Brannock'));
});

test('case variants, acronyms introduced after the name, and acronyms alone elsewhere merge', () => {
  const a = articleWith('a1', 'The Northern Ports Agency (NPA) and OPEC met. The NPA said so.', [
    ['Northern Ports Agency', 'ORG'],
    ['NPA', 'ORG'],
    ['OPEC', 'ORG'],
    ['NPA', 'ORG'],
  ]);
  const b = articleWith('b1', 'Opec and the NPA disagreed.', [
    ['Opec', 'ORG'],
    ['NPA', 'ORG'],
  ]);
  const ents = resolveEntities([a, b]);
  const npa = ents.find((e) => e.name === 'Northern Ports Agency');
  assert.ok(npa);
  assert.equal(npa.mentions, 4);
  assert.ok(npa.aliases.includes('NPA'));
  assert.equal(entityOf(a, 'OPEC'), entityOf(b, 'Opec'));
  assert.equal(ents.length, 2);
});

test('transliteration variants merge when the stories share context', () => {
  const a = articleWith('a1', 'Muammar Gaddafi spoke in Tripoli.', [
    ['Muammar Gaddafi', 'PERSON'],
    ['Tripoli', 'LOC'],
  ]);
  const b = articleWith('b1', 'Muammar Qaddafi left Tripoli.', [
    ['Muammar Qaddafi', 'PERSON'],
    ['Tripoli', 'LOC'],
  ]);
  const c = articleWith('c1', 'Kadhafi was seen in Tripoli.', [
    ['Kadhafi', 'PERSON'],
    ['Tripoli', 'LOC'],
  ]);
  resolveEntities([a, b, c]);
  assert.equal(entityOf(a, 'Muammar Gaddafi'), entityOf(b, 'Muammar Qaddafi'));
  assert.equal(entityOf(c, 'Kadhafi'), entityOf(a, 'Muammar Gaddafi'));
});

test('a one-letter misspelling of a rare name merges only when context agrees', () => {
  const mk = (id: string, name: string, place: string) =>
    articleWith(id, `${name} visited ${place} with the Brindle Line.`, [
      [name, 'PERSON'],
      [place, 'LOC'],
      ['Brindle Line', 'ORG'],
    ]);
  const arts = [
    mk('a', 'Jens Stoltenberg', 'Oslo'),
    mk('b', 'Jens Stoltenberg', 'Oslo'),
    mk('c', 'Jens Stoltenburg', 'Oslo'),
  ];
  resolveEntities(arts);
  assert.equal(entityOf(arts[2], 'Jens Stoltenburg'), entityOf(arts[0], 'Jens Stoltenberg'));
  // No shared context: kept apart.
  const x = articleWith('x', 'Marta Kellner spoke in Lyon.', [
    ['Marta Kellner', 'PERSON'],
    ['Lyon', 'LOC'],
  ]);
  const y = articleWith('y', 'Marta Kellner spoke in Lyon.', [
    ['Marta Kellner', 'PERSON'],
    ['Lyon', 'LOC'],
  ]);
  const z = articleWith('z', 'Marta Keller sang in Porto.', [
    ['Marta Keller', 'PERSON'],
    ['Porto', 'LOC'],
  ]);
  resolveEntities([x, y, z]);
  assert.notEqual(entityOf(z, 'Marta Keller'), entityOf(x, 'Marta Kellner'));
});

test('different places and organisations with distinct names are not merged', () => {
  const a = articleWith(
    'a',
    'Porthaven and Portmaven both closed; the Coastal Authority and the Coastal Guild argued.',
    [
      ['Porthaven', 'LOC'],
      ['Portmaven', 'LOC'],
      ['Coastal Authority', 'ORG'],
      ['Coastal Guild', 'ORG'],
    ],
  );
  const ents = resolveEntities([a]);
  assert.equal(ents.length, 4);
});

test('country variants and country-prefixed names; one-word names join the longer name they begin', () => {
  const a = articleWith(
    'a',
    'The U.S. and the United States Coast Guard, then America and the Coast Guard. Brindle and Brindle Line.',
    [
      ['U.S.', 'LOC'],
      ['United States Coast Guard', 'ORG'],
      ['America', 'LOC'],
      ['Coast Guard', 'ORG'],
      ['Brindle', 'ORG'],
      ['Brindle Line', 'ORG'],
    ],
  );
  resolveEntities([a]);
  assert.equal(entityOf(a, 'U.S.'), entityOf(a, 'America'));
  assert.equal(entityOf(a, 'United States Coast Guard'), entityOf(a, 'Coast Guard'));
  assert.equal(entityOf(a, 'Brindle'), entityOf(a, 'Brindle Line'));
});

test('a name tagged with a minority type joins its majority type; products stay apart from makers', () => {
  const arts = [1, 2, 3, 4, 5].map((i) =>
    articleWith(`k${i}`, 'Kelvik harbour.', [['Kelvik', i === 5 ? 'ORG' : 'LOC']]),
  );
  const ents = resolveEntities(arts);
  assert.equal(ents.filter((e) => e.name === 'Kelvik').length, 1);
  const p = articleWith('p', 'Skyra built the Skyra jet. Skyra said.', [
    ['Skyra', 'ORG'],
    ['Skyra', 'MISC'],
    ['Skyra', 'ORG'],
  ]);
  resolveEntities([p]);
  assert.notEqual(p.mentions[0].entityId, p.mentions[1].entityId);
});

test('an organisation mention ending in a known full name is that person (NER boundary slip)', () => {
  const a = articleWith('a', 'Ingrid Solvang spoke. Later Ministry of Ports Ingrid Solvang left.', [
    ['Ingrid Solvang', 'PERSON'],
    ['Ministry of Ports Ingrid Solvang', 'ORG'],
  ]);
  resolveEntities([a]);
  assert.equal(a.mentions[0].entityId, a.mentions[1].entityId);
});
