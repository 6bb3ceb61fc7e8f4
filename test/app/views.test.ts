/** The web app's other views and pure helpers on linkedom, without a browser. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, mount, texts } from './dom.js';
import { QUOTES } from './fixtures.js';
import * as coverage from '../../web/src/views/coverage.js';
import * as graph from '../../web/src/views/entity-graph.js';
import * as filters from '../../web/src/views/filters.js';
import * as quotes from '../../web/src/views/quotes.js';
import * as search from '../../web/src/views/search-results.js';
import * as storyHead from '../../web/src/views/story-head.js';
import * as storyList from '../../web/src/views/story-list.js';
import { reportText } from '../../web/src/views/add-report.js';
import { readState, stateQuery, timelineParams, filterText } from '../../web/src/state.js';
import type { StorySummary } from '../../web/src/api.js';

let doc: Document;
before(() => (doc = installDom()));
const click = (el: Element, type = 'click', init: object = {}) => {
  const ev = new (doc.defaultView as any).Event(type, { cancelable: true });
  Object.assign(ev, init);
  el.dispatchEvent(ev);
  return ev as Event;
};

const STORY: StorySummary = {
  id: 'orrby-pier',
  title: 'Orrby pier closed',
  articles: 4,
  from: '2031-05-02',
  to: '2031-05-09',
  topEntities: [],
  sources: ['Orrby Echo', 'Coast Wire'],
  version: 1,
};

test('coverage: one bar per day; the timeline’s days highlighted and linked to their entry', () => {
  const svg = coverage.render({
    coverage: [
      { date: '2031-05-02', articles: 3 },
      { date: '2031-05-03', articles: 0 },
      { date: '2031-05-04', articles: 1 },
    ],
    selected: new Set(['2031-05-02']),
  });
  assert.equal(svg.localName, 'svg');
  assert.equal(svg.querySelectorAll('rect.bar').length, 3);
  const on = svg.querySelectorAll('rect.selected');
  assert.equal(on.length, 1);
  assert.equal(on[0].getAttribute('data-date'), '2031-05-02');
  assert.equal(on[0].parentElement?.getAttribute('href'), '#d-2031-05-02');
  assert.match(svg.getAttribute('aria-label') ?? '', /^4 articles over 3 days, most on one day: 3\. 1 days/);
  assert.equal(svg.querySelector('rect[data-date="2031-05-03"]')?.getAttribute('height'), '0');
  const empty = coverage.render({ coverage: [], selected: new Set() });
  assert.equal(empty.textContent, 'No dated articles yet.');
});

test('entity graph: the strongest links among at most 9 names; nodes filter by click and keyboard', () => {
  const names = 'ABCDEFGHIJKLMN'.split('').map((c) => `Name ${c}`);
  const pairs = names.slice(1).map((b, i) => ({ a: names[0], b, articles: 20 - i }));
  const { names: shown, chosen } = graph.chooseLinks(pairs);
  assert.equal(shown.length, graph.MAX_NAMES);
  assert.equal(chosen.length, graph.MAX_NAMES - 1);
  const calls: string[] = [];
  const entities = names.map((name, i) => ({
    id: `e${i}`,
    name,
    type: 'PERSON' as const,
    aliases: [],
    mentions: 10 - (i % 5),
    articleIds: [],
  }));
  const svg = graph.render({ entities, pairs, activeEntity: 'Name B', onEntity: (n) => calls.push(n) });
  const nodes = Array.from(svg.querySelectorAll('g.node'));
  assert.equal(nodes.length, graph.MAX_NAMES);
  assert.equal(svg.querySelectorAll('line.edge').length, chosen.length);
  assert.equal(nodes[1].getAttribute('class'), 'node active');
  assert.equal(nodes[0].getAttribute('aria-label'), 'Filter by Name A');
  click(nodes[0]);
  click(nodes[1]); // the active one: clears the filter
  const enter = click(nodes[2], 'keydown', { key: 'Enter' });
  click(nodes[3], 'keydown', { key: 'Tab' }); // not a press
  assert.deepEqual(calls, ['Name A', '', 'Name C']);
  assert.equal(enter.defaultPrevented, true);
  const list = mount(graph.renderPairs(pairs), 'ol');
  assert.equal(list.children.length, graph.MAX_PAIRS_LISTED);
  assert.equal(list.firstElementChild?.textContent, 'Name A & Name B 20 articles');
  const none = graph.render({ entities: [], pairs: [], activeEntity: '', onEntity: () => {} });
  assert.match(none.textContent ?? '', /^Not enough people/);
});

test('story list: a link per story, the current one marked, a click picks without navigating', () => {
  const picked: string[] = [];
  const other = { ...STORY, id: 'other', title: 'Other', articles: 1, from: '2031-06-01', to: '2031-06-01' };
  const ul = mount(
    storyList.render({ stories: [STORY, other], current: 'other', onPick: (id) => picked.push(id) }),
    'ul',
  );
  const links = Array.from(ul.querySelectorAll('a'));
  assert.deepEqual(texts(ul, '.story-name'), ['Orrby pier closed', 'Other']);
  assert.deepEqual(texts(ul, '.story-dates'), ['2 May – 9 May', '1 Jun']);
  assert.deepEqual(texts(ul, '.story-count'), ['4 articles', '1 article']);
  assert.equal(links[0].getAttribute('href'), '?story=orrby-pier');
  assert.equal(links[0].getAttribute('aria-current'), null);
  assert.equal(links[1].getAttribute('aria-current'), 'page');
  const ev = click(links[0]);
  assert.equal(ev.defaultPrevented, true);
  assert.deepEqual(picked, ['orrby-pier']);
  storyList.markCurrent(ul, 'orrby-pier');
  assert.equal(links[0].getAttribute('aria-current'), 'page');
  assert.equal(links[1].getAttribute('aria-current'), null);
  assert.equal(storyHead.metaText(STORY), '4 articles · Fri, 2 May 2031 to Fri, 9 May 2031 · 2 sources');
});

test('filter lists: most mentioned first; a value from the URL not in the list is kept', () => {
  const ents = [
    { id: 'a', name: 'Orrby', type: 'LOC' as const, aliases: [], mentions: 2 },
    { id: 'b', name: 'Marta Lindqvist', type: 'PERSON' as const, aliases: [], mentions: 7 },
  ];
  const sel = mount(filters.entityOptions(ents, 'Nobody Known'), 'select');
  assert.deepEqual(texts(sel, 'option'), ['Everyone', 'Marta Lindqvist (7)', 'Orrby (2)', 'Nobody Known']);
  const src = mount(filters.sourceOptions(STORY.sources, 'Coast Wire'), 'select');
  assert.deepEqual(texts(src, 'option'), ['All sources', 'Orrby Echo', 'Coast Wire']);
  const into = mount(filters.targetStoryOptions(STORY), 'select');
  assert.deepEqual(texts(into, 'option'), ['Let Chronicle decide', 'This story: Orrby pier closed']);
});

test('quotes: trimmed, attributed, dated; a note when there are none', () => {
  const ol = mount(quotes.render(QUOTES), 'ol');
  assert.deepEqual(texts(ol, 'blockquote'), ['We will reopen the pier by June', 'Nobody was hurt.']);
  assert.deepEqual(texts(ol, 'figcaption'), ['Marta Lindqvist · 2 May', 'unattributed']);
  assert.equal(mount(quotes.render([]), 'ol').textContent, 'No quotes found.');
});

test('search results: titles and snippets as text; only http(s) addresses are links', () => {
  const hit = {
    articleId: 'a9',
    title: 'Quay notice <img src=x onerror=alert(1)>',
    source: 'Orrby Echo',
    publishedAt: '2031-05-04',
    url: 'javascript:alert(1)',
    snippet: 'the <b>pier</b> notice',
    score: 1,
  };
  const ol = mount(
    search.render({
      q: 'pier',
      hits: [hit, { ...hit, url: '/local', title: null }],
      base: 'https://c.example/',
    }),
    'ol',
  );
  assert.equal(ol.querySelector('img'), null);
  assert.equal(ol.querySelector('b'), null);
  const titles = Array.from(ol.querySelectorAll('.hit-title'));
  assert.equal(titles[0].textContent, hit.title);
  assert.equal(titles[0].querySelector('a'), null);
  assert.equal(titles[1].querySelector('a')?.getAttribute('href'), 'https://c.example/local');
  assert.equal(titles[1].textContent, 'the <b>pier</b> notice'); // no title: the snippet's start
  assert.deepEqual(texts(ol, '.muted'), ['Orrby Echo · Sun, 4 May 2031', 'Orrby Echo · Sun, 4 May 2031']);
  assert.equal(
    mount(search.render({ q: 'kelp', hits: [], base: '' }), 'ol').textContent,
    'No articles match “kelp”.',
  );
});

test('view state round-trips through the URL; requests carry only the filters and dates', () => {
  const st = readState('?q=pier&story=orrby-pier&entity=Marta%20Lindqvist&dates=5&unknown=1');
  assert.deepEqual(st, {
    story: 'orrby-pier',
    entity: 'Marta Lindqvist',
    source: '',
    from: '',
    to: '',
    dates: '5',
    q: 'pier',
  });
  assert.equal(stateQuery(st), '?story=orrby-pier&entity=Marta+Lindqvist&dates=5&q=pier');
  assert.deepEqual(readState(stateQuery(st)), st);
  assert.equal(timelineParams(st).toString(), 'entity=Marta+Lindqvist&dates=5');
  assert.equal(filterText(st), 'filtered by entity Marta Lindqvist');
  assert.equal(stateQuery(readState('')), '');
});

test('the add form’s report: added, already stored, skipped', () => {
  const r = {
    added: ['a'],
    duplicates: ['b', 'c'],
    storiesTouched: [],
    errors: [{ input: 'x.txt', message: 'empty' }],
  };
  assert.equal(reportText(r), 'Added 1 article, 2 already stored. Skipped: x.txt: empty');
  assert.equal(reportText({ ...r, added: [], duplicates: [], errors: [] }), 'Added 0 articles.');
});
