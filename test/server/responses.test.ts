/**
 * The response schemas (src/server/responses.ts) hold for what the server really sends: every read route of
 * the real SQLite store, after a write through the API, parses with its (strict) schema, so the web app's
 * typed client and the generated OpenAPI document cannot drift from the routes unnoticed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { openStore, type Store } from '../../src/store/index.js';
import { createApp } from '../../src/server/app.js';
import { timelineView } from '../../src/server/timeline-view.js';
import * as R from '../../src/server/responses.js';
import { BRIDGE_ARTICLES } from './helpers.js';

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;
let storyId: string;

async function body<S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<z.infer<S>> {
  const res = await app.request(path, init);
  const parsed = schema.safeParse(await res.json());
  assert.ok(parsed.success, `${path}: ${parsed.error?.message}`);
  return parsed.data as z.infer<S>;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chronicle-responses-'));
  store = await openStore(join(dir, 'api.db'));
  app = createApp({ store, log: () => {} });
  const ok = await body('/api/articles', R.ingestResponse, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ articles: BRIDGE_ARTICLES }),
  });
  assert.equal(ok.added.length, 3);
  storyId = ok.storiesTouched[0];
});

after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('every read route answers what its response schema says', async () => {
  const id = encodeURIComponent(storyId);
  await body('/healthz', R.health);
  const { stories } = await body('/api/stories', R.storyList);
  assert.ok(stories.length >= 1);
  await body(`/api/stories/${id}`, R.storyResponse);
  const view = await body(`/api/stories/${id}/timeline`, R.timelineView);
  assert.ok(view.timeline.entries.length >= 1 && view.coverage.length >= 1);
  // Cut source lists carry sourceCount; a filter is echoed back.
  const cut = await body(`/api/stories/${id}/timeline?maxSources=1&entity=Tomas%20Berg`, R.timelineView);
  assert.equal(cut.filters.entity, 'Tomas Berg');
  const ents = await body(`/api/stories/${id}/entities`, R.entitiesResponse);
  assert.ok(ents.entities.some((e) => e.name === 'Tomas Berg'));
  await body(`/api/stories/${id}/quotes`, R.quotesResponse);
  const found = await body('/api/search?q=ferry', R.searchResponse);
  assert.ok(found.hits.length >= 1);
  await body('/api/sources', R.sourcesResponse);
});

test('error bodies follow the error schema', async () => {
  await body('/api/stories/no-such-story', R.errorBody);
  await body('/api/search', R.errorBody);
  await body('/api/articles', R.errorBody, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ articles: [{ text: 'x', publishedAt: '2025-13-40' }] }),
  });
});

test('a strict schema refuses a field the route does not declare', () => {
  const hit = {
    articleId: 'a',
    title: null,
    source: null,
    publishedAt: null,
    url: null,
    snippet: 's',
    score: 1,
  };
  assert.ok(R.searchHit.safeParse(hit).success);
  assert.equal(R.searchHit.safeParse({ ...hit, extra: 1 }).success, false);
});

test('the server-side view type is assignable to the schema type the web app reads', async () => {
  // A compile-time check as much as a run-time one: timelineView's return type must fit R.TimelineView.
  const s = (await store.getStory(storyId))!;
  const view: R.TimelineView = await timelineView(store, s, {});
  assert.ok(R.timelineView.safeParse(JSON.parse(JSON.stringify(view))).success);
});
