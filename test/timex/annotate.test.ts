import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newArticle } from '../../src/model.js';
import { annotateTimexes } from '../../src/nlp/timex/index.js';

test('annotateTimexes attaches each timex to the sentence it starts in, with article offsets', () => {
  const text = 'The quay was hit on Monday. Repairs will start next week.';
  const a = newArticle({ id: 'a', rawText: text, publishedAt: '2011-03-09' });
  a.sentences = [
    { index: 0, start: 0, end: 27, text: text.slice(0, 27), tokens: [], timexes: [] },
    { index: 1, start: 28, end: text.length, text: text.slice(28), tokens: [], timexes: [] },
  ];
  annotateTimexes(a);
  assert.deepEqual(
    a.sentences[0].timexes.map((t) => [t.text, t.value]),
    [['Monday', '2011-03-07']],
  );
  assert.deepEqual(
    a.sentences[1].timexes.map((t) => [t.text, t.value]),
    [['next week', '2011-W11']],
  );
  for (const s of a.sentences) for (const t of s.timexes) assert.equal(text.slice(t.start, t.end), t.text);
});
