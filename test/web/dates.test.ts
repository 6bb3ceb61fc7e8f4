import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTextDates, isoDay, parseDateString, parseTextDate, plausibleDay } from '../../src/web/dates.js';

test('ISO timestamps keep the day as written (no UTC shift)', () => {
  assert.equal(parseDateString('2021-03-05T23:30:00-08:00'), '2021-03-05');
  assert.equal(parseDateString('2021-3-5'), '2021-03-05');
});

test('compact, RFC 2822 and Unix timestamps', () => {
  assert.equal(parseDateString('20210305'), '2021-03-05');
  assert.equal(parseDateString('Fri, 05 Mar 2021 10:00:00 GMT'), '2021-03-05');
  assert.equal(parseDateString('1614938400'), '2021-03-05');
});

test('named months in several languages', () => {
  assert.equal(parseDateString('March 5, 2021'), '2021-03-05');
  assert.equal(parseDateString('5. März 2021'), '2021-03-05');
  assert.equal(parseDateString('5 mars 2021'), '2021-03-05');
  assert.equal(parseDateString('5 de marzo de 2021'), '2021-03-05');
  assert.equal(parseDateString('5th March 2021'), '2021-03-05');
});

test('numeric dates: dotted is day-first, ambiguous slashes are refused', () => {
  assert.equal(parseDateString('05.03.2021'), '2021-03-05');
  assert.equal(parseDateString('05/03/2021'), null);
  assert.equal(parseDateString('05/03/2021', true), '2021-03-05');
  assert.equal(parseDateString('25/03/2021'), '2021-03-25');
  assert.equal(parseDateString('03/25/2021'), '2021-03-25');
});

test('impossible days are rejected', () => {
  assert.equal(isoDay(2021, 2, 30), null);
  assert.equal(parseDateString('2021-13-01'), null);
  assert.equal(parseDateString('no date here'), null);
});

test('findTextDates returns dates in text order', () => {
  const found = findTextDates('Posted 2 April 2020, updated on 2020-04-03.');
  assert.deepEqual(
    found.map((d) => d.day),
    ['2020-04-02', '2020-04-03'],
  );
});

test('plausibleDay refuses the future and the pre-web past', () => {
  const now = new Date('2024-06-01T00:00:00Z');
  assert.equal(plausibleDay('2024-06-02', now), true); // one day of time-zone slack
  assert.equal(plausibleDay('2024-06-05', now), false);
  assert.equal(plausibleDay('1990-01-01', now), false);
});

test('month names of more languages, genitive forms included (CLDR)', () => {
  assert.equal(parseDateString('5 marca 2021'), '2021-03-05'); // pl
  assert.equal(parseDateString('5. března 2021'), '2021-03-05'); // cs
  assert.equal(parseDateString('5 марта 2021'), '2021-03-05'); // ru
  assert.equal(parseDateString('5 березня 2021'), '2021-03-05'); // uk
  assert.equal(parseDateString('5 Μαρτίου 2021'), '2021-03-05'); // el
  assert.equal(parseDateString('5 Mart 2021'), '2021-03-05'); // tr
  assert.equal(parseDateString('5 maart 2021'), '2021-03-05'); // nl
  assert.equal(parseDateString('5. maaliskuuta 2021'), '2021-03-05'); // fi
  assert.equal(parseDateString('5 Maret 2021'), '2021-03-05'); // id
  assert.equal(parseDateString('5 mars 2021'), '2021-03-05'); // fr, sv, no
  assert.equal(parseDateString('5. Jänner 2021'), '2021-01-05'); // de-AT
});

test('year-first dates: Hungarian and Chinese/Japanese/Korean', () => {
  assert.equal(parseDateString('2021. március 5.'), '2021-03-05');
  assert.equal(parseDateString('2021年3月5日'), '2021-03-05');
  assert.equal(parseDateString('2021년 3월 5일'), '2021-03-05');
});

test('digits of other scripts read as ASCII digits', () => {
  assert.equal(parseDateString('٢٠٢١-٠٣-٠٥'), '2021-03-05'); // Arabic-Indic
  assert.equal(parseDateString('۵ مارس ۲۰۲۱'), '2021-03-05'); // Persian digits, Arabic month name
  assert.equal(parseDateString('２０２１年３月５日'), '2021-03-05'); // full width
});

test('a time glued to the year in copied text does not hide the date', () => {
  assert.equal(parseTextDate('PUBLISHED TUE, MAR 5 20219:41 AM EST'), '2021-03-05');
  assert.equal(parseTextDate('On March 5 20215 people came'), null);
});
