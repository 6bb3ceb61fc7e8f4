import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knownOutletByName, outletFromUrl, outletKey, registrableDomain } from '../../src/clean/outlets.js';

test('registrableDomain: public-suffix-like second levels under country codes', () => {
  assert.equal(registrableDomain('news.example.co.uk'), 'example.co.uk');
  assert.equal(registrableDomain('www.example.com.au'), 'example.com.au');
  assert.equal(registrableDomain('a.b.example.com'), 'example.com');
  assert.equal(registrableDomain('example.de'), 'example.de');
  assert.equal(registrableDomain('127.0.0.1'), '127.0.0.1');
});

test('outletFromUrl: the table by domain (also subdomains), else the registrable domain', () => {
  assert.deepEqual(outletFromUrl('https://www.reuters.com/world/x'), { name: 'Reuters', known: true });
  assert.deepEqual(outletFromUrl('https://edition.cnn.com/2024/x'), { name: 'CNN', known: true });
  assert.deepEqual(outletFromUrl('https://news.kelvikpost.co.uk/a'), {
    name: 'kelvikpost.co.uk',
    known: false,
  });
  assert.equal(outletFromUrl('file:///home/me/a.txt'), null);
  assert.equal(outletFromUrl(null), null);
});

test('outletKey: one outlet under case, "The", web suffixes, legal forms and aliases', () => {
  assert.equal(outletKey('The Kelvik Courier'), outletKey('kelvik courier'));
  assert.equal(outletKey('Kelvik Courier Media Group LLC'), outletKey('Kelvik Courier'));
  assert.equal(outletKey('kelvikcourier.com'), outletKey('Kelvik Courier'));
  assert.equal(outletKey('AP'), outletKey('The Associated Press'));
  assert.equal(outletKey('theguardian.com'), outletKey('The Guardian'));
  assert.notEqual(outletKey('Kelvik Courier'), outletKey('Kelvik Post'));
  assert.equal(knownOutletByName('AFP')?.wire, true);
  assert.equal(knownOutletByName('Kelvik Courier'), null);
});
