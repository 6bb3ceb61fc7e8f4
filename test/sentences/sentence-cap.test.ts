import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotateSentences, MAX_SENTENCE_TOKENS, splitSentences } from '../../src/nlp/sentences.js';
import { newArticle } from '../../src/model.js';

// A "sentence" without full stops (a run-on line, a table dumped as text) is cut into chunks of
// MAX_SENTENCE_TOKENS tokens, so no later stage sees an unbounded sentence; real sentences are untouched.

test('an over-long sentence becomes consecutive chunks of at most 1,000 tokens, covering every token', () => {
  assert.equal(MAX_SENTENCE_TOKENS, 1000);
  const words = Array.from({ length: 2500 }, (_, i) => (i % 7 === 0 ? 'Kelvik' : `word${i}`));
  const a = newArticle({ id: 'a', rawText: words.join(' ') });
  annotateSentences(a);
  assert.deepEqual(
    a.sentences.map((s) => s.tokens.length),
    [1000, 1000, 500],
  );
  assert.deepEqual(
    a.sentences.flatMap((s) => s.tokens.map((t) => t.text)),
    words,
  );
  for (const s of a.sentences) {
    assert.equal(s.text, a.text.slice(s.start, s.end));
    assert.equal(s.start, s.tokens[0].start);
    assert.equal(s.end, s.tokens[s.tokens.length - 1].end);
  }
  assert.deepEqual(
    a.sentences.map((s) => s.index),
    [0, 1, 2],
  );
});

test('one-sentence-per-line input is capped too; normal sentences are not cut', () => {
  const long = Array.from({ length: 1200 }, () => 'ferry').join(' ');
  const a = newArticle({
    id: 'b',
    rawText: `A short line .\n${long}\nAnother line .`,
    linesAreSentences: true,
  });
  annotateSentences(a);
  assert.deepEqual(
    a.sentences.map((s) => s.tokens.length),
    [4, 1000, 200, 3],
  );
  const text = 'The ferry left. It came back on Monday.';
  const b = newArticle({ id: 'c', rawText: text });
  annotateSentences(b);
  assert.deepEqual(
    b.sentences.map((s) => s.text),
    splitSentences(text).map((s) => text.slice(s.start, s.end)),
  );
});
