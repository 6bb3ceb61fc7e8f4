import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, texts } from './helpers.js';

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

test('fiscal years written across two years or with FY and two digits are named by the year they end in', () => {
  expectValue('Sales in fiscal year 2010-11 were flat.', DCT, 'fiscal year 2010-11', '2011', 'DATE');
  expectValue('The Orrin group expects growth in FY12.', DCT, 'FY12', '2012', 'DATE');
  expectValue('The budget for FY 2013/14 is due.', DCT, 'FY 2013/14', '2014', 'DATE');
  expectValue('Profit rose in fiscal 2011.', DCT, 'fiscal 2011', '2011', 'DATE');
  expectValue('The fiscal first quarter was weak.', DCT, 'The fiscal first quarter', '2010-Q1', 'DATE');
  // "fiscal 12" is not a year, and a span of years that do not follow each other is no fiscal year.
  assert.deepEqual(texts('It cut its fiscal 12 programmes.', DCT), []);
  assert.ok(!texts('The plan for fiscal 2010-14 was dropped.', DCT).includes('fiscal 2010-14'));
});
