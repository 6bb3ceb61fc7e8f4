import { test } from 'node:test';
import { expectValue } from './helpers.js';

const DCT = '2010-11-02';

test('named quarters take the publication year', () => {
  expectValue('Net income fell in the third quarter.', DCT, 'the third quarter', '2010-Q3', 'DATE');
  expectValue('Third-quarter revenue rose 4%.', DCT, 'Third-quarter', '2010-Q3');
  expectValue('The firm expects a loss in the fourth quarter.', DCT, 'the fourth quarter', '2010-Q4');
});

test('the quarter is the latest reported quarter; a year earlier is the same quarter a year before', () => {
  const text = 'Profit in the quarter rose to $5 million from $3 million a year earlier.';
  expectValue(text, DCT, 'the quarter', '2010-Q3');
  expectValue(text, DCT, 'a year earlier', '2009-Q3');
  expectValue(
    'Sales in the third quarter beat the year-earlier period.',
    DCT,
    'the year-earlier period',
    '2009-Q3',
  );
});

test('fiscal years', () => {
  expectValue(
    'Sales for the current fiscal year will top $1 billion.',
    DCT,
    'the current fiscal year',
    '2010',
  );
  expectValue('The plan covers the fiscal year.', DCT, 'the fiscal year', 'P1Y', 'DURATION');
});

test('an adjectival quarter leaves its determiner outside the extent', () => {
  expectValue('The firm posted its third-quarter loss.', DCT, 'third-quarter', '2010-Q3');
  expectValue('Analysts expect the fourth-quarter results to improve.', DCT, 'fourth-quarter', '2010-Q4');
});
