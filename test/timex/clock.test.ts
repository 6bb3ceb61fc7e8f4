import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, texts } from './helpers.js';

const DCT = '2011-03-07';

test('clock times on the publication day', () => {
  expectValue('The alarm sounded at 10:35 a.m.', DCT, '10:35 a.m.', '2011-03-07T10:35', 'TIME');
  expectValue('The session will start at 3 p.m.', DCT, '3 p.m.', '2011-03-07T15:00', 'TIME');
  expectValue('Trading stopped at noon.', DCT, 'noon', '2011-03-07T12:00', 'TIME');
});

test('clock times joined to their day', () => {
  expectValue('The vote closed at 10 p.m. Sunday.', DCT, '10 p.m. Sunday', '2011-03-06T22:00', 'TIME');
  expectValue('Voting will end at noon Thursday.', DCT, 'noon Thursday', '2011-03-10T12:00', 'TIME');
});

test('titles and idioms are not clock times or durations', () => {
  assert.deepEqual(texts('For the voters, high noon has come.', DCT), []);
  assert.deepEqual(texts('He told the programme 60 Minutes about the deal.', DCT), []);
});
