import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/web/extract.js';
import { countryOfLocale, dayInZone, publisherTimeZone } from '../../src/web/timezone.js';

test('country from the region of a locale tag', () => {
  assert.equal(countryOfLocale('en_US'), 'us');
  assert.equal(countryOfLocale('fr-CA'), 'ca');
  assert.equal(countryOfLocale('en'), null);
  assert.equal(countryOfLocale('pt_BR'), 'br');
});

test('publisher zone: og:locale, then <html lang>, then Content-Language', () => {
  const doc = (head: string, lang = '') =>
    parseDocument(`<html${lang}><head>${head}</head><body></body></html>`);
  assert.equal(
    publisherTimeZone(doc('<meta property="og:locale" content="en_GB">', ' lang="de-AT"')),
    'Europe/London',
  );
  assert.equal(publisherTimeZone(doc('', ' lang="de-AT"')), 'Europe/Vienna');
  assert.equal(
    publisherTimeZone(doc('<meta http-equiv="Content-Language" content="pt-BR">')),
    'America/Sao_Paulo',
  );
  assert.equal(publisherTimeZone(doc('', ' lang="en"')), null);
});

test('day of an instant in a zone follows daylight saving', () => {
  // 04:30 UTC: 00:30 in New York in summer (UTC-4), 23:30 the day before in winter (UTC-5).
  assert.equal(dayInZone(Date.parse('2023-07-10T04:30:00Z'), 'America/New_York'), '2023-07-10');
  assert.equal(dayInZone(Date.parse('2023-01-10T04:30:00Z'), 'America/New_York'), '2023-01-09');
  assert.equal(dayInZone(0, 'Not/AZone'), null);
});
