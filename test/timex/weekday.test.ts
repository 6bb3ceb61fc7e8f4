import { test } from 'node:test';
import { expectValue } from './helpers.js';

// 2011-03-09 is a Wednesday.
const DCT = '2011-03-09';

test('past narration picks the previous weekday', () => {
  expectValue('The ministers met on Monday in the port city.', DCT, 'Monday', '2011-03-07', 'DATE');
  expectValue('Rebels seized the airport on Friday, witnesses said.', DCT, 'Friday', '2011-03-04');
});

test('future tense and modality pick the coming weekday', () => {
  expectValue('The ministers will meet on Monday.', DCT, 'Monday', '2011-03-14');
  expectValue('Talks are due to resume on Thursday.', DCT, 'Thursday', '2011-03-10');
  expectValue('The union is expected to vote on Friday.', DCT, 'Friday', '2011-03-11');
  expectValue('She plans to fly home on Sunday.', DCT, 'Sunday', '2011-03-13');
});

test("a weekday equal to the publication day's is that day", () => {
  expectValue('The council voted on Wednesday to close the beach.', DCT, 'Wednesday', '2011-03-09');
  expectValue('The council will vote on Wednesday.', DCT, 'Wednesday', '2011-03-09');
});

test('last / next / this coming weekday', () => {
  expectValue('He resigned last Friday.', DCT, 'last Friday', '2011-03-04');
  expectValue('He will resign next Monday.', DCT, 'next Monday', '2011-03-14');
  expectValue('The vote is set for this coming Sunday.', DCT, 'this coming Sunday', '2011-03-13');
});

test('weekday with a part of the day is a TIME', () => {
  expectValue('The fire broke out on Tuesday night.', DCT, 'Tuesday night', '2011-03-08TNI', 'TIME');
  expectValue('The envoy will arrive Friday morning.', DCT, 'Friday morning', '2011-03-11TMO', 'TIME');
});
