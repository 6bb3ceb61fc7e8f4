import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../../src/nlp/entities/index.js';
import { extractQuotes } from '../../src/nlp/quotes/index.js';
import { storyArticles } from '../entities/story.js';
import type { Quote } from '../../src/model.js';

const arts = storyArticles();
const ents = resolveEntities(arts);
const quotes = new Map<string, Quote[]>(arts.map((a) => [a.id, extractQuotes(a, ents)]));

function quote(articlePrefix: string, starts: string): Quote {
  const id = [...quotes.keys()].find((k) => k.startsWith(articlePrefix));
  assert.ok(id, `article ${articlePrefix}`);
  const q = quotes.get(id)!.find((x) => x.text.startsWith(starts));
  assert.ok(
    q,
    `quote "${starts}" in ${id}: ${JSON.stringify(quotes.get(id)!.map((x) => x.text.slice(0, 40)))}`,
  );
  return q;
}

test('sample story: direct quotes in every pattern get the canonical speaker', () => {
  assert.equal(quote('01', 'We have never seen a spill').speaker, 'Agnes Thorne');
  assert.equal(quote('01', 'The tide turns twice a day').speaker, 'Agnes Thorne');
  assert.equal(quote('02', 'This is an environmental disaster').speaker, 'Ingrid Solvang');
  assert.equal(quote('02', 'We are cooperating fully').speaker, 'Daniel Roper');
  assert.equal(quote('03', 'I am deeply sorry').speaker, 'Marten Ellingsrud');
  assert.equal(quote('04', 'No family in Kelvik').cue, 'told');
  assert.equal(quote('04', 'We have recovered about a third').speaker, 'Agnes Thorne');
  assert.equal(quote('05', 'Europe stands with the people').speaker, 'Lucia Ferrante');
  assert.equal(quote('07', 'Every day without a deal').cue, 'wrote on Twitter');
  assert.equal(quote('07', 'Every day without a deal').speaker, 'Mira Okafor');
  assert.equal(quote('08', 'We are closer to an agreement').speaker, 'Ingrid Solvang');
  assert.equal(quote('09', 'This fund is not charity').speaker, 'Ingrid Solvang');
  assert.equal(quote('ledger-2024-03-01', 'We have already changed').speaker, 'Daniel Roper');
});

test('sample story: split quote, partial quote, unnamed source, statement and according to', () => {
  const split = quote('03', 'This was not an accident');
  assert.match(split.text, /we accept the responsibility/);
  assert.equal(split.speaker, 'Marten Ellingsrud');
  const partial = quote('03', 'a national emergency');
  assert.equal(partial.kind, 'partial');
  assert.equal(partial.speaker, 'Ingrid Solvang');
  assert.equal(quote('05', 'Questions about this ship').speaker, 'a senior EU diplomat');
  assert.equal(quote('02', 'The ministry will spare no resource').speaker, 'a ministry statement');
  const acc = quote('05', 'The clean-up has so far cost');
  assert.equal(acc.kind, 'indirect');
  assert.equal(acc.cue, 'according to');
  assert.equal(acc.speaker, 'Ingrid Solvang');
});
