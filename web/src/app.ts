/**
 * The page's controller: keeps the view state (mirrored in the URL), calls the API and hands the answers to
 * the views, which build nodes and know nothing of the state. One instance per page; nothing global.
 */
import { apiClient, type Api, type EntitiesResponse, type StorySummary, type TimelineView } from './api.js';
import { findPage, type Page } from './page.js';
import {
  emptyState,
  FILTERS,
  filterText,
  isFiltered,
  readState,
  stateQuery,
  timelineParams,
  type Filter,
  type ViewState,
} from './state.js';
import { plural } from './format.js';
import * as addReport from './views/add-report.js';
import * as coverageView from './views/coverage.js';
import * as entityGraph from './views/entity-graph.js';
import * as filters from './views/filters.js';
import * as quotesView from './views/quotes.js';
import * as searchResults from './views/search-results.js';
import * as storyHead from './views/story-head.js';
import * as storyList from './views/story-list.js';
import * as timelineView from './views/timeline.js';

/** Entities asked for beside the timeline (for the graph, and chips when the timeline has none). */
const ENTITY_LIMIT = 60;
const TOKEN_KEY = 'chronicle-token';

export class App {
  private readonly page: Page;
  private readonly api: Api;
  private state: ViewState;
  private stories: StorySummary[] = [];
  /** Bumped per story request: an answer to an older one is dropped. */
  private renderSeq = 0;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
  ) {
    this.page = findPage(doc);
    this.api = apiClient((input, init) => win.fetch(input, init));
    this.state = readState(win.location.search);
  }

  private announce(msg: string): void {
    this.page.status.textContent = msg;
  }

  private writeState(push = true): void {
    const { location, history } = this.win;
    const url = `${location.pathname}${stateQuery(this.state)}`;
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private async loadStories(): Promise<void> {
    ({ stories: this.stories } = await this.api.stories());
    this.page.storyList.replaceChildren(
      storyList.render({
        stories: this.stories,
        current: this.state.story,
        onPick: (id) => {
          this.state = emptyState(id);
          this.writeState();
          void this.showStory();
        },
      }),
    );
    this.page.storiesEmpty.hidden = this.stories.length > 0;
  }

  private async showStory(): Promise<void> {
    const st = this.state;
    if (!st.story && this.stories.length) st.story = this.stories[0].id;
    storyList.markCurrent(this.page.storyList, st.story);
    if (!st.story) {
      this.page.story.hidden = true;
      return;
    }
    const seq = ++this.renderSeq;
    const body = this.doc.body;
    body.setAttribute('aria-busy', 'true');
    try {
      const dates = new URLSearchParams(st.dates ? { dates: st.dates } : {});
      const [view, ents, all] = await Promise.all([
        this.api.timeline(st.story, timelineParams(st)),
        this.api.entities(st.story, ENTITY_LIMIT),
        // The unfiltered timeline's days, so the chart and the filter lists stay put while filtering.
        isFiltered(st) ? this.api.timeline(st.story, dates) : null,
      ]);
      if (seq !== this.renderSeq) return; // a newer request won
      // A story merged into another answers (through a redirect) as that one: follow it in the URL and list.
      if (view.story.id !== st.story) {
        st.story = view.story.id;
        this.writeState(false);
        storyList.markCurrent(this.page.storyList, st.story);
      }
      this.win.performance.mark('chronicle:data');
      this.renderStory(view, ents, all ?? view);
      this.win.performance.mark('chronicle:timeline');
      const n = view.timeline.entries.length;
      const narrowed = filterText(st);
      this.announce(`${plural(n, 'date')} on the timeline${narrowed ? `, ${narrowed}` : ''}.`);
    } catch (e) {
      if (seq !== this.renderSeq) return;
      this.page.story.hidden = true;
      this.announce(`Could not load the story: ${(e as Error).message}`);
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  private renderStory(view: TimelineView, ents: EntitiesResponse, all: TimelineView): void {
    const p = this.page;
    const st = view.story;
    const active = this.state.entity;
    p.story.hidden = false;
    p.storyTitle.textContent = st.title;
    p.storyMeta.textContent = storyHead.metaText(st);
    const keep = p.aStory.value;
    p.aStory.replaceChildren(filters.targetStoryOptions(st));
    p.aStory.value = keep === st.id ? keep : '';
    p.exportJson.href = this.api.exportHref(st.id, 'json');
    p.exportMarkdown.href = this.api.exportHref(st.id, 'markdown');
    p.exportTimelinejs.href = this.api.exportHref(st.id, 'timelinejs');

    const entities = view.timeline.entities.length
      ? view.timeline.entities
      : ents.entities.map(({ id, name, type, aliases, mentions }) => ({ id, name, type, aliases, mentions }));
    this.fillFilters(st, all.timeline.entities.length ? all.timeline.entities : entities);
    const onEntity = (name: string) => this.setFilter('entity', name);
    p.coverageChart.replaceChildren(
      coverageView.render({
        coverage: all.coverage,
        selected: new Set(view.timeline.entries.map((e) => e.date)),
      }),
    );
    const { entries, quotes } = view.timeline;
    p.timeline.replaceChildren(
      timelineView.render({
        entries,
        quotes,
        entities,
        activeEntity: active,
        base: this.win.location.href,
        onEntity,
      }),
    );
    p.timelineCount.textContent = timelineView.countText(entries.length);
    p.timelineEmpty.hidden = entries.length > 0;
    p.pairs.replaceChildren(entityGraph.renderPairs(ents.cooccurrence));
    p.entityGraph.replaceChildren(
      entityGraph.render({
        entities: ents.entities,
        pairs: ents.cooccurrence,
        activeEntity: active,
        onEntity,
      }),
    );
    p.quotes.replaceChildren(quotesView.render(quotes));
  }

  private fillFilters(st: StorySummary, entities: TimelineView['timeline']['entities']): void {
    const p = this.page;
    p.fEntity.replaceChildren(filters.entityOptions(entities, this.state.entity));
    p.fEntity.value = this.state.entity;
    p.fSource.replaceChildren(filters.sourceOptions(st.sources, this.state.source));
    p.fSource.value = this.state.source;
    p.fFrom.value = this.state.from;
    p.fTo.value = this.state.to;
    for (const el of [p.fFrom, p.fTo]) {
      el.min = st.from || '';
      el.max = st.to || '';
    }
  }

  private setFilter(name: Filter, value: string): void {
    this.state[name] = value;
    this.writeState();
    void this.showStory().then(() => this.page.timelineHeading.scrollIntoView({ block: 'nearest' }));
  }

  private async runSearch(q: string): Promise<void> {
    const p = this.page;
    if (!q) {
      p.searchResults.hidden = true;
      return;
    }
    try {
      // All stories: the search box is the way across them.
      const { hits } = await this.api.search(q);
      p.searchHits.replaceChildren(searchResults.render({ q, hits, base: this.win.location.href }));
      p.searchResults.hidden = false;
      this.announce(`${plural(hits.length, 'search result')} for ${q}.`);
    } catch (e) {
      this.announce(`Search failed: ${(e as Error).message}`);
    }
  }

  private async addArticles(ev: Event): Promise<void> {
    ev.preventDefault();
    const p = this.page;
    const out = p.addStatus;
    const data = new FormData(p.addForm);
    const files = data.getAll('files').filter((f): f is File => typeof f !== 'string' && f.size > 0);
    data.delete('files');
    for (const f of files) data.append('files', f);
    const text = String(data.get('text') || '').trim();
    const urls = String(data.get('urls') || '').trim();
    if (!text && !files.length && !urls) {
      out.textContent = 'Paste some text, choose files or give a web address first.';
      p.aText.focus();
      return;
    }
    for (const [k, v] of [...data.entries()]) if (typeof v === 'string' && !v.trim()) data.delete(k);
    const token = p.aToken.value.trim();
    if (token) this.win.sessionStorage.setItem(TOKEN_KEY, token);
    p.addSubmit.disabled = true;
    out.textContent = 'Adding…';
    try {
      const r = await this.api.addArticles(data, token);
      out.textContent = addReport.reportText(r);
      const into = p.aStory.value;
      p.addForm.reset();
      p.aToken.value = token;
      if (into) this.state.story = into;
      await this.loadStories();
      const st = this.state;
      if (
        !st.story ||
        (r.storiesTouched.length &&
          !r.storiesTouched.includes(st.story) &&
          !this.stories.some((x) => x.id === st.story))
      )
        st.story = r.storiesTouched[0] || st.story;
      await this.showStory();
    } catch (e) {
      out.textContent = `Could not add: ${(e as Error).message}`;
    } finally {
      p.addSubmit.disabled = false;
    }
  }

  private wire(): void {
    const p = this.page;
    const input: Record<Filter, HTMLInputElement | HTMLSelectElement> = {
      entity: p.fEntity,
      source: p.fSource,
      from: p.fFrom,
      to: p.fTo,
    };
    p.filters.addEventListener('submit', (ev) => {
      ev.preventDefault();
      for (const f of FILTERS) this.state[f] = input[f].value;
      this.writeState();
      void this.showStory();
    });
    p.filters.addEventListener('reset', () => {
      for (const f of FILTERS) this.state[f] = '';
      this.writeState();
      this.win.requestAnimationFrame(() => void this.showStory());
    });
    // Choosing from a list applies at once; dates wait for "Apply" so typing one is not interrupted.
    for (const f of ['entity', 'source'] as const)
      input[f].addEventListener('change', () => this.setFilter(f, input[f].value));
    p.searchForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.state.q = p.searchQ.value.trim();
      this.writeState();
      void this.runSearch(this.state.q);
    });
    p.searchClose.addEventListener('click', () => {
      this.state.q = '';
      p.searchQ.value = '';
      this.writeState();
      p.searchResults.hidden = true;
      p.searchQ.focus();
    });
    p.addForm.addEventListener('submit', (ev) => void this.addArticles(ev));
    p.aToken.value = this.win.sessionStorage.getItem(TOKEN_KEY) || '';
    this.win.addEventListener('popstate', () => {
      this.state = readState(this.win.location.search);
      p.searchQ.value = this.state.q;
      void this.showStory();
      void this.runSearch(this.state.q);
    });
  }

  async start(): Promise<void> {
    this.wire();
    this.page.searchQ.value = this.state.q;
    // With a story in the URL, its timeline loads alongside the story list.
    const list = this.loadStories().then(
      () => true,
      (e: Error) => {
        this.announce(`Could not reach the server: ${e.message}`);
        return false;
      },
    );
    if (this.state.story) await Promise.all([list, this.showStory()]);
    else if (await list) await this.showStory();
    storyList.markCurrent(this.page.storyList, this.state.story);
    this.doc.body.dataset.ready = 'true';
    if (this.state.q) void this.runSearch(this.state.q);
    this.writeState(false);
  }
}
