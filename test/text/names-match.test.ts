/** The one name matcher the server's entity filter and the web app's chips share (src/text/names-match.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { entitiesIn, entityNames, nameMatcher } from '../../src/text/names-match.js';
import * as serverViews from '../../src/server/views.js';

test('whole words only, case-insensitively, any of the names', () => {
  const m = nameMatcher(['Lind', 'Marta Lindqvist']);
  assert.equal(m('Repairs at LIND begin.'), true);
  assert.equal(m('marta lindqvist spoke'), true);
  assert.equal(m('Lindqvist spoke'), false); // "Lind" inside a longer word
  assert.equal(m('Lindqvistbyn and Blind Bay'), false);
  assert.equal(m('at Lind.'), true);
  assert.equal(m('(Lind)'), true);
});

test('a later whole-word occurrence counts even when the first one is inside a word', () => {
  // The app's old matcher looked only at the first occurrence and missed both names here.
  const text = 'Lindqvist and the Orrbyborna met at Lind, near Orrby.';
  assert.equal(nameMatcher(['Lind'])(text), true);
  assert.equal(nameMatcher(['Orrby'])(text), true);
});

test('letters and digits of any script bound a word', () => {
  assert.equal(nameMatcher(['Åsa'])('Åsa Berg said'), true);
  assert.equal(nameMatcher(['Åsa'])('Kåsa said'), false);
  assert.equal(nameMatcher(['Åsa'])('Åsalund said'), false);
  assert.equal(nameMatcher(['Route 9'])('Route 9 closed; Route 90 open'), true);
  assert.equal(nameMatcher(['Route 9'])('Route 90 open'), false);
});

test('names are literal text, blanks and one-letter names never match', () => {
  assert.equal(nameMatcher(['A.B. Holm (Ltd)'])('said A.B. Holm (Ltd) today'), true);
  assert.equal(nameMatcher(['A.B. Holm (Ltd)'])('said AxB Holm Ltd today'), false);
  assert.equal(nameMatcher(['K', ' ', ''])('K is here'), false);
  assert.equal(nameMatcher([])('anything'), false);
});

test('a filter names an entity by id, name or alias, else itself', () => {
  const ents = [{ id: 'e1', name: 'Marta Lindqvist', aliases: ['Lindqvist', 'the minister'] }];
  assert.deepEqual(entityNames('e1', ents), ['Marta Lindqvist', 'Lindqvist', 'the minister']);
  assert.deepEqual(entityNames(' the MINISTER ', ents), ['Marta Lindqvist', 'Lindqvist', 'the minister']);
  assert.deepEqual(entityNames('Orrby', ents), ['Orrby']);
});

test('entitiesIn: in the given order, by name or alias, one per canonical name', () => {
  const ents = [
    { id: 'e1', name: 'Orrby', type: 'LOC', aliases: [] },
    { id: 'e2', name: 'Marta Lindqvist', type: 'PERSON', aliases: ['Lindqvist'] },
    { id: 'e3', name: 'orrby', type: 'ORG', aliases: [] }, // the same name tagged twice counts once
    { id: 'e4', name: 'Lind', type: 'LOC', aliases: [] },
  ];
  assert.deepEqual(
    entitiesIn('Lindqvist visited Orrby.', ents).map((e) => e.id),
    ['e1', 'e2'],
  );
  assert.deepEqual(entitiesIn('Nothing here', ents), []);
});

test('the server and the web app use this module, not copies', () => {
  assert.equal(serverViews.nameMatcher, nameMatcher);
  assert.equal(serverViews.entityNames, entityNames);
  const app = readFileSync(new URL('../../web/src/views/timeline.ts', import.meta.url), 'utf8');
  assert.match(app, /import \{ entitiesIn \} from '..\/..\/..\/src\/text\/names-match\.js'/);
  // No other matcher left in the app's sources.
  for (const f of ['app.ts', 'views/timeline.ts'])
    assert.doesNotMatch(
      readFileSync(new URL(`../../web/src/${f}`, import.meta.url), 'utf8'),
      /indexOf\(name/,
    );
});
