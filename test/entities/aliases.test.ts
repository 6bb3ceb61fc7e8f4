/**
 * The alias rules (src/nlp/entities/aliases.ts) on their own, and through the resolver: spellings that are
 * one name (typos, swapped letters, romanisations, initials, titles) merge within and across articles when
 * the context agrees; different people and well-attested distinct names do not. All names are invented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  firstNamesAgree,
  spellingRelation,
  surnameVariant,
  tokenTypo,
  translitKey,
  variantsMerge,
  type VariantEvidence,
} from '../../src/nlp/entities/aliases.js';
import { resolveEntities } from '../../src/nlp/entities/index.js';
import type { EntityType } from '../../src/model.js';
import { articleWith, entityOf } from './helpers.js';

/** An article whose mentions carry their sentence index (sentences end with ". "). */
function story(id: string, text: string, marks: [string, EntityType][]) {
  const a = articleWith(id, text, marks);
  for (const m of a.mentions) m.sentenceIndex = text.slice(0, m.start).split(/\.\s/).length - 1;
  return a;
}

const split = (s: string) => s.split(' ');

test('transliteration keys unify romanisations, not different names', () => {
  for (const [a, b] of [
    ['Gaddafi', 'Qaddafi'],
    ['Qaddafi', 'Kadhafi'],
    ['Tymoshenko', 'Timoshenko'],
    ['Mohammed', 'Muhammad'],
    ['Romanov', 'Romanoff'],
    ['Zelensky', 'Zelenskyy'],
    ['Yusuf', 'Youssef'],
    ['Shevchenko', 'Schevchenko'],
  ])
    assert.equal(translitKey(a), translitKey(b), `${a} / ${b}`);
  for (const [a, b] of [
    ['Mahmoud', 'Mohammed'],
    ['Petrov', 'Popov'],
    ['Halvorsen', 'Hallstrom'],
  ])
    assert.notEqual(translitKey(a), translitKey(b), `${a} / ${b}`);
});

test('typos: one letter or two swapped letters, never in short words or numbers', () => {
  assert.ok(tokenTypo('solvang', 'slovang'));
  assert.ok(tokenTypo('solvang', 'solvng'));
  assert.ok(tokenTypo('jobs', 'jbos'));
  assert.ok(!tokenTypo('bush', 'rush'));
  assert.ok(!tokenTypo('a380', 'a350'));
  assert.ok(!tokenTypo('solvang', 'solvang'));
});

test('first names: equal, an initial, a romanisation, a long one mistyped; never Ed and Ted', () => {
  assert.ok(firstNamesAgree('amir', 'a', 'Amir', 'A.'));
  assert.ok(firstNamesAgree('youssef', 'yusuf'));
  assert.ok(firstNamesAgree('ingrid', 'ingird'));
  assert.ok(firstNamesAgree('steve', 'setve'));
  assert.ok(!firstNamesAgree('ed', 'ted'));
  assert.ok(!firstNamesAgree('lena', 'lina'));
  assert.ok(!firstNamesAgree('amir', 'b', 'Amir', 'B.'));
});

test('spelling relations of two names', () => {
  assert.equal(spellingRelation(split('Ingrid Solvang'), split('Ingrid Slovang'), true), 'typo');
  assert.equal(spellingRelation(split('Muammar Gaddafi'), split('Moammar Kadhafi'), true), 'translit');
  assert.equal(spellingRelation(split('A. Rahimi'), split('Amir Rahimi'), true), 'initial');
  assert.equal(spellingRelation(split('Ed Brannock'), split('David Brannock'), true), null);
  assert.equal(spellingRelation(split('Ed Miliband'), split('Ted Miliband'), true), null);
  assert.equal(spellingRelation(split('Corvane Shipping'), split('Corvane Shpiping'), false), 'typo');
  assert.equal(spellingRelation(split('Corvane Shipping'), split('Corvane Shiping'), false), 'translit');
  assert.equal(spellingRelation(split('Halvard H380'), split('Halvard H350'), false), null);
  assert.ok(surnameVariant('Solvnag', 'Solvang'));
  assert.ok(!surnameVariant('Bush', 'Rush'));
  assert.ok(surnameVariant('Cooj', 'Cook', true));
});

test('the decision rule: context needed, a typo needs one rare side, attested pairs stay apart', () => {
  const e = (over: Partial<VariantEvidence>): VariantEvidence => ({
    relation: 'typo',
    mentionsA: 12,
    mentionsB: 1,
    sharedContext: 1,
    sameArticle: false,
    sameSentence: false,
    bothAttestedInOneArticle: false,
    ...over,
  });
  assert.ok(variantsMerge(e({})));
  assert.ok(!variantsMerge(e({ sharedContext: 0 })), 'no context');
  assert.ok(variantsMerge(e({ sharedContext: 0, sameArticle: true })), 'same article is context');
  assert.ok(!variantsMerge(e({ mentionsA: 9, mentionsB: 8 })), 'both well attested');
  assert.ok(
    variantsMerge(e({ relation: 'translit', mentionsA: 9, mentionsB: 8 })),
    'romanisations need no rarity',
  );
  assert.ok(!variantsMerge(e({ bothAttestedInOneArticle: true, relation: 'translit' })));
  assert.ok(
    !variantsMerge(e({ mentionsA: 1, mentionsB: 1, sameSentence: true })),
    'contrasted in one sentence',
  );
  assert.ok(variantsMerge(e({ sameSentence: true })), 'a slip next to the well-attested form');
});

test('a surname mistyped once in an article joins the person', () => {
  const a = story(
    'a',
    'Ingrid Solvang opened the inquiry. Solvang said the pier was safe. Later Solvnag left the harbour.',
    [
      ['Ingrid Solvang', 'PERSON'],
      ['Solvang', 'PERSON'],
      ['Solvnag', 'PERSON'],
    ],
  );
  const ents = resolveEntities([a]);
  assert.equal(ents.length, 1);
  assert.equal(ents[0].name, 'Ingrid Solvang');
  assert.ok(ents[0].aliases.includes('Solvnag'));
});

test('a full name mistyped in one article joins the name of the other articles', () => {
  const mk = (id: string, name: string) =>
    story(id, `${name} met the Kelvik council. The Corvane Line agreed.`, [
      [name, 'PERSON'],
      ['Kelvik', 'LOC'],
      ['Corvane Line', 'ORG'],
    ]);
  const arts = [mk('a', 'Petra Lindqvist'), mk('b', 'Petra Lindqvist'), mk('c', 'Petra Lindvqist')];
  resolveEntities(arts);
  assert.equal(entityOf(arts[2], 'Petra Lindvqist'), entityOf(arts[0], 'Petra Lindqvist'));
});

test('a leader romanised two ways by two outlets is one person', () => {
  const a = story('a', 'Oleksandr Tymoshenko spoke in Varn. The Varn assembly listened.', [
    ['Oleksandr Tymoshenko', 'PERSON'],
    ['Varn', 'LOC'],
    ['Varn', 'LOC'],
  ]);
  const b = story('b', 'Aleksandr Timoshenko left Varn.', [
    ['Aleksandr Timoshenko', 'PERSON'],
    ['Varn', 'LOC'],
  ]);
  resolveEntities([a, b]);
  assert.equal(entityOf(a, 'Oleksandr Tymoshenko'), entityOf(b, 'Aleksandr Timoshenko'));
});

test('an initial and a title: "Dr. A. Rahimi" is Amir Rahimi, within and across articles', () => {
  const a = story('a', 'Amir Rahimi runs the lab. Dr. A. Rahimi said tests continue.', [
    ['Amir Rahimi', 'PERSON'],
    ['Dr. A. Rahimi', 'PERSON'],
  ]);
  const b = story('b', 'Amir Rahimi visited Kelvik.', [
    ['Amir Rahimi', 'PERSON'],
    ['Kelvik', 'LOC'],
  ]);
  const c = story('c', 'A. Rahimi toured Kelvik.', [
    ['A. Rahimi', 'PERSON'],
    ['Kelvik', 'LOC'],
  ]);
  resolveEntities([a, b, c]);
  assert.equal(entityOf(a, 'Dr. A. Rahimi'), entityOf(a, 'Amir Rahimi'));
  assert.equal(entityOf(c, 'A. Rahimi'), entityOf(b, 'Amir Rahimi'));
  assert.equal(entityOf(a, 'Amir Rahimi'), entityOf(b, 'Amir Rahimi'));
});

test('two people sharing a surname in one story stay two, also with an initial that fits neither', () => {
  const a = story(
    'a',
    'Tove Brannock met Karl Brannock. T. Brannock spoke first. B. Brannock did not come.',
    [
      ['Tove Brannock', 'PERSON'],
      ['Karl Brannock', 'PERSON'],
      ['T. Brannock', 'PERSON'],
      ['B. Brannock', 'PERSON'],
    ],
  );
  resolveEntities([a]);
  assert.notEqual(entityOf(a, 'Tove Brannock'), entityOf(a, 'Karl Brannock'));
  assert.equal(entityOf(a, 'T. Brannock'), entityOf(a, 'Tove Brannock'));
  assert.notEqual(entityOf(a, 'B. Brannock'), entityOf(a, 'Tove Brannock'));
  assert.notEqual(entityOf(a, 'B. Brannock'), entityOf(a, 'Karl Brannock'));
});

test('two well-attested names one letter apart are two people ("Lena Marsh" / "Lena Mash")', () => {
  const marsh = (id: string) =>
    story(id, 'Lena Marsh chaired the Kelvik board. Lena Marsh voted. The Kelvik board agreed.', [
      ['Lena Marsh', 'PERSON'],
      ['Kelvik', 'ORG'],
      ['Lena Marsh', 'PERSON'],
      ['Kelvik', 'ORG'],
    ]);
  const mash = (id: string) =>
    story(id, 'Lena Mash coached the Orrin team. Lena Mash won. The Kelvik board cheered.', [
      ['Lena Mash', 'PERSON'],
      ['Orrin', 'ORG'],
      ['Lena Mash', 'PERSON'],
      ['Kelvik', 'ORG'],
    ]);
  const arts = [marsh('a'), marsh('b'), mash('c'), mash('d')];
  resolveEntities(arts);
  assert.notEqual(entityOf(arts[0], 'Lena Marsh'), entityOf(arts[2], 'Lena Mash'));
});

test('two similar places named in one sentence are two places', () => {
  const a = story('a', 'Porthaven and Portmaven both closed their piers.', [
    ['Porthaven', 'LOC'],
    ['Portmaven', 'LOC'],
  ]);
  resolveEntities([a]);
  assert.notEqual(entityOf(a, 'Porthaven'), entityOf(a, 'Portmaven'));
});

test('role mentions go to the person introduced with the role', () => {
  const a = story(
    'a',
    'Corvane CEO Petra Lind opened the plant. The Corvane CEO said costs fell. Halden Mayor Ivo Stark agreed.',
    [
      ['Corvane', 'ORG'],
      ['Petra Lind', 'PERSON'],
      ['Corvane CEO', 'PERSON'],
      ['Halden', 'LOC'],
      ['Ivo Stark', 'PERSON'],
    ],
  );
  resolveEntities([a]);
  assert.equal(entityOf(a, 'Corvane CEO'), entityOf(a, 'Petra Lind'));
  assert.notEqual(entityOf(a, 'Ivo Stark'), entityOf(a, 'Petra Lind'));
});

test('names in capitals, lower case, with diacritics or in other scripts: no crash, sensible merges', () => {
  const a = story('a', 'INGRID SOLVANG spoke. ingrid solvang left. Ingríd Sølvang returned. Ли Вэй came.', [
    ['INGRID SOLVANG', 'PERSON'],
    ['ingrid solvang', 'PERSON'],
    ['Ingríd Sølvang', 'PERSON'],
    ['Ли Вэй', 'PERSON'],
  ]);
  const ents = resolveEntities([a]);
  assert.equal(entityOf(a, 'INGRID SOLVANG'), entityOf(a, 'ingrid solvang'));
  assert.ok(entityOf(a, 'Ли Вэй'));
  assert.ok(ents.length >= 2);
});
