import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletCreditRule } from '../../src/clean/rules/outlet-credit.js';
import { BODY, outletOfText as outletOf } from './helpers.js';

test('outlet-credit: the outlet of a photo credit', async () => {
  assert.equal(
    await outletOf(`${BODY}\n\nCrews at work. (Photo: Lars Menning/Kelvik Courier)`, outletCreditRule),
    'Kelvik Courier',
  );
  assert.equal(await outletOf(`${BODY}\n\nPhotograph: Ann Vik / Coast Post`, outletCreditRule), 'Coast Post');
});

test('outlet-credit: picture agencies say nothing about the outlet', async () => {
  assert.equal(await outletOf(`${BODY}\n\nPhoto: Ann Vik/Getty Images`, outletCreditRule), null);
});
