import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newArticle, type Article } from '../../src/model.js';
import { annotateSentences } from '../../src/nlp/sentences.js';
import { DEDUP_PARAMS, markNearDuplicates, normalizeWords, shingleHashes } from '../../src/dedup/index.js';
import { MinHasher, jaccardSorted } from '../../src/dedup/minhash.js';

function art(id: string, text: string, publishedAt: string | null = '2024-01-01'): Article {
  const a = newArticle({ id, rawText: text, publishedAt });
  annotateSentences(a);
  return a;
}

const STORY = [
  'The ferry Nordlys ran aground off the island of Varrö early on Saturday morning.',
  'All 212 passengers were taken ashore by lifeboats from three nearby villages.',
  'The coastguard said a navigation error was the most likely cause of the accident.',
  'Divers will inspect the damaged hull on Monday before any attempt to refloat it.',
];

test('exact repeats after normalisation share a group; different sentences do not', () => {
  const a = art('a', 'Boats stayed in port. The port closed.');
  const b = art('b', 'BOATS stayed in port!  Divers arrived.');
  markNearDuplicates([a, b]);
  assert.equal(a.sentences[0].dupGroup, b.sentences[0].dupGroup);
  assert.notEqual(a.sentences[1].dupGroup, b.sentences[1].dupGroup);
  assert.notEqual(a.sentences[0].dupGroup, a.sentences[1].dupGroup);
  assert.equal(a.sentences[0].dupGroup, 0);
});

test('near copies (one word changed) share a group; short sentences only match exactly', () => {
  const a = art('a', STORY[0] + ' Yes it is.');
  const b = art('b', STORY[0].replace('early on', 'late on') + ' Yes it was.');
  markNearDuplicates([a, b]);
  assert.equal(a.sentences[0].dupGroup, b.sentences[0].dupGroup);
  assert.notEqual(a.sentences[1].dupGroup, b.sentences[1].dupGroup);
});

test('sentences on the same subject but different facts stay apart', () => {
  const a = art('a', 'The ferry Nordlys ran aground off the island of Varrö on Saturday.');
  const b = art(
    'b',
    'The ferry Nordlys was refloated off the island of Varrö on Tuesday after divers patched it.',
  );
  markNearDuplicates([a, b]);
  assert.notEqual(a.sentences[0].dupGroup, b.sentences[0].dupGroup);
});

test('a lightly edited syndicated copy points to the earliest copy', () => {
  const original = art('orig', STORY.join(' '), '2024-01-06');
  const edited = STORY.slice();
  edited[1] = edited[1].replace('three nearby', 'two nearby');
  edited[3] = edited[3] + ' Officials said.';
  const copy = art('copy', 'Ferry aground off Varrö\n\n' + edited.join(' '), '2024-01-06');
  const later = art('later', STORY.slice(0, 3).join(' ') + ' Another fact.', '2024-01-07');
  const other = art(
    'other',
    'A different story entirely about markets. Prices rose by three per cent on Friday. Traders were pleased.',
    '2024-01-05',
  );
  // Input order puts the copy first: the earliest publication day (then input order) wins.
  const early = art('early', STORY.join(' '), '2024-01-05');
  markNearDuplicates([copy, original, later, other, early]);
  assert.equal(early.duplicateOf ?? null, null);
  assert.equal(original.duplicateOf, 'early');
  assert.equal(copy.duplicateOf, 'early');
  assert.equal(later.duplicateOf, 'early');
  assert.equal(other.duplicateOf ?? null, null);
});

test('articles that share one sentence are not copies', () => {
  const a = art('a', STORY[0] + ' Markets were calm. Prices were flat on the day. Nobody traded much.');
  const b = art('b', STORY[0] + ' The weather was fine. Skies were clear in the north. Wind was light.');
  markNearDuplicates([a, b]);
  assert.equal(b.duplicateOf ?? null, null);
});

test('normalisation and shingles', () => {
  assert.deepEqual(normalizeWords("The port's -LRB- new -RRB- quay, ``opened''."), [
    'the',
    'port',
    's',
    'new',
    'quay',
    'opened',
  ]);
  const s = shingleHashes(['a', 'b', 'a', 'b']);
  assert.equal(s.length, 2); // "a b" twice, "b a" once
  assert.ok(jaccardSorted(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)) === 0.5);
});

test('MinHash agreement approximates Jaccard and is deterministic', () => {
  const h = new MinHasher(256);
  const a = Uint32Array.from({ length: 100 }, (_, i) => i);
  const b = Uint32Array.from({ length: 100 }, (_, i) => i + 50); // J = 50/150
  const sa = h.signature(a);
  const sb = h.signature(b);
  let same = 0;
  for (let i = 0; i < 256; i++) if (sa[i] === sb[i]) same++;
  assert.ok(Math.abs(same / 256 - 1 / 3) < 0.1, `estimate ${same / 256}`);
  assert.deepEqual(new MinHasher(256).signature(a), sa);
});

test('KeyScan reads the words normalizeKey keeps, without building the key', async () => {
  const { KeyScan, normalizeKey, normalizeWords, shingleHashes } = await import('../../src/dedup/index.js');
  const samples = [
    'The port -LRB- new -RRB- opened, on Monday.',
    'The PORT (new) opened on monday!!',
    '  Rödby harbour: 3,000 tonnes — unloaded.  ',
    'İstanbul ferries resumed after the strike',
    '',
    '...',
    'one',
  ];
  const scan = new KeyScan();
  const hashes = new Map<string, number>();
  for (const text of samples) {
    scan.scan(text);
    const words = normalizeWords(text);
    assert.equal(scan.count, words.length, text);
    if (words.length) assert.deepEqual([...scan.shingles()], [...shingleHashes(words)], text);
    const key = normalizeKey(text);
    const prev = hashes.get(key);
    if (prev !== undefined) assert.equal(scan.keyHash, prev, text);
    hashes.set(key, scan.keyHash);
  }
  // equal keys got equal hashes above; distinct keys here get distinct hashes (the first two samples share a
  // key once the bracket tokens go, and so do '' and '...')
  assert.equal(new Set(hashes.values()).size, new Set(samples.map(normalizeKey)).size);
  assert.equal(hashes.size, 5);
  scan.scan('The port opened on Monday');
  const a = scan.keyHash;
  scan.scan('the PORT, opened on monday.');
  assert.equal(scan.keyHash, a);
  scan.scan('the port opened on tuesday');
  assert.notEqual(scan.keyHash, a);
});

test('exact repeats in another case and punctuation share a group', () => {
  // Same normalised text in different dress: one group; a different text: another.
  const a = art(
    'a',
    'Harbour works resume on Monday after the long strike.\n\nSomething else entirely happened here.',
  );
  const b = art(
    'b',
    'HARBOUR WORKS RESUME ON MONDAY, AFTER THE LONG STRIKE!\n\nA different closing sentence follows.',
  );
  markNearDuplicates([a, b]);
  assert.equal(a.sentences[0].dupGroup, b.sentences[0].dupGroup);
  assert.notEqual(a.sentences[1].dupGroup, b.sentences[1].dupGroup);
});

test('MinHasher.signatureInto writes the unsigned min-hash values', () => {
  const h = new MinHasher(8, 7);
  const shingles = Uint32Array.of(1, 0xffffffff, 0x80000000, 12345, 0x7fffffff);
  const out = new Uint32Array(20);
  h.signatureInto(shingles, out, 4);
  const sig = h.signature(shingles);
  assert.deepEqual([...out.subarray(4, 12)], [...sig]);
  // reference: the plain unsigned formula
  const { a, b } = h as unknown as { a: Uint32Array; b: Uint32Array };
  for (let i = 0; i < 8; i++) {
    let min = 0xffffffff;
    for (const s of shingles) {
      let x = s >>> 0;
      x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
      const v = (Math.imul(a[i], x) + b[i]) >>> 0;
      if (v < min) min = v;
    }
    assert.equal(sig[i], min);
  }
});

test('the thresholds are passed in: a stricter sentence Jaccard keeps a one-word edit apart', () => {
  const a = art('a', STORY[0]);
  const b = art('b', STORY[0].replace('early on', 'late on'));
  markNearDuplicates([a, b], { ...DEDUP_PARAMS, sentenceJaccard: 0.95 });
  assert.notEqual(a.sentences[0].dupGroup, b.sentences[0].dupGroup);
  markNearDuplicates([a, b]);
  assert.equal(a.sentences[0].dupGroup, b.sentences[0].dupGroup);
  assert.ok(Object.isFrozen(DEDUP_PARAMS));
});
