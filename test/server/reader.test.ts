/**
 * Timelines built on the reader thread: a write through the server answers once the touched story's cached
 * views are rebuilt (its client sees its own write); a change made by another process is answered from the
 * previous view, marked stale, until the rebuild is done, and never waited on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../../src/store/index.js';
import { createApp } from '../../src/server/app.js';
import { StoreReader } from '../../src/server/reader.js';
import { art, miniAnalyze } from '../store/helpers.js';
import { goodStore } from '../store/damage.js';

test("own writes are seen at once; another process's are served stale until rebuilt", async () => {
  const path = await goodStore();
  const store = new SqliteStore(path, { analyzer: miniAnalyze });
  const reader = new StoreReader(path);
  try {
    const app = createApp({ store, reader, summaryTtlMs: 0, log: () => {} });
    const route = '/api/stories/harbour/timeline';
    const first = await app.request(route);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('chronicle-stale'), null);
    const articles = async (res: Response) =>
      ((await res.json()) as { story: { articles: number } }).story.articles;
    assert.equal(await articles(first), 4);

    const posted = await app.request('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        story: 'harbour',
        articles: [
          {
            text: 'Kessel Bay pilots escorted the tanker Northern Gull out to sea.',
            publishedAt: '2024-03-11',
          },
        ],
      }),
    });
    assert.equal(posted.status, 201);
    const mine = await app.request(route);
    assert.equal(mine.headers.get('chronicle-stale'), null);
    assert.equal(await articles(mine), 5);

    // Another process writes to the same file.
    const other = new SqliteStore(path, { analyzer: miniAnalyze });
    await other.ingest([art('Kessel Bay reopened to cruise ships after the diesel spill.', '2024-03-12')], {
      story: 'harbour',
    });
    await other.close();
    const stale = await app.request(route);
    assert.equal(stale.headers.get('chronicle-stale'), 'rebuilding');
    assert.equal(await articles(stale), 5);
    let fresh: Response | undefined;
    for (let i = 0; i < 200 && !fresh; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const res = await app.request(route);
      if (res.headers.get('chronicle-stale') === null) fresh = res;
    }
    assert.ok(fresh, 'the rebuilt view arrived');
    assert.equal(await articles(fresh), 6);
  } finally {
    await reader.close();
    await store.close();
  }
});
