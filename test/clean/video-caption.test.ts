import { test } from 'node:test';
import assert from 'node:assert/strict';
import { videoCaptionRule } from '../../src/clean/rules/video-caption.js';
import { clean, ORDINARY } from './helpers.js';

test('video-caption: credit, clip headline, running time and date are cut; the description stays', () => {
  const raw = [
    'The council met on Monday .',
    'Ana Ruiz , Nordwire Harbour protest grows -LRB- 1:46 -RRB- Nov. 16 - Hundreds of fishermen marched to the port office .',
    'Ferry strike spreads (2:05) Mar 3 - Crews on three more routes walked out on Friday.',
    '-LRB- 0:56 -RRB- Aug. 12 - Amateur video shows crowds gathering in the square .',
  ].join('\n');
  const a = clean(raw, [videoCaptionRule]);
  assert.equal(
    a.text,
    [
      'The council met on Monday .',
      'Hundreds of fishermen marched to the port office .',
      'Crews on three more routes walked out on Friday.',
      'Amateur video shows crowds gathering in the square .',
    ].join('\n'),
  );
  assert.deepEqual(
    a.removed.map((r) => r.text),
    [
      'Ana Ruiz , Nordwire Harbour protest grows -LRB- 1:46 -RRB- Nov. 16 -',
      'Ferry strike spreads (2:05) Mar 3 -',
      '-LRB- 0:56 -RRB- Aug. 12 -',
    ],
  );
});

test('video-caption: a caption with no description goes whole; verification notices go', () => {
  const a = clean(
    'Body sentence here .\nHarbour protest grows (1:46) Nov. 16 - Watch\nPLEASE NOTE : NORDWIRE CANNOT VERIFY WHERE OR WHEN THESE PICTURES WERE FILMED',
    [videoCaptionRule],
  );
  assert.equal(a.text, 'Body sentence here .');
  assert.equal(a.removed.length, 2);
});

test('video-caption: times and dates in ordinary sentences stay', () => {
  const keep = [
    'The meeting ran from 9:30 to 11:00 (1:30 in all) on Nov. 16 and ended calmly.',
    'She finished in 2:05 -LRB- a record -RRB- on Mar 3 .',
    'Note: the figures could not be verified by the ministry, which has refused to comment on them since March and says it never will.'.repeat(
      2,
    ),
    ORDINARY,
  ];
  for (const raw of keep) assert.equal(clean(raw, [videoCaptionRule]).text, raw, raw);
});
