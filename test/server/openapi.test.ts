import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json, testApp } from './helpers.js';

test('the OpenAPI document describes every API route the app serves', async () => {
  const { app } = testApp();
  const doc = await json(await app.request('/openapi.json'));
  assert.equal(doc.openapi, '3.1.0');
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
  const served = app.routes
    .filter((r) => r.path.startsWith('/api/') || r.path === '/healthz' || r.path === '/openapi.json')
    .filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path}`);
  for (const route of served) assert.ok(documented.includes(route), `${route} is not in /openapi.json`);
  // Every $ref points at a defined component.
  const refs = JSON.stringify(doc).match(/"#\/components\/(schemas|responses)\/\w+"/g) ?? [];
  for (const r of refs) {
    const [, kind, name] = /#\/components\/(\w+)\/(\w+)/.exec(r) as RegExpExecArray;
    assert.ok(doc.components[kind][name], `${r} is not defined`);
  }
});
