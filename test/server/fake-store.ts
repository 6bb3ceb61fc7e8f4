/**
 * A small in-memory Store for the server tests: one story per `topic` (default "story-1"), a timeline with
 * one entry per publication day (the day's first sentences), capitalised names as entities and
 * `"...", X said` as quotes. Just enough behaviour for routes to be tested without the SQLite store.
 */
import type {
  Article,
  Entity,
  IsoDay,
  SourceRef,
  Timeline,
  TimelineEntry,
  TimelineOptions,
} from '../../src/model.js';
import type { Analysis } from '../../src/model.js';
import type {
  IngestReport,
  SearchFilters,
  SearchHit,
  Store,
  StoredQuote,
  StoreStats,
  StorySummary,
} from '../../src/store/index.js';

const SENTENCE = /[^.!?]+[.!?]+["”]?/g;
const NAME = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g;

function sentencesOf(text: string): string[] {
  return (text.match(SENTENCE) ?? [text]).map((s) => s.trim()).filter(Boolean);
}

function ref(a: Article): SourceRef {
  return {
    articleId: a.id,
    path: a.path,
    title: a.title,
    url: a.url,
    source: a.source,
    publishedAt: a.publishedAt,
  };
}

export class FakeStore implements Store {
  readonly path = ':memory:';
  readonly readonly = false;
  readonly articles = new Map<string, Article>();
  /** Per story: bumped by each write that adds to it (what the real stores keep as the story version). */
  readonly versions = new Map<string, number>();
  timelineCalls = 0;
  closed = false;

  async ingest(articles: Article[], options: { story?: string } = {}): Promise<IngestReport> {
    return this.ingestNow(articles, options);
  }

  /** `ingest`, at once (fixtures are loaded synchronously). */
  ingestNow(articles: Article[], options: { story?: string } = {}): IngestReport {
    const report: IngestReport = { added: [], duplicates: [], storiesTouched: [] };
    for (const a of articles) {
      const dup = [...this.articles.values()].some((b) => b.text === a.text);
      if (dup || this.articles.has(a.id)) {
        report.duplicates.push(a.id);
        continue;
      }
      a.topic = options.story ?? a.topic ?? 'story-1';
      this.articles.set(a.id, a);
      report.added.push(a.id);
      if (!report.storiesTouched.includes(a.topic)) report.storiesTouched.push(a.topic);
    }
    for (const id of report.storiesTouched) this.versions.set(id, (this.versions.get(id) ?? 0) + 1);
    if (options.story && report.added.length) report.into = options.story;
    return report;
  }

  private storyArticles(id: string): Article[] {
    return [...this.articles.values()].filter((a) => a.topic === id);
  }

  async listStories(): Promise<StorySummary[]> {
    const ids = [...new Set([...this.articles.values()].map((a) => a.topic as string))].sort();
    return ids.map((id) => this.summary(id) as StorySummary);
  }

  async getStory(id: string): Promise<StorySummary | null> {
    return this.summary(id);
  }

  private summary(id: string): StorySummary | null {
    const arts = this.storyArticles(id);
    if (!arts.length) return null;
    const days = arts
      .map((a) => a.publishedAt)
      .filter((d): d is IsoDay => !!d)
      .sort();
    const entities = this.entitiesNow({ story: id });
    return {
      id,
      title: arts[0].title ?? id,
      articles: arts.length,
      from: days[0] ?? null,
      to: days[days.length - 1] ?? null,
      topEntities: entities.slice(0, 5).map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
      sources: [...new Set(arts.map((a) => a.source).filter((s): s is string => !!s))].sort(),
      version: this.versions.get(id) ?? 0,
    };
  }

  async storyTimeline(id: string, options: TimelineOptions = {}): Promise<Timeline> {
    return this.timelineNow(id, options);
  }

  timelineNow(id: string, options: TimelineOptions = {}): Timeline {
    this.timelineCalls++;
    const byDay = new Map<IsoDay, Article[]>();
    for (const a of this.storyArticles(id)) {
      if (!a.publishedAt) continue;
      if (options.from && a.publishedAt < options.from) continue;
      if (options.to && a.publishedAt > options.to) continue;
      byDay.set(a.publishedAt, [...(byDay.get(a.publishedAt) ?? []), a]);
    }
    const k = options.sentences ?? 2;
    let entries: TimelineEntry[] = [...byDay.entries()].map(([date, arts]) => {
      const sentences = arts
        .flatMap((a) =>
          sentencesOf(a.text).map((text, i) => ({
            text,
            articleId: a.id,
            sentenceIndex: i,
            sources: [ref(a)],
          })),
        )
        .slice(0, k);
      return {
        date,
        summary: sentences.map((s) => s.text),
        sentences,
        sources: arts.map(ref),
        score: arts.length,
      };
    });
    if (options.dates) entries = entries.sort((x, y) => y.score - x.score).slice(0, options.dates);
    entries.sort((x, y) => x.date.localeCompare(y.date));
    const entities = this.entitiesNow({ story: id }).map(({ articleIds: _ids, ...e }) => e);
    const quotes = this.quotesNow({ story: id }).map((q) => ({
      speaker: q.speaker,
      text: q.text,
      cue: q.cue,
      date: q.date,
      sources: [ref(this.articles.get(q.articleId) as Article)],
    }));
    return { entries, entities, quotes };
  }

  async queryTimeline(_query: string, _options?: TimelineOptions): Promise<Timeline> {
    return { entries: [], entities: [], quotes: [] };
  }

  async search(terms: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    const t = terms.toLowerCase();
    return [...this.articles.values()]
      .filter((a) => !t || a.text.toLowerCase().includes(t))
      .filter((a) => !filters.source || a.source === filters.source)
      .filter((a) => !filters.story || a.topic === filters.story)
      .slice(0, filters.limit ?? 50)
      .map((a) => ({
        articleId: a.id,
        title: a.title,
        source: a.source,
        publishedAt: a.publishedAt,
        url: a.url,
        snippet: a.text.slice(0, 80),
        score: 1,
      }));
  }

  async entities(filters: { story?: string; limit?: number } = {}): Promise<Entity[]> {
    return this.entitiesNow(filters);
  }

  private entitiesNow(filters: { story?: string; limit?: number } = {}): Entity[] {
    const byName = new Map<string, Entity>();
    for (const a of this.articles.values()) {
      if (filters.story && a.topic !== filters.story) continue;
      for (const name of a.text.match(NAME) ?? []) {
        const e = byName.get(name) ?? {
          id: `e:${name}`,
          name,
          type: 'PERSON',
          aliases: [],
          mentions: 0,
          articleIds: [],
        };
        e.mentions++;
        if (!e.articleIds.includes(a.id)) e.articleIds.push(a.id);
        byName.set(name, e);
      }
    }
    return [...byName.values()]
      .sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name))
      .slice(0, filters.limit ?? 1000);
  }

  async quotes(filters: { speaker?: string; story?: string; limit?: number } = {}): Promise<StoredQuote[]> {
    return this.quotesNow(filters);
  }

  private quotesNow(filters: { speaker?: string; story?: string; limit?: number } = {}): StoredQuote[] {
    const out: StoredQuote[] = [];
    for (const a of this.articles.values()) {
      if (filters.story && a.topic !== filters.story) continue;
      for (const m of a.text.matchAll(/"([^"]+)," ([A-Z][a-z]+(?: [A-Z][a-z]+)*) said/g)) {
        if (filters.speaker && m[2] !== filters.speaker) continue;
        out.push({
          speaker: m[2],
          text: m[1],
          cue: 'said',
          date: a.publishedAt,
          articleId: a.id,
          storyId: a.topic ?? null,
        });
      }
    }
    return out.slice(0, filters.limit ?? 1000);
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    return ids.map((id) => this.articles.get(id)).filter((a): a is Article => !!a);
  }

  async storyAnalysis(id: string): Promise<Analysis> {
    const articles = [...this.articles.values()].filter((a) => a.topic === id);
    return { articles, entities: this.entitiesNow({ story: id }), errors: [] };
  }

  async storyDays(id: string): Promise<{ day: string; articles: number; refs: number }[]> {
    const days = new Map<string, number>();
    for (const a of this.articles.values())
      if (a.topic === id && a.publishedAt) days.set(a.publishedAt, (days.get(a.publishedAt) ?? 0) + 1);
    return [...days].sort().map(([day, articles]) => ({ day, articles, refs: 0 }));
  }

  async articleOutlets() {
    return [...this.articles.values()].map((a) => ({
      source: a.source ?? null,
      url: a.url ?? null,
      publishedAt: a.publishedAt ?? null,
    }));
  }

  async stats(): Promise<StoreStats> {
    const stories = new Set([...this.articles.values()].map((a) => a.topic)).size;
    return { articles: this.articles.size, stories, entities: this.entitiesNow().length, bytes: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
