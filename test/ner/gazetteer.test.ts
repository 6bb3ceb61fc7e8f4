import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gazetteer } from '../../src/nlp/ner/gazetteer.js';

const g = Gazetteer.build([
  { tokens: ['Port', 'Elmira'], type: 'LOC' },
  { tokens: ['Port', 'Elmira'], type: 'LOC' },
  { tokens: ['Port', 'Elmira'], type: 'ORG' },
  { tokens: ['Elmira'], type: 'LOC' },
  { tokens: ['Sanna', 'Virtanen'], type: 'PER' },
  { tokens: ['Kestrel', 'Shipping'], type: 'ORG' },
]);

test('longest capitalised match wins and carries every frequent type', () => {
  const words = ['Ships', 'left', 'Port', 'Elmira', 'for', 'Elmira', 'and', 'port', 'elmira'];
  assert.deepEqual(
    g.tag(
      words.map((w) => w.toLowerCase()),
      words,
    ),
    ['', '', 'B-LOC+ORG', 'L-LOC+ORG', '', 'U-LOC', '', '', ''],
  );
});

test('word roles in multi-word names are kept for unseen names', () => {
  assert.equal(g.roles.get('sanna'), 'F-PER');
  assert.equal(g.roles.get('shipping'), 'L-ORG');
  assert.equal(g.roles.get('port'), 'F-LOC+F-ORG');
});

test('entries round-trip names and roles', () => {
  const copy = Gazetteer.fromEntries(g.entries());
  assert.deepEqual([...copy.names], [...g.names]);
  assert.deepEqual([...copy.roles], [...g.roles]);
});
