/**
 * The MEANTIME evaluation's own parts on hand-made input: how a gold phrase is represented by its name
 * (src/eval/meantime.ts nameRun) and the seeded name-noise protocol (src/eval/meantime-noise.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusOf, nameRun, type GoldMention, type MeantimeDoc } from '../../src/eval/meantime.js';
import { addNameNoise, variantsOf } from '../../src/eval/meantime-noise.js';
import { seededRandom } from '../../src/util/random.js';

const name = (phrase: string, rule: 'head' | 'last-caps' = 'head') => {
  const toks = phrase.split(' ');
  const r = nameRun(toks, rule);
  return r ? toks.slice(r[0], r[1] + 1).join(' ') : null;
};

test('the name of a gold phrase is the name at its head', () => {
  assert.equal(name('the largest ferry operator Corvane Line'), 'Corvane Line');
  assert.equal(name("Corvane 's zPad"), 'zPad');
  assert.equal(name('the Halvard 797 jets'), 'Halvard 797');
  assert.equal(name("Halvard 's newest aircraft"), null);
  assert.equal(name('the ferry they will launch in November'), null);
  assert.equal(name('Bank of Kelvia'), 'Bank of Kelvia');
  assert.equal(name('the head of Corvane'), null);
  assert.equal(name('a US$ 40 billion contract'), 'US$');
  // the earlier rule, kept to reproduce earlier figures
  assert.equal(name("Corvane 's zPad", 'last-caps'), 'Corvane');
  assert.equal(name('the ferry they will launch in November', 'last-caps'), 'November');
});

test('the corpus of a file is its topic folder', () => {
  assert.equal(corpusOf('/x/intra_cross-doc_annotation/corpus_ferries/12_a.xml'), 'ferries');
  assert.equal(corpusOf('/x/other/12_a.xml'), '');
});

test('each kind of noise gives a realistic variant, or nothing when it does not apply', () => {
  const rnd = seededRandom(7);
  assert.equal(variantsOf('Mr. Tomas Vell', 'title', rnd), 'Tomas Vell');
  assert.equal(variantsOf('Tomas Vell', 'title', rnd), null);
  assert.equal(variantsOf('Tomas Vellander', 'initial', rnd), 'T. Vellander');
  const typo = variantsOf('Vellander', 'typo', rnd)!;
  assert.notEqual(typo, 'Vellander');
  assert.equal(typo[0], 'V');
  assert.ok(Math.abs(typo.length - 9) <= 1);
  const swap = variantsOf('Vellander', 'transposition', rnd)!;
  assert.equal([...swap].sort().join(''), [...'Vellander'].sort().join(''));
  assert.notEqual(swap, 'Vellander');
  assert.ok(variantsOf('Qaramov', 'transliteration', rnd));
  assert.equal(variantsOf('EU', 'typo', rnd), null, 'acronyms are left alone');
});

/** A document with the given names (one mention each, PERSON) separated by filler words. */
function doc(id: string, names: string[]): MeantimeDoc {
  let text = '';
  const mentions: GoldMention[] = [];
  names.forEach((n, i) => {
    text += `Then ${n} spoke. `;
    const start = text.indexOf(n, text.length - n.length - 9);
    mentions.push({
      id: `${id}#${i}`,
      docId: id,
      start,
      end: start + n.length,
      text: n,
      syntacticType: 'NAM',
      cluster: n,
      goldType: 'PER',
      type: 'PERSON',
      name: { start, end: start + n.length, text: n },
    });
  });
  return { id, path: `${id}.xml`, corpus: 'test', text, mentions };
}

test('the noise rewrites the asked share, moves every offset with the text, and is seeded', () => {
  const docs = [
    doc('a', ['Tomas Vellander', 'Ingrid Solvang', 'Petra Lindqvist', 'Tomas Vellander']),
    doc('b', ['Ingrid Solvang', 'Marten Ellingsrud', 'Petra Lindqvist', 'Agnes Thorne']),
  ];
  const n1 = addNameNoise(docs, { share: 0.5, seed: 3 });
  const n2 = addNameNoise(docs, { share: 0.5, seed: 3 });
  assert.deepEqual(n1.docs, n2.docs);
  const changed = Object.values(n1.changed).reduce((x, y) => x + y, 0);
  assert.equal(changed, 4);
  assert.equal(n1.named, 8);
  let differ = 0;
  n1.docs.forEach((d, i) =>
    d.mentions.forEach((m, j) => {
      assert.equal(d.text.slice(m.start, m.end), m.text);
      assert.equal(d.text.slice(m.name!.start, m.name!.end), m.name!.text);
      if (m.name!.text !== docs[i].mentions[j].name!.text) differ++;
    }),
  );
  assert.equal(differ, 4);
  assert.deepEqual(addNameNoise(docs, { share: 0, seed: 3 }).docs, docs);
});
