import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphs, quoteSpans } from '../../src/nlp/quotes/marks.js';

const spans = (text: string) =>
  paragraphs(text).flatMap((p) => quoteSpans(text, p).map((q) => text.slice(q.start, q.end)));

test('straight and curly double quotes pair up within a paragraph', () => {
  assert.deepEqual(spans('He said "we are ready" and “so are they.”'), ['we are ready', 'so are they.']);
});

test('two apostrophes work as a double quote mark (newspaper archives)', () => {
  assert.deepEqual(spans("''The dock is shut,'' the harbourmaster said."), ['The dock is shut,']);
});

test('single curly quotes count in headlines but apostrophes do not', () => {
  assert.deepEqual(spans('Okafor: ‘We Will Reopen the Port’'), ['We Will Reopen the Port']);
  assert.deepEqual(spans('The captain’s log and the crew’s story.'), []);
});

test('quote marks inside markup tags are ignored', () => {
  assert.deepEqual(spans('<post id="12" by="@port">Tide is high</post> and "a real quote here"'), [
    'a real quote here',
  ]);
});

test('an unclosed quote runs to the end of its paragraph only', () => {
  const text = '“The first part goes on\n\n“and the second part ends.”';
  assert.deepEqual(spans(text), ['The first part goes on', 'and the second part ends.']);
});
