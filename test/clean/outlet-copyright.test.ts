import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletCopyrightRule } from '../../src/clean/rules/outlet-copyright.js';
import { BODY, outletOfText as outletOf } from './helpers.js';

test('outlet-copyright: the holder of a copyright footer', async () => {
  assert.equal(
    await outletOf(`${BODY}\n\n© 2024 Marlow Bay Times. All rights reserved.`, outletCopyrightRule),
    'Marlow Bay Times',
  );
  assert.equal(
    await outletOf(`${BODY}\n\nCopyright © 2024, Coast Post | Terms of use`, outletCopyrightRule),
    'Coast Post',
  );
  assert.equal(
    await outletOf(`${BODY}\n\n2005-2024 Kelvik Courier, Inc. All Rights Reserved`, outletCopyrightRule),
    'Kelvik Courier',
  );
  assert.equal(
    await outletOf(`${BODY}\n\n© 2024 The Dunmore Herald unless otherwise noted.`, outletCopyrightRule),
    'The Dunmore Herald',
  );
});

test('outlet-copyright: "© Name" under a photo, without year or reserved rights, is no footer', async () => {
  assert.equal(await outletOf(`${BODY}\n\nThe new quay at dawn. © Ann Vik`, outletCopyrightRule), null);
});

test('outlet-copyright: a sentence about copyright law is no footer', async () => {
  assert.equal(
    await outletOf(
      `${BODY}\n\nThe court ruled that copyright in the photographs had expired.`,
      outletCopyrightRule,
    ),
    null,
  );
});
