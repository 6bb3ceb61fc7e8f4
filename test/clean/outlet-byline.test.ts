import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletBylineRule } from '../../src/clean/rules/outlet-byline.js';
import { BODY, outletOfText as outletOf } from './helpers.js';

const page = (byline: string) => `Quay opens after two years\n${byline}\n\n${BODY}`;

test('outlet-byline: "By X | Outlet", "By X, Agency", job titles and "for X"', async () => {
  assert.equal(await outletOf(page('By Ida Faring | Coastline Daily'), outletBylineRule), 'Coastline Daily');
  assert.equal(await outletOf(page('By Ida Faring, Reuters'), outletBylineRule), 'Reuters');
  assert.equal(
    await outletOf(page('By Ida Faring - Harbour Gazette Contributor'), outletBylineRule),
    'Harbour Gazette',
  );
  assert.equal(
    await outletOf(page('By Ida Faring | Kelvik Media for kelvikcourier.example'), outletBylineRule),
    'kelvikcourier.example',
  );
});

test('outlet-byline: "X, Outlet" under the headline; a wire with a desk is the wire', async () => {
  assert.equal(await outletOf(page('Tomas Vell, Nordwire'), outletBylineRule), 'Nordwire');
  assert.equal(
    await outletOf(page('Tomas Vell, AP National Security Writer'), outletBylineRule),
    'Associated Press',
  );
  assert.equal(
    await outletOf(page('Updated May 2, 2024 / 9:15 AM / Valley Wire'), outletBylineRule),
    'Valley Wire',
  );
});

test('outlet-byline: two writers, a job without outlet, a mayor are no outlet', async () => {
  assert.equal(await outletOf(page('By Ida Faring, Tomas Vell'), outletBylineRule), null);
  assert.equal(await outletOf(page('By Ida Faring | Staff writer'), outletBylineRule), null);
  assert.equal(await outletOf(`${BODY}\n\nAnna Berg, Mayor of Kelvik`, outletBylineRule), null);
});
