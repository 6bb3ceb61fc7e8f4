import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../src/nlp/quotes/index.js';
import { newArticle } from '../../src/model.js';

const quotes = (text: string) => extractQuotes(newArticle({ id: 'a', rawText: text }), []);

test('"...," X said', () => {
  const [q] = quotes('“The oil reached the north beach overnight,” Lena Okafor said.');
  assert.equal(q.kind, 'direct');
  assert.equal(q.text, 'The oil reached the north beach overnight');
  assert.equal(q.speakerText, 'Lena Okafor');
  assert.equal(q.cue, 'said');
});

test('"...," said X, with an appositive', () => {
  const [q] = quotes('"We have four boats out," said Tomas Vell, the port director.');
  assert.equal(q.speakerText, 'Tomas Vell');
  assert.equal(q.cue, 'said');
});

test('X said: "..." and X told <outlet>, "..."', () => {
  const [a] = quotes('Okafor said: "Nobody should swim here this week."');
  assert.equal(a.speakerText, 'Okafor');
  assert.equal(a.text, 'Nobody should swim here this week.');
  const [b] = quotes('Vell told the Harbour Gazette, "The cleanup will take a month."');
  assert.equal(b.speakerText, 'Vell');
  assert.equal(b.cue, 'told');
});

test('offsets point at the content inside the marks', () => {
  const text = 'Okafor said: “Keep away from the slipway.”';
  const [q] = quotes(text);
  assert.equal(text.slice(q.start, q.end), 'Keep away from the slipway.');
});

test('a quote split by its attribution is one quote', () => {
  const qs = quotes('“The booms held,” Okafor said, “but the wind turned at dawn.”');
  assert.equal(qs.length, 1);
  assert.equal(qs[0].text, 'The booms held, but the wind turned at dawn.');
  assert.equal(qs[0].speakerText, 'Okafor');
});

test('multi-sentence quotes and continuation paragraphs are one quote by one speaker', () => {
  const text = '“We were lucky. The tanker was nearly empty,” Vell said.\n\n“Next time we may not be.”';
  const qs = quotes(text);
  assert.equal(qs.length, 1);
  assert.equal(qs[0].text, 'We were lucky. The tanker was nearly empty. Next time we may not be.');
  assert.equal(qs[0].speakerText, 'Vell');
  assert.ok(text.slice(qs[0].start, qs[0].end).endsWith('may not be.'));
});

test('cues: wrote on Twitter, an unlisted verb after the quote, a verb before', () => {
  const [a] = quotes('"Beaches stay closed until Friday," the council wrote on Twitter.');
  assert.equal(a.cue, 'wrote on Twitter');
  assert.equal(a.speakerText, 'the council');
  const [b] = quotes('“This is a disgrace!” shrieked Mara Quill.');
  assert.equal(b.speakerText, 'Mara Quill');
  const [c] = quotes('At the meeting Quill shrugged, “Nobody listens to fishermen.”');
  assert.equal(c.speakerText, 'Quill');
});

test('a quoted fragment attributed in its sentence is a partial quote', () => {
  const [q] = quotes('Okafor called the response “slow and muddled” on Monday.');
  assert.equal(q.kind, 'partial');
  assert.equal(q.text, 'slow and muddled');
  assert.equal(q.speakerText, 'Okafor');
});

test('titles and scare quotes are not quotes', () => {
  assert.deepEqual(quotes('She appeared on the “Morning Tide Show” with the so-called “experts.”'), []);
});
