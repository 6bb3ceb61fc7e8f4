import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletDatelineRule } from '../../src/clean/rules/outlet-dateline.js';
import { outletOfText as outletOf } from './helpers.js';

const menu = 'Home\nWorld\nBusiness\nSign in\nSubscribe\nWeather\nSport\nCulture\n\n';

test('outlet-dateline: agency datelines anywhere in the text', async () => {
  assert.equal(
    await outletOf(`${menu}VARNE (Nordwire) — The ferry was late again on Tuesday.`, outletDatelineRule),
    'Nordwire',
  );
  assert.equal(
    await outletOf(`${menu}GENEVA, March 3 (Reuters) - Talks stalled on Tuesday.`, outletDatelineRule),
    'Reuters',
  );
  assert.equal(
    await outletOf(`${menu}(AP) — Shares fell on Monday.`, outletDatelineRule),
    'Associated Press',
  );
});

test('outlet-dateline: brackets in an ordinary sentence are no dateline', async () => {
  assert.equal(
    await outletOf('The Oil Spill Agency (OSPRA) - the national body - laid booms.', outletDatelineRule),
    null,
  );
});
