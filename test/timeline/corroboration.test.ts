import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newArticle, type Article } from '../../src/model.js';
import { countOutlets, outletIdentity } from '../../src/timeline/corroboration.js';

const art = (id: string, fields: Partial<Article> = {}) => newArticle({ id, rawText: 'x', ...fields });

test('corroboration counts outlets: one outlet is one voice, a wire copy is the wire', () => {
  const wire = art('w', { source: 'Nordwire' });
  const copy = art('c', { source: 'Kelvik Courier', duplicateOf: 'w' });
  const own1 = art('k1', { source: 'Kelvik Courier' });
  const own2 = art('k2', { source: 'The Kelvik Courier' });
  const unknown = art('u');
  const byId = new Map([wire, copy, own1, own2, unknown].map((a) => [a.id, a]));
  assert.equal(outletIdentity(copy, byId), outletIdentity(wire, byId));
  assert.equal(countOutlets([wire, copy], byId), 1);
  assert.equal(countOutlets([own1, own2], byId), 1);
  assert.equal(countOutlets([wire, own1, unknown], byId), 3);
});
