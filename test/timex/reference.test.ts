import { test } from 'node:test';
import { expectValue } from './helpers.js';

const DCT = '2011-03-07';

test('present, past and future references', () => {
  expectValue('The port is now closed.', DCT, 'now', 'PRESENT_REF', 'DATE');
  expectValue('Ten boats are currently at sea.', DCT, 'currently', 'PRESENT_REF');
  expectValue('The mayor recently resigned.', DCT, 'recently', 'PAST_REF');
  expectValue('Such spills have happened in the past.', DCT, 'the past', 'PAST_REF');
  expectValue('More checks will be needed in the future.', DCT, 'the future', 'FUTURE_REF');
  expectValue('A ruling is expected in the near future.', DCT, 'the near future', 'FUTURE_REF');
  expectValue('Prices have risen in recent years.', DCT, 'recent years', 'PAST_REF');
});
