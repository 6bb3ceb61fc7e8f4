import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detokenise, displayTimeline } from '../../src/output/detokenise.js';

test('detokenise: brackets, quotes, clitics and punctuation of PTB tokens', () => {
  assert.equal(
    detokenise('The ferry -LRB- built in 1998 -RRB- ran aground , the coastguard said .'),
    'The ferry (built in 1998) ran aground, the coastguard said.',
  );
  assert.equal(
    detokenise("`` We do n't know yet , '' the skipper said ."),
    "“We don't know yet,” the skipper said.",
  );
  assert.equal(
    detokenise("It 's the quay 's third repair ; costs rose 5 % to $ 4 million ."),
    "It's the quay's third repair; costs rose 5% to $4 million.",
  );
  assert.equal(detokenise("They 're sure they 'll sail ."), "They're sure they'll sail.");
});

test('detokenise: ordinary text is unchanged', () => {
  const s = "Boats left at 6 a.m. (local time), the skipper's log says: 'all well'.";
  assert.equal(detokenise(s), s);
});

test('displayTimeline: summaries, sentences and quotes; dates and sources untouched', () => {
  const t = displayTimeline({
    entries: [
      {
        date: '2024-05-02',
        summary: ['Boats sailed , crews said .'],
        sentences: [{ text: 'Boats sailed , crews said .', articleId: 'a', sentenceIndex: 0, sources: [] }],
        sources: [],
        score: 1,
      },
    ],
    entities: [],
    quotes: [{ speaker: 'Ida', text: "We 're ready", cue: 'said', date: null, sources: [] }],
  });
  assert.equal(t.entries[0].summary[0], 'Boats sailed, crews said.');
  assert.equal(t.entries[0].sentences[0].text, 'Boats sailed, crews said.');
  assert.equal(t.quotes[0].text, "We're ready");
  assert.equal(t.entries[0].date, '2024-05-02');
});
