import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletMastheadRule } from '../../src/clean/rules/outlet-masthead.js';
import { BODY, outletOfText as outletOf } from './helpers.js';

test('outlet-masthead: a name alone on the first line', async () => {
  assert.equal(
    await outletOf(`The Ashcombe Sentinel\nNews Sport\n\nQuay opens\n\n${BODY}`, outletMastheadRule),
    'The Ashcombe Sentinel',
  );
});

test('outlet-masthead: a menu word or a headline on the first line is no outlet', async () => {
  assert.equal(
    await outletOf(`Harbour\n\nQuay opens\n\n${BODY} The harbour is busy.`, outletMastheadRule),
    null,
  );
  assert.equal(await outletOf(`Quay opens after two years of work\n\n${BODY}`, outletMastheadRule), null);
});
