import { test } from 'node:test';
import { expectValue } from './helpers.js';

test('without a publication date, absolute dates still resolve', () => {
  expectValue('The treaty was signed on 3 February 2011.', null, '3 February 2011', '2011-02-03');
  expectValue('The plant opened in 1987.', null, '1987', '1987');
});

test('without a publication date, relative dates get X placeholders, never guesses', () => {
  expectValue('The divers returned yesterday.', null, 'yesterday', 'XXXX-XX-XX');
  expectValue('Prices fell last week.', null, 'last week', 'XXXX-WXX');
  expectValue('The port will reopen next month.', null, 'next month', 'XXXX-XX');
  expectValue('The boats left on Monday.', null, 'Monday', 'XXXX-WXX-1');
  expectValue('Sales rose in March.', null, 'March', 'XXXX-03');
  expectValue('Sales rose on March 3.', null, 'March 3', 'XXXX-03-03');
});
