/**
 * A store that already holds an impossible publication day (written before the API checked dates, or by hand)
 * still serves its stories: the day reads back as undated, never as a thrown RangeError.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/index.js';
import { isPlausibleDay, storedDay } from '../../src/store/core/days.js';
import { main } from '../../src/cli/index.js';
import { exportStory } from '../../src/render/story-export.js';
import { art, miniAnalyze } from './helpers.js';

const QUARRY = [
  'Water flooded the Brackwater quarry after heavy rain. Site manager Ilse Varga said the pumps had failed.',
  'Crews restarted the pumps at the Brackwater quarry. "The water is falling," said Ilse Varga.',
  'The Brackwater quarry reopened to workers. Ilse Varga thanked the pump crews for their work.',
];

/** A store whose story has two articles dated 2024-99-99 (set with raw SQL, as an old store may hold). */
async function storeWithBadDay() {
  const path = join(mkdtempSync(join(tmpdir(), 'chron-baddate-')), 'bad.db');
  const s = new SqliteStore(path, { analyzer: miniAnalyze });
  const r = await s.ingest(
    QUARRY.map((t, i) => art(t, i < 2 ? '2024-05-01' : '2024-05-03', { id: `q${i}` })),
    { story: 'quarry' },
  );
  assert.equal(r.added.length, 3);
  await s.close();
  const raw = new Database(path);
  raw.exec(`UPDATE articles SET published_at = '2024-99-99' WHERE id IN ('q0', 'q1');
    UPDATE stories SET first_day = '2024-05-03', last_day = '2024-99-99';
    UPDATE story_days SET day = '2024-99-99' WHERE day = '2024-05-01';
    DELETE FROM timelines;`);
  raw.close();
  return path;
}

test('isPlausibleDay accepts real calendar days in range only', async () => {
  for (const d of ['2024-02-29', '1605-01-01', '2199-12-31', '2025-04-30'])
    assert.equal(isPlausibleDay(d), true, d);
  for (const d of [
    '2024-99-99',
    '2023-02-29',
    '2024-04-31',
    '2024-00-10',
    '1599-12-31',
    '2200-01-01',
    '24-01-01',
  ])
    assert.equal(isPlausibleDay(d), false, d);
  assert.equal(storedDay('2024-13-01'), null);
  assert.equal(storedDay('2024-12-01'), '2024-12-01');
});

test('a stored impossible day reads as undated: timeline, export, lists and search all answer', async () => {
  const s = new SqliteStore(await storeWithBadDay());
  const story = await s.getStory('quarry');
  assert.equal(story?.from, '2024-05-03');
  assert.equal(story?.to, '2024-05-03');
  const t = await s.storyTimeline('quarry');
  for (const e of t.entries) assert.ok(isPlausibleDay(e.date), e.date);
  for (const format of ['json', 'markdown', 'html', 'timelinejs'] as const)
    assert.ok((await exportStory(s, 'quarry', format)).length > 0, format);
  assert.deepEqual(
    (await s.getArticles(['q0', 'q1', 'q2'])).map((a) => a.publishedAt),
    [null, null, '2024-05-03'],
  );
  assert.deepEqual(
    (await s.storyAnalysis('quarry')).articles.map((a) => a.id),
    ['q0', 'q1', 'q2'],
  );
  assert.ok((await s.search('quarry')).every((h) => h.publishedAt === null || isPlausibleDay(h.publishedAt)));
  assert.ok((await s.quotes({ story: 'quarry' })).every((q) => q.date === null));
  assert.ok((await s.storyDays('quarry')).every((d) => isPlausibleDay(d.day)));
  assert.equal((await s.listStories()).length, 1);
  await s.close();
});

test('`chronicle timeline --story` on a store holding an impossible day prints the timeline', async () => {
  const path = await storeWithBadDay();
  let out = '';
  let err = '';
  const code = await main(['timeline', '--story', 'quarry', '--db', path], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
  });
  assert.equal(err, '');
  assert.equal(code, 0);
  assert.match(out, /Brackwater/);
});

test('an impossible day given to the store is stored undated, with a warning', async () => {
  const s = new SqliteStore(':memory:', { analyzer: miniAnalyze });
  await s.ingest([art(QUARRY[0], '2024-02-30', { id: 'x1' })], { story: 'quarry' });
  const [a] = await s.getArticles(['x1']);
  assert.equal(a.publishedAt, null);
  assert.match(a.warnings.join(' '), /2024-02-30/);
  await s.close();
});
