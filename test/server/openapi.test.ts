import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json, testApp } from './helpers.js';
import * as R from '../../src/server/responses.js';
import { timelineQuery } from '../../src/server/schemas.js';
import { DEFAULT_MAX_SOURCES } from '../../src/server/timeline-view.js';

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

test('the document is generated from the zod schemas: parameters and bodies follow them', async () => {
  const { app } = testApp({ limits: { maxArticles: 7, maxUrls: 3 } });
  const doc = await json(await app.request('/openapi.json'));
  // The timeline route takes exactly the query parameters its request schema accepts.
  const params = doc.paths['/api/stories/{id}/timeline'].get.parameters;
  assert.deepEqual(
    params.filter((p: any) => p.in === 'query').map((p: any) => p.name),
    Object.keys(timelineQuery.shape),
  );
  const maxSources = params.find((p: any) => p.name === 'maxSources');
  assert.equal(maxSources.schema.maximum, 10_000);
  assert.equal(maxSources.schema.default, DEFAULT_MAX_SOURCES);
  // A response component lists the response schema's fields, the non-optional ones as required.
  const view = doc.components.schemas.TimelineView;
  assert.deepEqual(Object.keys(view.properties), Object.keys(R.timelineView.shape));
  assert.deepEqual(view.required, Object.keys(R.timelineView.shape));
  assert.equal(view.properties.story.$ref, '#/components/schemas/StorySummary');
  const entry = doc.components.schemas.TimelineEntry;
  assert.ok(!entry.required.includes('sourceCount') && entry.required.includes('date'));
  // The write route's JSON body carries this server's limits and references the article component.
  const [articles, urls] =
    doc.paths['/api/articles'].post.requestBody.content['application/json'].schema.oneOf;
  assert.equal(articles.properties.articles.maxItems, 7);
  assert.equal(articles.properties.articles.items.$ref, '#/components/schemas/ArticleInput');
  assert.equal(urls.properties.urls.maxItems, 3);
  assert.deepEqual(doc.components.schemas.ArticleInput.required, ['text']);
});
