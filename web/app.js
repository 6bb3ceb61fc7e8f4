/* global URLSearchParams, FormData, history, location, sessionStorage, performance, requestAnimationFrame */
/**
 * Chronicle's web app: plain ES module, no framework. All data from the API is rendered with textContent
 * and DOM nodes (never innerHTML), so article text can never become markup.
 */

const SVG = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);

/** Create an element with attributes and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  // append() turns strings into text nodes: data never becomes markup.
  el.append(...children.flat(2).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  setAttrs(el, attrs);
  el.append(...children.filter(Boolean));
  return el;
}
function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const fmtDay = (d) => (d ? dayFormat.format(new Date(d + 'T00:00:00Z')) : '');
const fmtShort = (d) => (d ? shortDay.format(new Date(d + 'T00:00:00Z')) : '');

/** A quote as read aloud: the comma that led into "she said" is not part of it. */
const quoteText = (t) => t.replace(/[\s,;:]+$/, '');

/** Only http(s) links are ever made clickable. */
function safeHref(url) {
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- API

class ApiFailure extends Error {}

async function api(path, init) {
  const res = await fetch(path, init);
  const type = res.headers.get('content-type') || '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiFailure((body && body.error && body.error.message) || `HTTP ${res.status}`);
  return body;
}

// ---------------------------------------------------------------- state (kept in the URL: shareable)

const FILTERS = ['entity', 'source', 'from', 'to'];

function readState() {
  const p = new URLSearchParams(location.search);
  // `dates` (how many dates to show) has no control on the page but is kept from the URL.
  const st = { story: p.get('story') || '', q: p.get('q') || '', dates: p.get('dates') || '' };
  for (const f of FILTERS) st[f] = p.get(f) || '';
  return st;
}

function writeState(st, push = true) {
  const p = new URLSearchParams();
  for (const k of ['story', ...FILTERS, 'dates', 'q']) if (st[k]) p.set(k, st[k]);
  const url = `${location.pathname}${p.size ? `?${p}` : ''}`;
  if (url !== location.pathname + location.search)
    (push ? history.pushState : history.replaceState).call(history, null, '', url);
}

let state = readState();
let stories = [];
let entityNames = [];
let renderSeq = 0;

function announce(msg) {
  $('status').textContent = msg;
}

// ---------------------------------------------------------------- stories

async function loadStories() {
  ({ stories } = await api('/api/stories'));
  const list = $('story-list');
  list.replaceChildren(
    ...stories.map((st) =>
      h(
        'li',
        {},
        h(
          'a',
          {
            href: `?story=${encodeURIComponent(st.id)}`,
            'aria-current': st.id === state.story ? 'page' : null,
            dataset: { story: st.id },
            onclick: (ev) => {
              ev.preventDefault();
              state = { story: st.id, q: '', dates: '', entity: '', source: '', from: '', to: '' };
              writeState(state);
              showStory();
            },
          },
          h('span', { class: 'story-name', text: st.title }),
          h('span', { class: 'story-dates muted', text: rangeText(st.from, st.to) }),
          h('span', {
            class: 'story-count muted',
            text: `${st.articles} article${st.articles === 1 ? '' : 's'}`,
          }),
        ),
      ),
    ),
  );
  $('stories-empty').hidden = stories.length > 0;
}

function rangeText(from, to) {
  if (!from) return '';
  return from === to ? fmtShort(from) : `${fmtShort(from)} – ${fmtShort(to)}`;
}

function markCurrentStory() {
  for (const a of document.querySelectorAll('#story-list a')) {
    if (a.dataset.story === state.story) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

// ---------------------------------------------------------------- story view

async function showStory() {
  if (!state.story && stories.length) state.story = stories[0].id;
  markCurrentStory();
  if (!state.story) {
    $('story').hidden = true;
    return;
  }
  const seq = ++renderSeq;
  const params = new URLSearchParams();
  for (const f of [...FILTERS, 'dates']) if (state[f]) params.set(f, state[f]);
  const id = encodeURIComponent(state.story);
  document.body.setAttribute('aria-busy', 'true');
  try {
    const [view, ents, all] = await Promise.all([
      api(`/api/stories/${id}/timeline?${params}`),
      api(`/api/stories/${id}/entities?limit=60`),
      // The unfiltered timeline's days, so the chart and the filter lists stay put while filtering.
      FILTERS.some((f) => state[f])
        ? api(`/api/stories/${id}/timeline${state.dates ? `?dates=${state.dates}` : ''}`)
        : null,
    ]);
    if (seq !== renderSeq) return; // a newer request won
    // A story merged into another answers (through a redirect) as that one: follow it in the URL and the list.
    if (view.story.id !== state.story) {
      state.story = view.story.id;
      writeState(state, false);
      markCurrentStory();
    }
    performance.mark('chronicle:data');
    renderStory(view, ents, all ?? view);
    performance.mark('chronicle:timeline');
    const n = view.timeline.entries.length;
    const narrowed = FILTERS.filter((f) => state[f]).map((f) => `${f} ${state[f]}`);
    announce(
      `${n} date${n === 1 ? '' : 's'} on the timeline${narrowed.length ? `, filtered by ${narrowed.join(', ')}` : ''}.`,
    );
  } catch (e) {
    if (seq !== renderSeq) return;
    $('story').hidden = true;
    announce(`Could not load the story: ${e.message}`);
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

function renderStory(view, ents, all) {
  const st = view.story;
  $('story').hidden = false;
  $('story-title').textContent = st.title;
  $('story-meta').textContent = [
    `${st.articles} article${st.articles === 1 ? '' : 's'}`,
    st.from ? `${fmtDay(st.from)} to ${fmtDay(st.to)}` : null,
    st.sources.length ? `${st.sources.length} source${st.sources.length === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const into = $('a-story');
  const keep = into.value;
  into.replaceChildren(
    h('option', { value: '', text: 'Let Chronicle decide' }),
    h('option', { value: st.id, text: `This story: ${st.title}` }),
  );
  into.value = keep === st.id ? keep : '';
  for (const fmt of ['json', 'markdown', 'timelinejs'])
    $(`export-${fmt}`).href = `/api/stories/${encodeURIComponent(st.id)}/export?format=${fmt}`;

  entityNames = view.timeline.entities.length
    ? view.timeline.entities
    : ents.entities.map(({ id, name, type, aliases, mentions }) => ({ id, name, type, aliases, mentions }));
  fillFilters(st, all.timeline.entities.length ? all.timeline.entities : entityNames);
  renderCoverage(all.coverage, new Set(view.timeline.entries.map((e) => e.date)));
  renderTimeline(view.timeline);
  renderEntityGraph(ents);
  renderQuotes(view.timeline.quotes);
}

function fillFilters(st, entities) {
  const ent = $('f-entity');
  const top = [...entities]
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, 80);
  ent.replaceChildren(
    h('option', { value: '', text: 'Everyone' }),
    ...top.map((e) => h('option', { value: e.name, text: `${e.name} (${e.mentions})` })),
  );
  if (state.entity && !top.some((e) => e.name === state.entity))
    ent.append(h('option', { value: state.entity, text: state.entity }));
  ent.value = state.entity;
  const src = $('f-source');
  src.replaceChildren(
    h('option', { value: '', text: 'All sources' }),
    ...st.sources.map((x) => h('option', { value: x, text: x })),
  );
  if (state.source && !st.sources.includes(state.source))
    src.append(h('option', { value: state.source, text: state.source }));
  src.value = state.source;
  $('f-from').value = state.from;
  $('f-to').value = state.to;
  for (const el of [$('f-from'), $('f-to')]) {
    el.min = st.from || '';
    el.max = st.to || '';
  }
}

/** Which known entities a piece of text mentions (canonical name or alias, whole words). */
function entitiesIn(text) {
  const out = [];
  const seen = new Set();
  const lower = text.toLowerCase();
  for (const e of entityNames) {
    if (seen.has(e.name.toLowerCase())) continue;
    for (const name of [e.name, ...(e.aliases || [])]) {
      if (name.length < 2) continue;
      const i = lower.indexOf(name.toLowerCase());
      if (i < 0) continue;
      const before = lower[i - 1];
      const after = lower[i + name.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
      out.push(e);
      seen.add(e.name.toLowerCase());
      break;
    }
  }
  return out;
}

function renderTimeline(timeline) {
  const list = $('timeline');
  const frag = document.createDocumentFragment();
  const quotesByDay = new Map();
  for (const q of timeline.quotes)
    if (q.date) quotesByDay.set(q.date, [...(quotesByDay.get(q.date) || []), q]);

  for (const entry of timeline.entries) {
    // Number each source once per entry; sentences cite those numbers.
    const numbers = new Map();
    const sources = [];
    const cite = (ref) => {
      if (!numbers.has(ref.articleId)) {
        sources.push(ref);
        numbers.set(ref.articleId, sources.length);
      }
      return numbers.get(ref.articleId);
    };
    const anchor = `d-${entry.date}`;
    const sentences = entry.sentences.length
      ? entry.sentences
      : entry.summary.map((text) => ({ text, sources: entry.sources.slice(0, 1) }));
    const paras = sentences.map((sent) =>
      h(
        'p',
        { class: 'summary' },
        sent.text,
        ' ',
        ...(sent.sources.length ? sent.sources : []).map((ref) => {
          const n = cite(ref);
          return h('a', {
            class: 'cite',
            href: `#${anchor}-s${n}`,
            'aria-label': `source ${n}`,
            text: `[${n}]`,
          });
        }),
        // corroboration: how many outlets reported this sentence's event (wire copies count once)
        sent.outlets > 1 ? h('span', { class: 'outlets', text: ` · ${sent.outlets} outlets` }) : null,
      ),
    );
    for (const ref of entry.sources) cite(ref);
    const more = (entry.sourceCount || entry.sources.length) - entry.sources.length;

    const chips = entitiesIn(entry.summary.join(' ')).slice(0, 8);
    const quotes = quotesByDay.get(entry.date) || [];
    frag.append(
      h(
        'li',
        { class: 'entry', id: anchor, dataset: { date: entry.date } },
        h('h3', { class: 'entry-date' }, h('time', { datetime: entry.date, text: fmtDay(entry.date) })),
        h('div', { class: 'entry-body' }, paras),
        quotes.length
          ? h(
              'div',
              { class: 'entry-quotes' },
              quotes
                .slice(0, 3)
                .map((q) =>
                  h(
                    'figure',
                    { class: 'quote' },
                    h('blockquote', {}, h('p', { text: quoteText(q.text) })),
                    h('figcaption', { text: `— ${q.speaker || 'unattributed'}` }),
                  ),
                ),
            )
          : null,
        chips.length
          ? h(
              'ul',
              { class: 'chips', 'aria-label': 'People, organisations and places' },
              chips.map((e) =>
                h(
                  'li',
                  {},
                  h('button', {
                    type: 'button',
                    class: `chip chip-${e.type.toLowerCase()}`,
                    'aria-pressed': state.entity === e.name ? 'true' : 'false',
                    text: e.name,
                    onclick: () => setFilter('entity', state.entity === e.name ? '' : e.name),
                  }),
                ),
              ),
            )
          : null,
        h(
          'ol',
          { class: 'sources', 'aria-label': 'Sources' },
          sources.map((ref, i) => {
            const file = ref.path ? ref.path.split(/[\\/]/).pop() : null;
            const label = [ref.source, ref.title].filter(Boolean).join(': ') || file || ref.articleId;
            const href = ref.url ? safeHref(ref.url) : null;
            return h(
              'li',
              { id: `${anchor}-s${i + 1}` },
              href
                ? h('a', { href, rel: 'noopener noreferrer', target: '_blank', text: label })
                : h('span', { text: label }),
              ref.publishedAt && ref.publishedAt !== entry.date
                ? h('span', { class: 'muted', text: ` (${fmtShort(ref.publishedAt)})` })
                : null,
            );
          }),
        ),
        more > 0
          ? h('p', {
              class: 'more-sources muted small',
              text: `and ${more} more source${more === 1 ? '' : 's'}`,
            })
          : null,
      ),
    );
  }
  list.replaceChildren(frag);
  $('timeline-count').textContent =
    `(${timeline.entries.length} date${timeline.entries.length === 1 ? '' : 's'})`;
  $('timeline-empty').hidden = timeline.entries.length > 0;
}

function renderCoverage(coverage, selected) {
  const box = $('coverage-chart');
  if (!coverage.length) {
    box.replaceChildren(h('p', { class: 'muted', text: 'No dated articles yet.' }));
    return;
  }
  const H = 140;
  const pad = { l: 28, r: 8, t: 8, b: 22 };
  const max = Math.max(1, ...coverage.map((c) => c.articles));
  const bw = Math.min(40, (720 - pad.l - pad.r) / coverage.length);
  const W = Math.max(240, pad.l + bw * coverage.length + pad.r);
  const y = (v) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const total = coverage.reduce((n, c) => n + c.articles, 0);
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    preserveAspectRatio: 'xMinYMid meet',
    role: 'img',
    class: 'coverage-svg',
    'aria-label': `${total} articles over ${coverage.length} days, most on one day: ${max}. ${selected.size} days on the timeline.`,
  });
  svg.append(
    s('line', { x1: pad.l, x2: pad.l + bw * coverage.length, y1: H - pad.b, y2: H - pad.b, class: 'axis' }),
    s(
      'text',
      { x: pad.l - 6, y: y(max) + 4, class: 'tick', 'text-anchor': 'end' },
      document.createTextNode(String(max)),
    ),
    s(
      'text',
      { x: pad.l - 6, y: H - pad.b, class: 'tick', 'text-anchor': 'end' },
      document.createTextNode('0'),
    ),
  );
  const labelEvery = Math.max(1, Math.ceil(coverage.length / 8));
  coverage.forEach((c, i) => {
    const x = pad.l + i * bw;
    const on = selected.has(c.date);
    const bar = s('rect', {
      x: x + Math.min(1, bw * 0.1),
      y: y(c.articles),
      width: Math.max(1, bw - Math.min(2, bw * 0.2)),
      height: Math.max(c.articles ? 1 : 0, H - pad.b - y(c.articles)),
      class: on ? 'bar selected' : 'bar',
      'data-date': c.date,
    });
    bar.append(
      s(
        'title',
        {},
        document.createTextNode(
          `${fmtDay(c.date)}: ${c.articles} article${c.articles === 1 ? '' : 's'}${on ? ' (on the timeline)' : ''}`,
        ),
      ),
    );
    if (on) {
      const link = s('a', {
        href: `#d-${c.date}`,
        'aria-label': `${fmtDay(c.date)}, ${c.articles} articles`,
      });
      link.append(bar);
      svg.append(link);
    } else svg.append(bar);
    if (on) svg.append(s('circle', { cx: x + bw / 2, cy: H - pad.b + 5, r: 2.5, class: 'dot' }));
    if (i % labelEvery === 0)
      svg.append(
        s(
          'text',
          { x: x + bw / 2, y: H - 4, class: 'tick', 'text-anchor': 'middle' },
          document.createTextNode(fmtShort(c.date)),
        ),
      );
  });
  box.replaceChildren(svg);
}

function renderEntityGraph(ents) {
  const box = $('entity-graph');
  const pairs = ents.cooccurrence || [];
  // The strongest links only: a readable picture, not a hairball. The list below has the rest.
  const names = [];
  const chosen = [];
  for (const p of pairs) {
    if (chosen.length >= 14) break;
    const fresh = [p.a, p.b].filter((n) => !names.includes(n));
    if (names.length + fresh.length > 9) continue;
    names.push(...fresh);
    chosen.push(p);
  }
  $('pairs').replaceChildren(
    ...pairs
      .slice(0, 12)
      .map((p) =>
        h(
          'li',
          {},
          h('span', { class: 'pair', text: `${p.a} & ${p.b}` }),
          h('span', { class: 'muted', text: ` ${p.articles} article${p.articles === 1 ? '' : 's'}` }),
        ),
      ),
  );
  if (!names.length) {
    box.replaceChildren(
      h('p', { class: 'muted', text: 'Not enough people or organisations mentioned together yet.' }),
    );
    return;
  }
  const W = 460;
  const H = 260;
  const cx = W / 2;
  const cy = H / 2;
  const R = Math.min(W / 2 - 130, H / 2 - 28);
  const mentions = new Map();
  for (const e of ents.entities) mentions.set(e.name, (mentions.get(e.name) || 0) + e.mentions);
  const maxM = Math.max(1, ...names.map((n) => mentions.get(n) || 1));
  const maxP = Math.max(1, ...chosen.map((p) => p.articles));
  const pos = new Map(
    names.map((n, i) => {
      const a = (2 * Math.PI * i) / names.length - Math.PI / 2;
      return [n, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a }];
    }),
  );
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    class: 'graph-svg',
    'aria-label': `Who appears with whom: ${chosen.length} links among ${names.length} names; listed below.`,
  });
  for (const p of chosen) {
    const A = pos.get(p.a);
    const B = pos.get(p.b);
    svg.append(
      s('line', {
        x1: A.x,
        y1: A.y,
        x2: B.x,
        y2: B.y,
        class: 'edge',
        'stroke-width': 1 + (4 * p.articles) / maxP,
      }),
    );
  }
  for (const n of names) {
    const P = pos.get(n);
    const r = 4 + (8 * (mentions.get(n) || 1)) / maxM;
    const g = s('g', {
      class: state.entity === n ? 'node active' : 'node',
      tabindex: '0',
      role: 'button',
      'aria-label': `Filter by ${n}`,
    });
    g.addEventListener('click', () => setFilter('entity', state.entity === n ? '' : n));
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        setFilter('entity', state.entity === n ? '' : n);
      }
    });
    const right = Math.cos(P.a) >= -0.01;
    g.append(
      s('circle', { cx: P.x, cy: P.y, r }),
      s(
        'text',
        { x: P.x + (right ? r + 4 : -r - 4), y: P.y + 4, 'text-anchor': right ? 'start' : 'end' },
        document.createTextNode(n.length > 18 ? n.slice(0, 17) + '…' : n),
      ),
    );
    svg.append(g);
  }
  box.replaceChildren(svg);
}

function renderQuotes(quotes) {
  $('quotes').replaceChildren(
    ...(quotes.length
      ? quotes
          .slice(0, 30)
          .map((q) =>
            h(
              'li',
              {},
              h(
                'figure',
                { class: 'quote' },
                h('blockquote', {}, h('p', { text: quoteText(q.text) })),
                h(
                  'figcaption',
                  {},
                  h('span', { class: 'speaker', text: q.speaker || 'unattributed' }),
                  q.date ? h('span', { class: 'muted', text: ` · ${fmtShort(q.date)}` }) : null,
                ),
              ),
            ),
          )
      : [h('li', { class: 'muted', text: 'No quotes found.' })]),
  );
}

function setFilter(name, value) {
  state[name] = value;
  writeState(state);
  showStory().then(() => $('timeline-heading').scrollIntoView({ block: 'nearest' }));
}

// ---------------------------------------------------------------- search

async function runSearch(q) {
  const panel = $('search-results');
  if (!q) {
    panel.hidden = true;
    return;
  }
  const params = new URLSearchParams({ q }); // all stories: the search box is the way across them
  try {
    const { hits } = await api(`/api/search?${params}`);
    $('search-hits').replaceChildren(
      ...(hits.length
        ? hits.map((hit) => {
            const href = hit.url ? safeHref(hit.url) : null;
            const title = hit.title || hit.snippet.slice(0, 80);
            return h(
              'li',
              {},
              h(
                'p',
                { class: 'hit-title' },
                href
                  ? h('a', { href, rel: 'noopener noreferrer', target: '_blank', text: title })
                  : h('span', { text: title }),
              ),
              h('p', {
                class: 'muted small',
                text: [hit.source, fmtDay(hit.publishedAt)].filter(Boolean).join(' · '),
              }),
              h('p', { class: 'snippet', text: hit.snippet }),
            );
          })
        : [h('li', { class: 'muted', text: `No articles match “${q}”.` })]),
    );
    panel.hidden = false;
    announce(`${hits.length} search result${hits.length === 1 ? '' : 's'} for ${q}.`);
  } catch (e) {
    announce(`Search failed: ${e.message}`);
  }
}

// ---------------------------------------------------------------- add articles

async function addArticles(ev) {
  ev.preventDefault();
  const form = $('add-form');
  const out = $('add-status');
  const data = new FormData(form);
  const files = data.getAll('files').filter((f) => f && f.size);
  data.delete('files');
  for (const f of files) data.append('files', f);
  const text = String(data.get('text') || '').trim();
  const urls = String(data.get('urls') || '').trim();
  if (!text && !files.length && !urls) {
    out.textContent = 'Paste some text, choose files or give a web address first.';
    $('a-text').focus();
    return;
  }
  for (const [k, v] of [...data.entries()]) if (typeof v === 'string' && !v.trim()) data.delete(k);
  const token = $('a-token').value.trim();
  if (token) sessionStorage.setItem('chronicle-token', token);
  $('add-submit').disabled = true;
  out.textContent = 'Adding…';
  try {
    const r = await api('/api/articles', {
      method: 'POST',
      body: data,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    const problems = (r.errors || []).map((e) => `${e.input}: ${e.message}`);
    out.textContent =
      `Added ${r.added.length} article${r.added.length === 1 ? '' : 's'}` +
      (r.duplicates.length ? `, ${r.duplicates.length} already stored` : '') +
      (problems.length ? `. Skipped: ${problems.join('; ')}` : '.');
    const into = $('a-story').value;
    form.reset();
    $('a-token').value = token;
    if (into) state.story = into;
    await loadStories();
    if (
      !state.story ||
      (r.storiesTouched.length &&
        !r.storiesTouched.includes(state.story) &&
        !stories.some((x) => x.id === state.story))
    )
      state.story = r.storiesTouched[0] || state.story;
    await showStory();
  } catch (e) {
    out.textContent = `Could not add: ${e.message}`;
  } finally {
    $('add-submit').disabled = false;
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    for (const f of FILTERS) state[f] = $(`f-${f}`).value;
    writeState(state);
    showStory();
  });
  $('filters').addEventListener('reset', () => {
    for (const f of FILTERS) state[f] = '';
    writeState(state);
    requestAnimationFrame(() => showStory());
  });
  // Choosing from a list applies at once; dates wait for "Apply" so typing one is not interrupted.
  for (const f of ['entity', 'source'])
    $(`f-${f}`).addEventListener('change', (ev) => setFilter(f, ev.target.value));
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.q = $('search-q').value.trim();
    writeState(state);
    runSearch(state.q);
  });
  $('search-close').addEventListener('click', () => {
    state.q = '';
    $('search-q').value = '';
    writeState(state);
    $('search-results').hidden = true;
    $('search-q').focus();
  });
  $('add-form').addEventListener('submit', addArticles);
  $('a-token').value = sessionStorage.getItem('chronicle-token') || '';
  window.addEventListener('popstate', () => {
    state = readState();
    $('search-q').value = state.q;
    showStory();
    runSearch(state.q);
  });
}

async function start() {
  wire();
  $('search-q').value = state.q;
  // With a story in the URL, its timeline loads alongside the story list.
  const list = loadStories().then(
    () => true,
    (e) => {
      announce(`Could not reach the server: ${e.message}`);
      return false;
    },
  );
  if (state.story) await Promise.all([list, showStory()]);
  else if (await list) await showStory();
  markCurrentStory();
  document.body.dataset.ready = 'true';
  if (state.q) runSearch(state.q);
  writeState(state, false);
}

start();
