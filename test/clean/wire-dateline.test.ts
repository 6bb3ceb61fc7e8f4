import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wireDatelineRule } from '../../src/clean/rules/wire-dateline.js';
import { clean, ORDINARY } from './helpers.js';

// Invented lines in the shape of tokenised wire copy (Penn-Treebank brackets, spaced commas).

test('wire-dateline: page timestamp and tokenised dateline go, the sentence stays, agency fills source', () => {
  const a = clean(
    'VARDO | Sat Nov 12 , 2011 6:48 pm EST VARDO -LRB- Nordwire -RRB- - Ferry crews walked out on Saturday .\nThe strike spread .',
    [wireDatelineRule],
  );
  assert.equal(a.text, 'Ferry crews walked out on Saturday .\nThe strike spread .');
  assert.equal(a.source, 'Nordwire');
  assert.equal(a.removed[0].rule, 'wire-dateline');
  assert.equal(a.removed[0].text, 'VARDO | Sat Nov 12 , 2011 6:48 pm EST VARDO -LRB- Nordwire -RRB- -');
});

test('wire-dateline: timestamp variants, untokenised brackets, place with region, doubled place', () => {
  const cases: [string, string][] = [
    ['Thu , Oct 20 19:15 PM EDT LINDQVIST -LRB- Reuters -RRB- - Talks resumed .', 'Talks resumed .'],
    ['Wed May 4 , 2011 2:20 pm BST -LRB- Reuters -RRB- - Talks resumed .', 'Talks resumed .'],
    ['Brenna , Ostland -LRB- CNN -RRB- -- Crowds gathered at dawn .', 'Crowds gathered at dawn .'],
    ['HARLOW , Nov 3 (Reuters) - Crowds gathered at dawn.', 'Crowds gathered at dawn.'],
    ['KELVIK -- KELVIK -LRB- AP -RRB- -- Nobody was hurt in the fire .', 'Nobody was hurt in the fire .'],
    ['Aug 16 -LRB- Reuters -RRB- - The port reopened on Tuesday .', 'The port reopened on Tuesday .'],
    [
      'By Ann Vik and Tom Lee KELVIK -LRB- Reuters -RRB- - The inquiry opened on Monday .',
      'The inquiry opened on Monday .',
    ],
    [
      'Crews fought the ... KELVIK , Ostland -LRB- AP -RRB- -- Boats stayed in port .',
      'Boats stayed in port .',
    ],
  ];
  for (const [raw, want] of cases) assert.equal(clean(raw, [wireDatelineRule]).text, want, raw);
});

test('wire-dateline: a later line of a page that strings wire stories together is cleaned too', () => {
  const raw = 'First story ends here .\nHARLOW -LRB- Reuters -RRB- -- A second story starts here .';
  assert.equal(clean(raw, [wireDatelineRule]).text, 'First story ends here .\nA second story starts here .');
});

test('wire-dateline: brackets and dashes inside ordinary sentences are left alone', () => {
  const keep = [
    'The Oil Spill Agency -LRB- OSPRA -RRB- -- the national body -- laid booms .',
    'Officials from the agency (OSPRA) - which runs the clean-up - met on Monday.',
    'The vote is on Tue Mar 29 , 2011 , officials said .',
    ORDINARY,
  ];
  for (const raw of keep) assert.equal(clean(raw, [wireDatelineRule]).text, raw, raw);
  // A header with nothing after it is not cut (there would be no sentence left).
  const bare = 'HARLOW -LRB- Reuters -RRB- - Yes';
  assert.equal(clean(bare, [wireDatelineRule]).text, bare);
});
