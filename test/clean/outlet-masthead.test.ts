import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletMastheadRule } from '../../src/clean/rules/outlet-masthead.js';
import { BODY, outletOfText as outletOf } from './helpers.js';

test('outlet-masthead: a name alone on the first line that the page names again', async () => {
  const raw = `The Ashcombe Sentinel\nNews Sport\n\nQuay opens\n\n${BODY}\n\nLetters to the Ashcombe Sentinel`;
  assert.equal(await outletOf(raw, outletMastheadRule), 'The Ashcombe Sentinel');
  // Named once only, on top: a menu item as likely as a logo.
  assert.equal(await outletOf(`Startseite Blog\n\nQuay opens\n\n${BODY}`, outletMastheadRule), null);
});

test('outlet-masthead: a menu word or a headline on the first line is no outlet', async () => {
  assert.equal(
    await outletOf(`Harbour\n\nQuay opens\n\n${BODY} The harbour is busy.`, outletMastheadRule),
    null,
  );
  assert.equal(await outletOf(`Quay opens after two years of work\n\n${BODY}`, outletMastheadRule), null);
});
