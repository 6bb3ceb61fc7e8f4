import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletTrailerRule } from '../../src/clean/rules/outlet-trailer.js';
import { outletRule } from '../../src/clean/rules/outlet.js';
import { BODY, clean } from './helpers.js';

test('outlet-trailer: "originally published by X" names the outlet and is removed', async () => {
  const a = clean(`${BODY}\n\nThis story was originally published by The Fenwick Observer.`, [
    outletTrailerRule,
    outletRule,
  ]);
  assert.equal(a.source, 'The Fenwick Observer');
  assert.equal(a.text, BODY);
  assert.equal(
    clean(`${BODY}\n\nThis article first appeared in Marlow Review on May 2.`, [
      outletTrailerRule,
      outletRule,
    ]).source,
    'Marlow Review',
  );
});

test('outlet-trailer: a date is no outlet', async () => {
  assert.equal(
    clean(`${BODY}\n\nFirst published on November 19, 2024 / 8:16 AM`, [outletTrailerRule, outletRule])
      .source,
    null,
  );
});
