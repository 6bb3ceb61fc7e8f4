import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleStart, findDateInText, isDateLine, pageYear } from '../../src/ingest/text-date.js';

/** Two paragraphs of invented article text (each a long line ending a sentence). */
const BODY = [
  'The ferry service between Varnholm and the two outer islands resumed on Tuesday morning after a week in which the storm kept every boat in the harbour.',
  'Harbour master Ilse Brandvik said the first crossing carried forty passengers and a load of mail, and that the timetable would be back to normal by the weekend.',
].join('\n\n');

/** A page as copied text: menu, headline, the given header lines, then the article and a footer. */
const page = (header: string[], after: string[] = []) =>
  [
    'Home',
    'News',
    'Sport',
    'Weather',
    'Ferry service resumes after the storm',
    ...header,
    '',
    BODY,
    '',
    ...after,
    '© 2023 The Varnholm Courier',
  ].join('\n');

test('date lines: short, and only a date, times, zones, weekdays and labels', () => {
  assert.ok(isDateLine('Nov. 19, 2023 8:03 am ET'));
  assert.ok(isDateLine('PUBLISHED: 10:48, Tue, Nov 19, 2023 | UPDATED: 11:05, Tue, Nov 19, 2023'));
  assert.ok(isDateLine('sexta-feira, 22 de outubro de 2010 às 20:13'));
  assert.ok(isDateLine('Nov 19, 2023 at 9:08 GMT1 day ago'));
  assert.ok(!isDateLine('The port closed on February 9, 2024, after the spill.'));
  assert.ok(!isDateLine('Ferry service resumes'));
});

test('the date line above the article wins over a date in the site header', () => {
  const text = [
    'Monday, 20 November 2023',
    ...page(['By Ilse Brandvik', '19 November 2023']).split('\n'),
  ].join('\n');
  assert.equal(findDateInText(text)?.day, '2023-11-19');
});

test('a byline with its date counts; so does a short line led by a name and a date', () => {
  assert.equal(findDateInText(page(['By Tove Lind - 2023-09-16']))?.day, '2023-09-16');
  assert.equal(findDateInText(page(['Tove Lind 27/09/2023 Comment! Islands, Transport']))?.day, '2023-09-27');
  assert.equal(findDateInText(page(['Chris Ahl - Nov 19, 2023, 10:31 pm CST']))?.day, '2023-11-19');
});

test('published beats updated on one line', () => {
  assert.equal(
    findDateInText(page(['UPDATED: 09:00, Wed, Nov 20, 2023 | PUBLISHED: 10:48, Tue, Nov 19, 2023']))?.day,
    '2023-11-19',
  );
});

test('a published or signed date after the article counts when its header has none', () => {
  assert.equal(
    findDateInText(page([], ['First published on November 19, 2023 / 8:16 AM']))?.day,
    '2023-11-19',
  );
  assert.equal(
    findDateInText(page([], ['Written by Tove Lind, MS on November 14, 2023']))?.day,
    '2023-11-14',
  );
  // The header's own date wins over one after the article.
  assert.equal(
    findDateInText(
      page(['Updated on: November 21, 2023 / 10:07 AM'], ['First published on November 19, 2023']),
    )?.day,
    '2023-11-21',
  );
});

test('lists of other stories and comments are not the article', () => {
  const related = [
    'Ferry fares to rise',
    'Nov 2, 2023',
    'New pier opens',
    'Oct 28, 2023',
    'Storm season ahead',
    'Oct 20, 2023',
  ];
  // The article has no date of its own: the related list below it must not give one.
  assert.equal(findDateInText(page([], related)), null);
  const comments = [
    'Comments',
    'Ada Wren says:',
    'November 22, 2023 at 3:04 pm',
    'Ben Ostrom says:',
    'November 22, 2023 at 5:40 pm',
    'Cai Nyberg says:',
    'November 23, 2023 at 8:12 am',
  ];
  assert.equal(findDateInText(page([], comments)), null);
});

test('copyright, correction, today’s-paper and join dates are never the article’s', () => {
  assert.equal(findDateInText(page(['© 2023 The Varnholm Courier 19 November 2023'])), null);
  assert.equal(
    findDateInText(page([], ['Correction, Nov. 21, 2023: an earlier version misnamed the pier.'])),
    null,
  );
  assert.equal(findDateInText(page(["TODAY'S PAPER", 'Wednesday, 22nd November 2023'])), null);
  assert.equal(findDateInText(page(['Joined May 11, 2017'])), null);
});

test('a photo caption with a date is not a date line', () => {
  assert.equal(findDateInText(page(['A ferry leaves the harbour, on Aug. 31, 2023. (Photo agency)'])), null);
});

test('numeric dates: read when unambiguous, refused when day and month could be swapped', () => {
  assert.equal(findDateInText(page(['11/19/2023 by Tove Lind']))?.day, '2023-11-19');
  assert.equal(findDateInText(page(['21/06/2023 Tove Lind News, Islands']))?.day, '2023-06-21');
  assert.equal(findDateInText(page(['5:45 AM PST 03/04/2023 by Tove Lind'])), null);
});

test('a labelled date without a year takes the copyright year', () => {
  assert.equal(pageYear('x\n© 1996-2023 The Courier'), 2023);
  assert.equal(findDateInText(page(['Updated Nov 19, 6:05 AM;Posted Nov 18, 11:52 PM']))?.day, '2023-11-18');
});

test('relative dates are left alone', () => {
  assert.equal(findDateInText(page(['Published 22 hours ago'])), null);
});

test('a single comment after the article is not the article date', () => {
  assert.equal(findDateInText(page([], ['Ada Wren', 'November 22, 2023 at 3:04 pm', 'Lovely piece.'])), null);
});

test('the article starts at the first pair of paragraphs', () => {
  const lines = page(['19 November 2023']).split('\n');
  assert.equal(lines[articleStart(lines)], BODY.split('\n')[0]);
  assert.equal(articleStart(['short', 'lines', 'only']), -1);
});

test('short texts without paragraphs: the first candidate', () => {
  assert.deepEqual(findDateInText('A\nB\n2022-02-09\n'), { day: '2022-02-09', line: 3 });
});
