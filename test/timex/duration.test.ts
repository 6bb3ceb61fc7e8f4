import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, texts } from './helpers.js';

const DCT = '2011-03-07';

test('counted durations in words and digits', () => {
  expectValue('The siege lasted four years.', DCT, 'four years', 'P4Y', 'DURATION');
  expectValue('The strike will last 24 hours.', DCT, '24 hours', 'PT24H', 'DURATION');
  expectValue('Talks went on for twenty-four days.', DCT, 'twenty-four days', 'P24D', 'DURATION');
  expectValue('Shares hit a five-year low.', DCT, 'five-year', 'P5Y', 'DURATION');
});

test('modified durations carry a mod', () => {
  expectValue(
    'The dispute has dragged on for more than four years.',
    DCT,
    'more than four years',
    'P4Y',
    'DURATION',
    'MORE_THAN',
  );
  expectValue('Repairs will take less than a week.', DCT, 'less than a week', 'P1W', 'DURATION', 'LESS_THAN');
  // TimeML keeps a modifier of the amount inside the extent, and says what it does in mod.
  expectValue('It will take about two months.', DCT, 'about two months', 'P2M', 'DURATION', 'APPROX');
  expectValue('Work stopped for almost a decade.', DCT, 'almost a decade', 'P10Y', 'DURATION', 'APPROX');
  // A preposition stays outside: "within" and "over" say where the span lies, not how long it is.
  expectValue('The plant will close within 18 months.', DCT, '18 months', 'P18M', 'DURATION');
});

test('the past / the next N units, vague amounts', () => {
  expectValue(
    'Rents have doubled over the past three years.',
    DCT,
    'the past three years',
    'P3Y',
    'DURATION',
  );
  expectValue('A decision is due in the next few days.', DCT, 'the next few days', 'PXD', 'DURATION');
  expectValue('The talks have lasted for weeks.', DCT, 'weeks', 'PXW', 'DURATION');
  expectValue('Sales in the first nine months rose.', DCT, 'the first nine months', 'P9M', 'DURATION');
});

test('ages are not durations', () => {
  assert.deepEqual(texts('A 45-year-old man was arrested.', DCT), []);
  assert.deepEqual(texts('The man, 45 years old, was arrested.', DCT), []);
});

test('fractions of units', () => {
  expectValue('The flight will take 5 1/2 hours.', DCT, '5 1/2 hours', 'PT5H30M', 'DURATION');
  expectValue('He served 2 1/2 years in prison.', DCT, '2 1/2 years', 'P30M', 'DURATION');
});

test('decades are durations even when no other unit word is in the text ("dec" is no month here)', () => {
  expectValue('The family ruled the port for two decades.', DCT, 'two decades', 'P20Y', 'DURATION');
  expectValue('It ended a four-decade rule.', DCT, 'four-decade', 'P40Y', 'DURATION');
});

test('a range or a choice of amounts is one duration valued at its lower bound', () => {
  expectValue('Repairs take two to three weeks.', DCT, 'two to three weeks', 'P2W', 'DURATION');
  expectValue('Deliveries resume within 2-3 days.', DCT, '2-3 days', 'P2D', 'DURATION');
  expectValue(
    'Hiring will pick up during the next 12 to 18 months.',
    DCT,
    'the next 12 to 18 months',
    'P12M',
  );
  expectValue('The Velden dig may take a year or two.', DCT, 'a year or two', 'P1Y');
  expectValue('The road will be closed for weeks or months.', DCT, 'weeks or months', 'PXW');
  expectValue('Talks went on for twenty-four days.', DCT, 'twenty-four days', 'P24D');
  expectValue('They stayed for some time.', DCT, 'some time', 'PXX', 'DURATION');
});

test('large and grouped counts, a period noun, "or so"', () => {
  expectValue(
    'The well was used for more than two thousand years.',
    DCT,
    'more than two thousand years',
    'P2000Y',
  );
  expectValue('The cedar stood for 2,000 years.', DCT, '2,000 years', 'P2000Y');
  expectValue('Rates will stay low over the next couple of years.', DCT, 'the next couple of years', 'P2Y');
  expectValue('The loans were spread over a three-year period.', DCT, 'a three-year period', 'P3Y');
  expectValue('A five-year plan was drawn up.', DCT, 'five-year', 'P5Y');
  expectValue('The site will close over the next year or so.', DCT, 'the next year or so', 'P1Y');
});
