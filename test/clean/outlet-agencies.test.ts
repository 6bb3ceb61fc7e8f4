import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletAgenciesRule } from '../../src/clean/rules/outlet-agencies.js';
import { outletRule } from '../../src/clean/rules/outlet.js';
import { BODY, clean } from './helpers.js';

test('outlet-agencies: "<Outlet> staff and agencies" names the outlet and is removed', async () => {
  const a = clean(`Quay opens\nHarbour Gazette staff and agencies\n\n${BODY}`, [
    outletAgenciesRule,
    outletRule,
  ]);
  assert.equal(a.source, 'Harbour Gazette');
  assert.ok(!a.text.includes('agencies'));
  assert.equal(
    clean(`Quay opens\nCoast Post with agencies\n\n${BODY}`, [outletAgenciesRule, outletRule]).source,
    'Coast Post',
  );
});

test('outlet-agencies: a sentence about agencies stays', async () => {
  const raw = `${BODY}\n\nThe port works with several shipping agencies.`;
  assert.equal(clean(raw, [outletAgenciesRule, outletRule]).text, raw);
});
