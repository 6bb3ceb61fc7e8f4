import { test } from 'node:test';
import { expectValue } from './helpers.js';

const DCT = '2011-03-07';

test('today, yesterday, tomorrow and tonight', () => {
  expectValue('Today the harbour reopened.', DCT, 'Today', '2011-03-07', 'DATE');
  expectValue('The divers found the wreck yesterday.', DCT, 'yesterday', '2011-03-06', 'DATE');
  expectValue('The minister will visit the site tomorrow.', DCT, 'tomorrow', '2011-03-08', 'DATE');
  expectValue('A vigil will be held tonight.', DCT, 'tonight', '2011-03-07TNI', 'TIME');
});

test('parts of the day relative to the publication day', () => {
  expectValue('Police sealed the road this morning.', DCT, 'this morning', '2011-03-07TMO', 'TIME');
  expectValue('Two boats sank last night.', DCT, 'last night', '2011-03-06TNI', 'TIME');
  expectValue(
    'The results are expected tomorrow afternoon.',
    DCT,
    'tomorrow afternoon',
    '2011-03-08TAF',
    'TIME',
  );
});

test('modifiers join the expression: late yesterday, earlier today', () => {
  expectValue('The mayor spoke late yesterday.', DCT, 'late yesterday', '2011-03-06');
  expectValue('The board will meet later today.', DCT, 'later today', '2011-03-07');
});
