import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, browserMissing, launchBrowser, serveSampleStory, type SampleServer } from './browser.js';

const skip = browserMissing() ?? false;
let browser: Browser;
let sample: SampleServer;
let storyId: string;

before(async () => {
  if (skip) return;
  sample = await serveSampleStory();
  storyId = (await sample.store.listStories())[0].id; // the largest story comes first
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await sample?.stop();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(sample.server.url + path);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

const renderedDates = (page: Page) =>
  page.$$eval('#timeline > li.entry', (els) => els.map((el) => (el as HTMLElement).dataset.date ?? ''));

async function apiTimeline(
  query = '',
): Promise<{ timeline: { entries: { date: string; summary: string[] }[] } }> {
  const res = await fetch(`${sample.server.url}/api/stories/${encodeURIComponent(storyId)}/timeline${query}`);
  assert.equal(res.status, 200);
  return (await res.json()) as any;
}

/** Wait until the page has rendered a timeline different from `before` (filters and adds re-render it). */
async function waitForChange(page: Page, before: string[]) {
  await page.waitForFunction((prev) => {
    const now = Array.from(document.querySelectorAll('#timeline > li.entry')).map(
      (el) => (el as HTMLElement).dataset.date,
    );
    return !document.body.hasAttribute('aria-busy') && JSON.stringify(now) !== prev;
  }, JSON.stringify(before));
}

test(
  "the timeline view renders the story's dates, in order, with sources; screenshot saved",
  { skip },
  async () => {
    const expected = (await sample.store.storyTimeline(storyId)).entries.map((e) => e.date);
    assert.ok(expected.length >= 3, `the sample story should give several dates, got ${expected.length}`);
    const { page, errors } = await open(`/?story=${encodeURIComponent(storyId)}`);
    const dates = await renderedDates(page);
    assert.deepEqual(dates, expected);
    assert.deepEqual([...dates].sort(), dates);
    // Every entry shows a readable date, a summary and at least one numbered source.
    const first = page.locator('#timeline > li.entry').first();
    assert.match((await first.locator('time').getAttribute('datetime')) ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok((await first.locator('.summary').count()) >= 1);
    assert.ok((await first.locator('.sources li').count()) >= 1);
    // The coverage chart highlights exactly the timeline's days that have articles.
    assert.ok((await page.locator('#coverage-chart svg rect.bar').count()) >= 1);
    assert.equal(await page.title(), 'Chronicle');
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'artifacts/timeline.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test('filtering by an entity narrows the timeline to entries that mention it', { skip }, async () => {
  const full = (await apiTimeline()).timeline.entries;
  const { page, errors } = await open(`/?story=${encodeURIComponent(storyId)}`);
  const options = await page.$$eval('#f-entity option', (els) =>
    els.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
  );
  // The first entity (by mentions) whose filter keeps some but not all dates.
  let chosen: { name: string; dates: string[] } | null = null;
  for (const name of options) {
    const dates = (await apiTimeline(`?entity=${encodeURIComponent(name)}`)).timeline.entries.map(
      (e) => e.date,
    );
    if (dates.length > 0 && dates.length < full.length) {
      chosen = { name, dates };
      break;
    }
  }
  assert.ok(chosen, `no entity among ${options.length} narrows the ${full.length}-date timeline`);
  const before = await renderedDates(page);
  await page.selectOption('#f-entity', chosen.name);
  await waitForChange(page, before);
  const dates = await renderedDates(page);
  assert.deepEqual(dates, chosen.dates);
  assert.ok(dates.length < before.length);
  assert.match(
    page.url(),
    new RegExp(`entity=${encodeURIComponent(chosen.name).replace(/%20/g, '(%20|\\+)')}`),
  );
  assert.match((await page.locator('#status').textContent()) ?? '', /filtered by entity/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('adding an article through the form updates the timeline', { skip }, async () => {
  const { page, errors } = await open(`/?story=${encodeURIComponent(storyId)}`);
  const articlesBefore = (await sample.store.getStory(storyId))?.articles ?? 0;
  await page.fill(
    '#a-text',
    'Salvage crews refloated the tanker Aster Dawn in Kelvik harbour on Friday and towed it to a repair yard. ' +
      'Minister Ingrid Solvang said the clean-up of the beaches would continue through the spring.',
  );
  await page.fill('#a-title', 'Aster Dawn towed out of Kelvik harbour');
  await page.fill('#a-source', 'Test Desk');
  await page.fill('#a-date', '2024-03-08');
  await page.selectOption('#a-story', storyId);
  const posted = page.waitForResponse(
    (r) => r.url().endsWith('/api/articles') && r.request().method() === 'POST',
  );
  await page.click('#add-submit');
  const res = await posted;
  assert.equal(res.status(), 201);
  await page.waitForFunction(() =>
    /Added 1 article/.test(document.getElementById('add-status')?.textContent ?? ''),
  );
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
  assert.equal((await sample.store.getStory(storyId))?.articles, articlesBefore + 1);
  // The page shows the story as it now is: its article count and the store's timeline.
  await page.waitForFunction(
    (n) => (document.getElementById('story-meta')?.textContent ?? '').startsWith(`${n} articles`),
    articlesBefore + 1,
  );
  // The story now runs to the new article's day, and the page shows the store's new timeline.
  assert.match((await page.locator('#story-meta').textContent()) ?? '', /8 March 2024/);
  const after = await renderedDates(page);
  assert.deepEqual(
    after,
    (await apiTimeline()).timeline.entries.map((e) => e.date),
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article containing <script> is shown as text and no script runs', { skip }, async () => {
  const { page, errors } = await open(`/?story=${encodeURIComponent(storyId)}`);
  const payload = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
  await page.fill('#a-text', `Zebrafinch harbour notice ${payload} was posted at the quay gate.`);
  await page.fill('#a-title', `Quay notice ${payload}`);
  await page.fill('#a-date', '2024-03-09');
  await page.click('#add-submit');
  await page.waitForFunction(() =>
    /Added 1 article/.test(document.getElementById('add-status')?.textContent ?? ''),
  );
  await page.fill('#search-q', 'Zebrafinch');
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('#search-hits li .hit-title');
  const title = await page.locator('#search-hits .hit-title').first().textContent();
  assert.equal(title, `Quay notice ${payload}`);
  const snippet = (await page.locator('#search-hits .snippet').first().textContent()) ?? '';
  assert.match(snippet, /<script>|onerror/);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.locator('script').count(), 1); // only /app.js
  assert.equal(await page.locator('#main img').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test(
  'on a phone-width screen nothing overflows sideways, and chips filter from the keyboard',
  { skip },
  async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${sample.server.url}/?story=${encodeURIComponent(storyId)}`);
    await page.waitForSelector('body[data-ready="true"]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const before = await renderedDates(page);
    const chip = page.locator('#timeline .chip').first();
    const name = (await chip.textContent()) ?? '';
    await chip.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => new URLSearchParams(location.search).get('entity') === n, name);
    await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
    assert.equal(await page.locator('#f-entity').inputValue(), name);
    const after = await renderedDates(page);
    assert.ok(after.length <= before.length && after.length > 0);
    assert.deepEqual(errors, []);
    await page.close();
  },
);
