import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../src/nlp/quotes/index.js';
import { newArticle } from '../../src/model.js';
import { annotateSentences } from '../../src/nlp/sentences.js';

function quotes(text: string) {
  const a = newArticle({ id: 'a', rawText: text });
  annotateSentences(a);
  return extractQuotes(a, []);
}

test('X said that ...', () => {
  const [q] = quotes('Vell said on Tuesday that the tanker had been towed out of the bay.');
  assert.equal(q.kind, 'indirect');
  assert.equal(q.text, 'the tanker had been towed out of the bay');
  assert.equal(q.speakerText, 'Vell');
});

test('X said the ... (no "that")', () => {
  const [q] = quotes('The company said the leak was smaller than first reported.');
  assert.equal(q.text, 'the leak was smaller than first reported');
  assert.equal(q.speakerText, 'The company');
});

test('..., officials said. and ..., said X.', () => {
  const [a] = quotes('Two more beaches will close, officials said.');
  assert.equal(a.text, 'Two more beaches will close');
  assert.equal(a.speakerText, 'officials');
  const [b] = quotes('The slick is moving south, said Mara Quill.');
  assert.equal(b.speakerText, 'Mara Quill');
});

test('according to X, ... and ..., according to X.', () => {
  const [a] = quotes('According to the coastguard, the booms failed twice.');
  assert.equal(a.cue, 'According to');
  assert.equal(a.text, 'the booms failed twice');
  assert.equal(a.speakerText, 'the coastguard');
  const [b] = quotes('The spill covered six kilometres, according to a senior port official.');
  assert.equal(b.speakerText, 'a senior port official');
});

test('sentences without a speech cue give nothing', () => {
  assert.deepEqual(quotes('The tide turned at noon and the boats went out.'), []);
});

test('the cue-word alternation matches exactly the listed words', async () => {
  const { alternation, CLAUSE_CUES } = await import('../../src/nlp/quotes/lexicon.js');
  const words = ['say', 'says', 'said', 'saying', 'a.b', 'according'];
  const re = new RegExp(`^(?:${alternation(words)})$`);
  for (const w of words) assert.ok(re.test(w), w);
  for (const w of ['sa', 'sai', 'sayings', 'axb', 'accord', '']) assert.ok(!re.test(w), w);
  const all = new RegExp(`^(?:${alternation(CLAUSE_CUES)})$`);
  for (const w of CLAUSE_CUES) assert.ok(all.test(w), w);
  assert.ok(!all.test('sayd'));
});

test('the cue-word pre-check passes cue sentences and skips a cue inside a longer word', () => {
  const q = quotes('The harbour master said the quay would reopen next week after repairs.');
  assert.equal(q.length, 1);
  assert.equal(q[0].speaker, 'the harbour master');
  assert.equal(quotes('The harbour reopened after the unsaid agreement between the two towns.').length, 0);
});
