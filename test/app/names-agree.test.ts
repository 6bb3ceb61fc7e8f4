/**
 * Server and app agree on who an entry mentions: for every entity, the server's entity filter
 * (src/server/views.ts) keeps exactly the entries on which the app's timeline view shows that entity's chip.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { filterByEntity } from '../../src/server/views.js';
import type { Timeline } from '../../src/model.js';
import { render } from '../../web/src/views/timeline.js';
import { installDom, mount } from './dom.js';
import { ENTITIES, ENTRIES } from './fixtures.js';

before(() => installDom());

// More sentences of our own writing, each a case a naive matcher gets wrong.
const EXTRA: Timeline['entries'] = [
  ['2031-05-11', 'The council met in Lindqvistbyn; Lindqvist was away.'],
  ['2031-05-12', 'Blind Bay and Orrbyborna reported calm seas.'],
  ['2031-05-13', 'ORRBY COUNCIL and the mayor of Lind signed the deal.'],
  ['2031-05-14', 'Ferries to Orrby-Lind resumed.'],
].map(([date, text]) => ({
  date,
  summary: [text],
  sentences: [{ text, articleId: date, sentenceIndex: 0, sources: [] }],
  sources: [],
  score: 1,
}));

test('for every entity, the filtered entries are the entries showing its chip', () => {
  const timeline: Timeline = { entries: [...ENTRIES, ...EXTRA], entities: ENTITIES, quotes: [] };
  const ol = mount(render({ ...timeline, activeEntity: '', base: 'http://x/', onEntity: () => {} }), 'ol');
  let compared = 0;
  for (const e of ENTITIES) {
    const kept = filterByEntity(timeline, e.name).entries.map((x) => x.date);
    const chipped = Array.from(ol.querySelectorAll('li.entry'))
      .filter((li) => Array.from(li.querySelectorAll('.chip')).some((c) => c.textContent === e.name))
      .map((li) => li.getAttribute('data-date'));
    assert.deepEqual(chipped, kept, e.name);
    compared += kept.length;
  }
  assert.ok(compared >= 8, `the fixtures should exercise the matcher (${compared} matches)`);
});
