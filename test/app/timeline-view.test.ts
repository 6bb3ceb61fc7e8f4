/** The timeline view on linkedom: entries, citations, sources, quotes and entity chips, without a browser. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, mount, texts } from './dom.js';
import { ENTITIES, ENTRIES, QUOTES } from './fixtures.js';
import { countText, render, type TimelineProps } from '../../web/src/views/timeline.js';

before(() => installDom());

const BASE = 'http://127.0.0.1:8080/?story=s1';
const view = (over: Partial<TimelineProps> = {}) =>
  mount(
    render({
      entries: ENTRIES,
      quotes: QUOTES,
      entities: ENTITIES,
      activeEntity: '',
      base: BASE,
      onEntity: () => {},
      ...over,
    }),
    'ol',
  );

test('one item per date, in order, with the date readable and machine-readable', () => {
  const ol = view();
  const items = Array.from(ol.querySelectorAll(':scope > li.entry')) as HTMLElement[];
  assert.deepEqual(
    items.map((li) => li.getAttribute('data-date')),
    ['2031-05-02', '2031-05-09'],
  );
  assert.equal(items[0].id, 'd-2031-05-02');
  assert.equal(items[0].querySelector('time')?.getAttribute('datetime'), '2031-05-02');
  assert.equal(items[0].querySelector('time')?.textContent, 'Fri, 2 May 2031');
  assert.equal(countText(2), '(2 dates)');
  assert.equal(countText(1), '(1 date)');
});

test('sentences cite numbered sources that link to the entry’s source list', () => {
  const first = view().querySelector('li.entry')!;
  assert.deepEqual(texts(first, '.summary .cite'), ['[1]', '[2]']);
  assert.equal(first.querySelector('.cite')?.getAttribute('href'), '#d-2031-05-02-s1');
  const sources = Array.from(first.querySelectorAll('.sources > li'));
  assert.deepEqual(
    sources.map((li) => li.id),
    ['d-2031-05-02-s1', 'd-2031-05-02-s2', 'd-2031-05-02-s3'],
  );
  // http(s) sources are links; a javascript: address is shown as text only.
  assert.equal(sources[0].querySelector('a')?.getAttribute('href'), 'https://echo.example/pier');
  assert.equal(sources[1].querySelector('a'), null);
  assert.equal(sources[1].textContent, 'Fjord Post: Report a2 (3 May)'); // published on another day
  // 5 sources in all, 3 listed.
  assert.equal(first.querySelector('.more-sources')?.textContent, 'and 2 more sources');
});

test('a sentence reported by several outlets says how many', () => {
  const first = view().querySelector('li.entry')!;
  assert.deepEqual(texts(first, '.summary .outlets'), [' · 3 outlets']); // the second sentence has none
});

test('markup in the data stays text: no element is made from it', () => {
  const second = view().querySelectorAll('li.entry')[1];
  assert.equal(second.querySelector('script'), null);
  assert.match(second.querySelector('.summary')?.textContent ?? '', /<script>alert\(1\)<\/script>/);
});

test('a date’s quotes appear under it, without the comma that led into the cue', () => {
  const first = view().querySelector('li.entry')!;
  assert.deepEqual(texts(first, '.entry-quotes blockquote'), ['We will reopen the pier by June']);
  assert.deepEqual(texts(first, '.entry-quotes figcaption'), ['— Marta Lindqvist']);
  assert.equal(view().querySelectorAll('li.entry')[1].querySelector('.entry-quotes'), null);
});

test('chips name the entities an entry mentions (by name or alias, whole words only)', () => {
  const [first, second] = Array.from(view().querySelectorAll('li.entry'));
  assert.deepEqual(texts(first, '.chip'), ['Marta Lindqvist', 'Orrby Council', 'Lind', 'Orrby']);
  assert.equal(first.querySelector('.chip')?.getAttribute('class'), 'chip chip-person');
  // "Lindqvistbyn" mentions neither Lindqvist nor Lind.
  assert.equal(second.querySelector('.chips'), null);
});

test('a chip toggles the entity filter and shows whether it is on', () => {
  const calls: string[] = [];
  const ol = view({ activeEntity: 'Lind', onEntity: (n) => calls.push(n) });
  const chips = Array.from(ol.querySelectorAll('.chip')) as HTMLElement[];
  const lind = chips.find((c) => c.textContent === 'Lind')!;
  const orrby = chips.find((c) => c.textContent === 'Orrby')!;
  assert.equal(lind.getAttribute('aria-pressed'), 'true');
  assert.equal(orrby.getAttribute('aria-pressed'), 'false');
  lind.dispatchEvent(new (lind.ownerDocument.defaultView as any).Event('click'));
  orrby.dispatchEvent(new (orrby.ownerDocument.defaultView as any).Event('click'));
  assert.deepEqual(calls, ['', 'Orrby']);
});
