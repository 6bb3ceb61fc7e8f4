import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDocFreq,
  articleFeatures,
  contentWords,
  gapDays,
  nameWords,
  STORY_PARAMS,
  StoryClusterer,
  type StoryParams,
  type DocFreq,
} from '../../src/stories/cluster.js';
import { art } from './helpers.js';

function features(text: string, day: string, entities: string[] = []) {
  const a = art(text, day);
  a.text = text;
  a.mentions = entities.map((e) => ({
    text: e,
    start: 0,
    end: e.length,
    sentenceIndex: 0,
    type: 'PERSON' as const,
  }));
  return articleFeatures(a);
}

function clusterer(all: ReturnType<typeof features>[], params: StoryParams = STORY_PARAMS) {
  const df: DocFreq = { docs: 0, df: new Map() };
  for (const f of all) addDocFreq(df, f);
  let n = 0;
  return new StoryClusterer([], df, () => `s${++n}`, params);
}

const HARBOUR = [
  'A cargo ship lost containers off the harbour mouth during the storm; the harbour master closed the channel.',
  'Divers searched the harbour channel for the lost containers from the cargo ship after the storm.',
  'The harbour channel reopened once tugs towed the drifting containers from the cargo ship ashore.',
];
const ELECTION =
  'Voters in the mountain district elected a new mayor after a recount of ballots at the town hall.';

test('contentWords drops stopwords, short words and numbers', async () => {
  assert.deepEqual(contentWords('The ship and 42 of its crew said they were safe in 2024.'), [
    'ship',
    'crew',
    'safe',
  ]);
});

test('related articles join one story; a different event on the same day starts another', async () => {
  const fs = [
    ...HARBOUR.map((t, i) => features(t, `2024-01-0${i + 1}`, ['Ana Ruiz'])),
    features(ELECTION, '2024-01-02', ['Omar Lind']),
  ];
  const c = clusterer(fs);
  const ids = fs.map((f) => c.add(f).storyId);
  assert.equal(ids[0], ids[1]);
  assert.equal(ids[1], ids[2]);
  assert.notEqual(ids[3], ids[0]);
});

test('time decay: the same vocabulary years after the story went quiet starts a new story', async () => {
  const early = HARBOUR.map((t, i) => features(t, `2024-01-0${i + 1}`));
  const late = features(HARBOUR[1], '2028-03-01');
  const soon = features(HARBOUR[1], '2024-01-05');
  const c = clusterer([...early, late, soon]);
  const first = early.map((f) => c.add(f).storyId)[0];
  const s = c.stories.get(first)!;
  assert.ok(c.similarity(soon, s) > c.similarity(late, s));
  assert.notEqual(c.add(late).storyId, first);
  assert.equal(c.add(soon).storyId, first);
});

test('gapDays is zero inside the span and counts days outside it', async () => {
  assert.equal(gapDays('2024-01-05', '2024-01-01', '2024-01-10'), 0);
  assert.equal(gapDays('2024-01-15', '2024-01-01', '2024-01-10'), 5);
  assert.equal(gapDays('2023-12-30', '2024-01-01', '2024-01-10'), 2);
  assert.equal(gapDays(null, '2024-01-01', '2024-01-10'), 0);
});

test('nameWords keeps words capitalised inside sentences and drops sentence-initial or lower-case ones', async () => {
  const names = nameWords(
    'Divers from Porthaven searched the bay. Storms hit Porthaven again. Storms are common; the storms passed.',
  );
  assert.ok(names.has('porthaven'));
  assert.ok(!names.has('divers'));
  assert.ok(!names.has('storms'));
});

test('name-like words weigh more in the article vector than the same count of common words', async () => {
  const f = features(
    'The ferry left Kelvara at dawn and the ferry crew waved to Kelvara from the deck.',
    '2024-02-01',
  );
  assert.ok(f.terms.get('kelvara')! > f.terms.get('ferry')!);
});

test('mergeSimilar joins fragments of one story first and keeps an unrelated story apart', async () => {
  const fs = [
    ...HARBOUR.map((t, i) => features(t, `2024-01-0${i + 1}`)),
    features(ELECTION, '2024-01-02'),
    features(
      'The mountain district mayor took office after the ballot recount confirmed the election result.',
      '2024-01-04',
    ),
  ];
  // A handful of articles is a thin store (settleArticles): this test is about the merge order, so its
  // fragments are judged whatever the density.
  const c = clusterer(fs, { ...STORY_PARAMS, settleArticles: 0 });
  // Force each article into its own story, as if every one had arrived atypical.
  const ids = fs.map((f) => {
    const s = { id: `x${f.id}`, size: 0, first: null, last: null, terms: new Map(), entities: new Map() };
    c.absorb(s, f);
    return s.id;
  });
  // Small stories are judged as fragments once settled (settleDays): a much later article moves "now" on.
  const late = features('Orchard growers picked a record apple harvest in the valley.', '2024-03-01');
  c.absorb({ id: 'late', size: 0, first: null, last: null, terms: new Map(), entities: new Map() }, late);
  const merges = c.mergeSimilar(ids);
  const into = new Map(merges);
  const final = (s: string): string => (into.has(s) ? final(into.get(s)!) : s);
  assert.equal(final(ids[0]), final(ids[1]));
  assert.equal(final(ids[1]), final(ids[2]));
  assert.equal(final(ids[3]), final(ids[4]));
  assert.notEqual(final(ids[0]), final(ids[3]));
  assert.equal(c.stories.size, 3);
});
