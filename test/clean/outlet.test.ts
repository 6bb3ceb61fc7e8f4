import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletRule } from '../../src/clean/rules/outlet.js';
import { BODY, clean } from './helpers.js';

test('outlet rule: a given source is kept; nothing found gives null', () => {
  assert.equal(clean(BODY, [outletRule], { source: 'Given Outlet' }).source, 'Given Outlet');
  assert.equal(clean(BODY, [outletRule]).source, null);
});

test('outlet rule: the URL names the outlet (table, else the registrable domain)', () => {
  assert.equal(clean(BODY, [outletRule], { url: 'https://www.reuters.com/world/a-1' }).source, 'Reuters');
  assert.equal(
    clean(BODY, [outletRule], { url: 'https://news.kelvikpost.co.uk/a' }).source,
    'kelvikpost.co.uk',
  );
});
