import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletSelfReferenceRule } from '../../src/clean/rules/outlet-self-reference.js';
import { BODY, outletOfText as outletOf } from './helpers.js';

test('outlet-self-reference: furniture naming the site adds up to the outlet', async () => {
  const raw = `Subscribe to the Dunmore Herald\nSearch Dunmore Herald\n\n${BODY}\n\nAbout Dunmore Herald\nFollow Dunmore Herald on social media`;
  assert.equal(await outletOf(raw, outletSelfReferenceRule), 'Dunmore Herald');
  assert.equal(
    await outletOf(`${BODY}\n\nKestrel News is supported by its readers.`, outletSelfReferenceRule),
    'Kestrel News',
  );
});

test('outlet-self-reference: "About Us", "Contact us", "Search" are no outlet', async () => {
  assert.equal(
    await outletOf(`${BODY}\n\nAbout Us\nContact us\nSearch\nFollow us`, outletSelfReferenceRule),
    null,
  );
});
