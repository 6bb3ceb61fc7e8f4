import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../src/nlp/quotes/index.js';
import { resolveEntities } from '../../src/nlp/entities/index.js';
import { articleWith } from '../entities/helpers.js';
import type { EntityType } from '../../src/model.js';

function run(text: string, marks: [string, EntityType][]) {
  const a = articleWith('a', text, marks);
  const ents = resolveEntities([a]);
  return extractQuotes(a, ents);
}

test('a surname speaker resolves to the canonical full name', () => {
  const [q] = run('Lena Okafor visited the dock. “It is worse than we thought,” Okafor said.', [
    ['Lena Okafor', 'PERSON'],
    ['Okafor', 'PERSON'],
  ]);
  assert.equal(q.speaker, 'Lena Okafor');
  assert.equal(q.speakerText, 'Okafor');
});

test('pronouns go to the nearest person of compatible gender', () => {
  const qs = run(
    'Ms Lena Okafor met Mr Tomas Vell at the pier. “We need more booms,” she said. “We have none left,” he said.',
    [
      ['Ms Lena Okafor', 'PERSON'],
      ['Mr Tomas Vell', 'PERSON'],
    ],
  );
  assert.equal(qs[0].speaker, 'Lena Okafor');
  assert.equal(qs[0].speakerText, 'she');
  assert.equal(qs[1].speaker, 'Tomas Vell');
});

test('a role noun goes to the person introduced with that role', () => {
  const qs = run(
    'Jane Roe, a ministry spokeswoman, confirmed the closure. Later Tomas Vell arrived. “The ban stays,” the spokeswoman said.',
    [
      ['Jane Roe', 'PERSON'],
      ['Tomas Vell', 'PERSON'],
    ],
  );
  assert.equal(qs[qs.length - 1].speaker, 'Jane Roe');
});

test('an organisation voice goes to the matching organisation', () => {
  const [q] = run(
    'The Ministry of Ports ordered an inquiry. “Fishing is suspended,” a ministry statement said.',
    [['Ministry of Ports', 'ORG']],
  );
  assert.equal(q.speaker, 'Ministry of Ports');
});

test('unnamed sources are kept as their description', () => {
  const [q] = run('“The captain ignored two warnings,” a senior coastguard officer said.', []);
  assert.equal(q.speaker, 'a senior coastguard officer');
  assert.equal(q.speakerEntityId ?? null, null);
});

test('a role introduced in an earlier article resolves in a later one', () => {
  const a = articleWith('a', 'Harbour master Agnes Thorne closed the pier.', [['Agnes Thorne', 'PERSON']]);
  const b = articleWith('b', 'Boats waited. “Nobody sails today,” the harbour master said.', []);
  const ents = resolveEntities([a, b]);
  extractQuotes(a, ents);
  const [q] = extractQuotes(b, ents);
  assert.equal(q.speaker, 'Agnes Thorne');
});
