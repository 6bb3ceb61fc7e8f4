/**
 * Issue 17 speakers: what may be a speaker (speakers.ts), role + name after the cue, cues with an audience
 * ("told a briefing"), the subject of the previous sentence, relative pronouns, and bad input (unclosed and
 * mixed quotes, names in capitals or other scripts, a very long paragraph). Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../src/nlp/quotes/index.js';
import { speakerShape, splitRole, trimSpeaker } from '../../src/nlp/quotes/speakers.js';
import { speakerIssue } from '../../src/eval/polnear.js';
import { resolveEntities } from '../../src/nlp/entities/index.js';
import { annotateSentences } from '../../src/nlp/sentences.js';
import { articleWith } from '../entities/helpers.js';
import type { EntityType } from '../../src/model.js';

function run(text: string, marks: [string, EntityType][]) {
  const a = articleWith('a', text, marks);
  annotateSentences(a);
  for (const m of a.mentions)
    m.sentenceIndex = a.sentences.findIndex((s) => s.start <= m.start && m.end <= s.end);
  return extractQuotes(a, resolveEntities([a]));
}

test('speaker shapes: names, pronouns and headed descriptions; never fragments, demonyms or adverbs', () => {
  assert.equal(speakerShape('Ingrid Solvang'), 'name');
  assert.equal(speakerShape('she'), 'pronoun');
  assert.equal(speakerShape('a senior Kelvian official'), 'description');
  assert.equal(speakerShape('a Corvane spokesman'), 'description');
  assert.equal(speakerShape('of an'), null);
  assert.equal(speakerShape('the head of'), null);
  assert.equal(speakerShape('French'), null);
  assert.equal(speakerShape('US'), null);
  assert.equal(speakerShape('U.S.'), null);
  assert.equal(speakerShape('the port will probably'), null);
  assert.equal(speakerShape('softly'), null);
  assert.equal(speakerShape('10'), null);
  assert.equal(trimSpeaker({ start: 0, end: 20, text: 'the campaign has long' }).text, 'the campaign');
  assert.deepEqual(splitRole('Corvane Line spokesman Aron Vell'), {
    role: 'Corvane Line spokesman',
    name: 'Aron Vell',
    nameOffset: 23,
  });
  assert.equal(splitRole('a Corvane Line spokesman'), null);
});

test('the evaluation flags what is not a speaker, with its own rules', () => {
  assert.equal(speakerIssue('of an'), 'fragment');
  assert.equal(speakerIssue('French'), 'nationality');
  assert.equal(speakerIssue('the port will probably'), 'clause');
  assert.equal(speakerIssue('a senior Kelvian official'), null);
  assert.equal(speakerIssue('Of', 'person:x'), null, 'an entity is a speaker');
});

test('"…," said <organisation> <role> <First Last>: the person speaks, the role is kept', () => {
  const [q] = run('“The pier will reopen,” said Corvane Line spokesman Aron Vell on Monday.', [
    ['Corvane Line', 'ORG'],
  ]);
  assert.equal(q.speaker, 'Aron Vell');
  assert.equal(q.speakerRole, 'Corvane Line spokesman');
  const [r] = run('“The pier will reopen,” said harbour master Agnes Thorne.', [['Agnes Thorne', 'PERSON']]);
  assert.equal(r.speaker, 'Agnes Thorne');
});

test('cues with an audience or venue after a closing full stop: told a briefing, informed during a briefing', () => {
  const [q] = run('“We have contained the spill.” Jon Akers told a briefing in Halden on Tuesday.', [
    ['Jon Akers', 'PERSON'],
    ['Halden', 'LOC'],
  ]);
  assert.equal(q.speaker, 'Jon Akers');
  assert.equal(q.cue, 'told');
  const [r] = run('“Booms are in place,” Jon Akers informed reporters during a briefing.', [
    ['Jon Akers', 'PERSON'],
  ]);
  assert.equal(r.speaker, 'Jon Akers');
  // a new sentence after the quote is not its attribution
  const [s] = run('“We are done here.” Jon Akers then recalled a long night at the pier with the crews.', [
    ['Jon Akers', 'PERSON'],
  ]);
  assert.equal(s.speaker, null);
});

test('cues: according to, wrote on, said in a statement, told with an appositive', () => {
  const qs = run(
    'According to the harbour authority, “the water is clean.” “Fishing may resume,” Ingrid Solvang wrote on Twitter. “We regret the leak,” Corvane Line said in a statement. “We will win this vote,” Ivo Marsh, a close adviser to the governor, told the Halden Post.',
    [
      ['Ingrid Solvang', 'PERSON'],
      ['Corvane Line', 'ORG'],
      ['Ivo Marsh', 'PERSON'],
      ['Halden Post', 'ORG'],
    ],
  );
  assert.equal(qs[0].speaker, 'the harbour authority');
  assert.equal(qs[1].speaker, 'Ingrid Solvang');
  assert.equal(qs[1].cue, 'wrote on Twitter');
  assert.equal(qs[2].speaker, 'Corvane Line');
  assert.equal(qs[2].cue, 'said in a statement');
  assert.equal(qs[3].speaker, 'Ivo Marsh');
});

test('a description keeps its head: "the senior Kelvian official said"', () => {
  const [q] = run('The talks stalled, the senior Kelvian official said.', []);
  assert.equal(q.speaker, 'the senior Kelvian official');
});

test('a quote that opens its sentence after one reporting someone speaking: that subject speaks', () => {
  const qs = run('Ingrid Solvang addressed the crowd on the quay. “We will rebuild this pier by spring.”', [
    ['Ingrid Solvang', 'PERSON'],
  ]);
  assert.equal(qs[0].speaker, 'Ingrid Solvang');
  // no speaking in the sentence before: no speaker invented
  const rs = run('Ingrid Solvang walked along the quay. “The pier is older than the town itself.”', [
    ['Ingrid Solvang', 'PERSON'],
  ]);
  assert.equal(rs[0].speaker, null);
});

test('pronoun speakers go to the nearest named speaker across sentences', () => {
  const qs = run(
    'Ingrid Solvang toured the harbour on Monday. The inspection took hours. “It is worse than we feared,” she said.',
    [['Ingrid Solvang', 'PERSON']],
  );
  assert.equal(qs[0].speaker, 'Ingrid Solvang');
});

test('bad input: unclosed, nested and mixed quotes, capitals and other scripts, a long paragraph', () => {
  const unclosed = run('“The pier will reopen, Ingrid Solvang said on Monday, and nobody believed it', [
    ['Ingrid Solvang', 'PERSON'],
  ]);
  for (const q of unclosed) assert.ok(q.speaker === null || q.speaker === 'Ingrid Solvang');
  const mixed = run('"She told me ‘we are fine’ and left,” Jon Akers said. ”Odd marks„ «here» “too', [
    ['Jon Akers', 'PERSON'],
  ]);
  for (const q of mixed) assert.ok(q.speaker === null || q.speaker === 'Jon Akers');
  const caps = run('“WE WILL REBUILD,” INGRID SOLVANG SAID. “Мы восстановим,” сказал Иван Петров.', [
    ['INGRID SOLVANG', 'PERSON'],
  ]);
  for (const q of caps) assert.ok(q.speaker === null || q.speaker === 'Ingrid Solvang');
  const lower = run('“we will rebuild the pier,” ingrid solvang said.', [['ingrid solvang', 'PERSON']]);
  for (const q of lower) assert.ok(q.speaker === null || q.speaker === 'ingrid solvang');
  const words = Array.from({ length: 5000 }, (_, i) => (i % 17 === 0 ? 'Halden' : 'harbour')).join(' ');
  const long = run(`${words} “quote without end ${words}`, []);
  for (const q of long) assert.equal(q.speaker, null);
});

test('a time is never a speaker: a weekday or a lone month name', () => {
  assert.equal(speakerShape('Thursday'), null);
  assert.equal(speakerShape('on Thursday'), null);
  assert.equal(speakerShape('March'), null);
});

test('the subject before a "who" clause speaks, not the time that ends the clause', () => {
  const q = run('Divers who inspected the pier on Thursday found that the casing had split.', []);
  assert.equal(q.length, 1);
  assert.equal(q[0].speakerText, 'Divers');
  assert.equal(q[0].text, 'the casing had split');
});

test('a time phrase between the subject and the cue is skipped ("Hale on Monday said")', () => {
  const q = run('Ilse Hale on Monday said the ferry would stop running.', [['Ilse Hale', 'PERSON']]);
  assert.equal(q.length, 1);
  assert.equal(q[0].speaker, 'Ilse Hale');
});

test('a sentence-final "the <role> <Name> said" wins over an earlier weak cue and keeps the role', () => {
  const q = run(
    'Engineers have found a crack in the fourth pier, and the line will stay shut for six weeks, the rail operator Nordbane said on Friday.',
    [['Nordbane', 'ORG']],
  );
  assert.equal(q.length, 1);
  assert.equal(q[0].speaker, 'Nordbane');
  assert.match(q[0].text, /^Engineers have found a crack/);
});

test('a phrase holding a subject pronoun or a contraction is a clause, not a speaker', () => {
  assert.equal(speakerShape('one thing you’ve'), null);
  assert.equal(speakerShape('I keep the lists'), null);
  assert.equal(speakerShape('that we'), null);
  assert.equal(speakerShape('we'), 'pronoun');
  assert.equal(speakerShape('their lawyer'), 'description');
});

test('"... though she told": the pronoun before the cue speaks, not the words before it', () => {
  const qs = run(
    'Mira Tollan led the port for a decade. The harbour would reopen in May, though she told reporters that the dredging was late.',
    [['Mira Tollan', 'PERSON']],
  );
  const q = qs.find((x) => x.text.includes('dredging'));
  assert.equal(q?.speaker, 'Mira Tollan');
});

test('evidence verbs report a clause only with "that", unless a poll, study or data speaks', () => {
  const none = run('A video shows the rescue of two fishermen near the Kelvik pier at dawn.', []);
  assert.equal(none.length, 0, JSON.stringify(none));
  const withThat = run('The footage shows that the crane collapsed before the workers arrived.', []);
  assert.equal(withThat.length, 1);
  const poll = run('A new poll shows the mayor ahead by six points in the eastern districts.', []);
  assert.equal(poll.length, 1);
  assert.equal(poll[0].speaker, 'a new poll');
});
