/**
 * A small in-memory Store for the server tests, held to the store contract (test/store/contract runs its read
 * paths against it; backends.ts lists what a fake does not do: clustering, cross-batch entity rules, ranked
 * full-text search, stored timelines, storage). Like the real stores it analyses articles on the way in (with
 * the analyser it is given; by default a few regexes: sentences, capitalised names as PERSON entities,
 * `"...," X said` quotes), stores each content once (content hash, canonical URL), keeps entities under store
 * ids (e1, e2, ... joined by type and name) and answers every read from what it stored, with the same orders,
 * limits and errors (an unknown story is a no-story StoreError). Unlike them it groups articles into stories by
 * their `topic` (default "story-1") and builds a timeline with one entry per publication day (the day's first
 * sentences); `queryTimeline` answers an empty timeline (the API does not use it).
 */
import type {
  Analysis,
  Article,
  Entity,
  EntityType,
  IsoDay,
  Mention,
  Quote,
  SourceRef,
  Timeline,
  TimelineEntry,
  TimelineOptions,
} from '../../src/model.js';
import type { AnalyzeOptions } from '../../src/pipeline.js';
import {
  StoreError,
  type IngestOptions,
  type IngestReport,
  type OpenOptions,
  type SearchFilters,
  type SearchHit,
  type Store,
  type StoredQuote,
  type StoreStats,
  type StorySummary,
} from '../../src/store/index.js';
import { contentHash } from '../../src/util/content-hash.js';
import { canonicalUrl } from '../../src/store/core/urls.js';
import { normKey } from '../../src/store/core/prepare.js';
import { searchPhrases } from '../../src/store/core/search.js';

const SENTENCE = /[^.!?]+[.!?]+["”]?/g;
const NAME = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g;
const QUOTE = /"([^"]+)," ([A-Z][a-z]+(?: [A-Z][a-z]+)*) said/g;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The fake's default analysis: sentences, capitalised names (PERSON) and `"...," X said` quotes. */
export function fakeAnalyze(articles: Article[], _options: AnalyzeOptions = {}): Analysis {
  const entities = new Map<string, Entity>();
  for (const a of articles) {
    a.text ||= a.rawText.trim();
    a.sentences = [...a.text.matchAll(SENTENCE)].map((m, index) => {
      const lead = m[0].length - m[0].trimStart().length;
      const text = m[0].trim();
      return {
        index,
        start: m.index! + lead,
        end: m.index! + lead + text.length,
        text,
        tokens: [],
        timexes: [],
      };
    });
    if (!a.sentences.length && a.text.trim())
      a.sentences = [{ index: 0, start: 0, end: a.text.length, text: a.text, tokens: [], timexes: [] }];
    a.mentions = [];
    a.quotes = [];
    for (const s of a.sentences) {
      for (const m of s.text.matchAll(NAME)) {
        let e = entities.get(m[0]);
        if (!e) {
          e = {
            id: `f${entities.size}`,
            name: m[0],
            type: 'PERSON',
            aliases: [],
            mentions: 0,
            articleIds: [],
          };
          entities.set(m[0], e);
        }
        e.mentions++;
        if (!e.articleIds.includes(a.id)) e.articleIds.push(a.id);
        const start = s.start + m.index!;
        a.mentions.push({
          text: m[0],
          start,
          end: start + m[0].length,
          sentenceIndex: s.index,
          type: 'PERSON',
          entityId: e.id,
        });
      }
      for (const m of s.text.matchAll(QUOTE)) {
        const start = s.start + m.index! + 1;
        a.quotes.push({
          text: m[1]!,
          kind: 'direct',
          speaker: m[2]!,
          speakerEntityId: entities.get(m[2]!)?.id ?? null,
          speakerText: m[2]!,
          cue: 'said',
          start,
          end: start + m[1]!.length,
          sentenceIndex: s.index,
        });
      }
    }
  }
  return { articles, entities: [...entities.values()], errors: [] };
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

/** Publication order, as the real stores read a story: by day (undated first), then as stored. */
const byDay = (x: Article, y: Article) => (x.publishedAt ?? '').localeCompare(y.publishedAt ?? '');
/** Binary order of names (SQL's COLLATE "C"), not the locale's. */
const binary = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

interface StoredEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
}

export class FakeStore implements Store {
  readonly path = ':memory:';
  readonly readonly = false;
  /** Stored articles by id, in the order stored. */
  readonly articles = new Map<string, Article>();
  /** Per story: bumped by each write that adds to it (what the real stores keep as the story version). */
  readonly versions = new Map<string, number>();
  timelineCalls = 0;
  closed = false;
  private readonly storyOf = new Map<string, string>();
  private readonly keys = { hashes: new Set<string>(), urls: new Set<string>() };
  private readonly entityByKey = new Map<string, StoredEntity>();
  private readonly entityById = new Map<string, StoredEntity>();

  constructor(private readonly options: Pick<OpenOptions, 'analyzer'> = {}) {}

  async ingest(articles: Article[], options: IngestOptions = {}): Promise<IngestReport> {
    return this.ingestNow(articles, options);
  }

  /** `ingest`, at once (fixtures are loaded synchronously). */
  ingestNow(input: Article[], options: IngestOptions = {}): IngestReport {
    const report: IngestReport = { added: [], duplicates: [], storiesTouched: [] };
    const fresh: Article[] = [];
    const seen = { hashes: new Set<string>(), urls: new Set<string>() };
    for (const a of input) {
      const hash = contentHash(a.rawText || a.text);
      const url = canonicalUrl(a);
      const stored = (k: typeof seen) => k.hashes.has(hash) || (url !== null && k.urls.has(url));
      if (stored(this.keys) || stored(seen)) {
        report.duplicates.push(a.id);
        continue;
      }
      seen.hashes.add(hash);
      if (url) seen.urls.add(url);
      a.contentHash = hash;
      fresh.push(a);
    }
    let entities = options.entities ?? [];
    const toAnalyse =
      options.analyze === 'never' ? [] : fresh.filter((a) => !a.sentences.length && a.rawText.trim());
    if (toAnalyse.length)
      entities = [...entities, ...(this.options.analyzer ?? fakeAnalyze)(toAnalyse, {}).entities];
    const batchEntities = new Map(entities.map((e) => [e.id, e]));
    const into = this.storyFor(options);
    for (const original of fresh) {
      const a = structuredClone(original);
      for (let n = 2; this.articles.has(a.id); n++) a.id = `${original.id}-${n}`;
      const ids = new Map<string, string>();
      for (const m of a.mentions) {
        const e = this.entityFor(m, batchEntities);
        if (m.entityId) ids.set(m.entityId, e.id);
        m.entityId = e.id;
      }
      for (const q of a.quotes)
        q.speakerEntityId = q.speakerEntityId ? (ids.get(q.speakerEntityId) ?? null) : null;
      const story = typeof into === 'function' ? into(a) : (into ?? a.topic ?? 'story-1');
      this.articles.set(a.id, a);
      this.storyOf.set(a.id, story);
      this.keys.hashes.add(a.contentHash!);
      const url = canonicalUrl(a);
      if (url) this.keys.urls.add(url);
      report.added.push(a.id);
      if (!report.storiesTouched.includes(story)) report.storiesTouched.push(story);
    }
    report.storiesTouched.sort();
    for (const id of report.storiesTouched) this.versions.set(id, (this.versions.get(id) ?? 0) + 1);
    if (typeof into === 'string' && report.added.length) report.into = into;
    return report;
  }

  /** The story new articles go to: the one named, a new one (import), or (undefined) each article's topic. */
  private storyFor(options: IngestOptions): string | ((a: Article) => string) | undefined {
    if (options.newStory === undefined) return options.story;
    let id = options.newStory;
    for (let n = 2; this.versions.has(id); n++) id = `${options.newStory}-${n}`;
    return id;
  }

  /** The stored entity a mention is of: its batch entity's (or its own) type and name, joined by key. */
  private entityFor(m: Mention, batch: Map<string, Entity>): StoredEntity {
    const be = m.entityId ? batch.get(m.entityId) : undefined;
    const name = be?.name ?? m.text;
    const type = be?.type ?? m.type;
    const key = `${type}\u0000${normKey(name)}`;
    let e = this.entityByKey.get(key);
    if (!e) {
      e = { id: `e${this.entityByKey.size + 1}`, name, type, aliases: [] };
      this.entityByKey.set(key, e);
      this.entityById.set(e.id, e);
    }
    if (normKey(m.text) !== normKey(e.name) && !e.aliases.includes(m.text)) e.aliases.push(m.text);
    return e;
  }

  private requireStory(id: string): string {
    if (![...this.storyOf.values()].includes(id))
      throw new StoreError(this.path, `no story "${id}" (see \`chronicle stories\`)`, 'no-story');
    return id;
  }

  /** A story's articles in publication order. */
  private storyArticles(id: string): Article[] {
    return [...this.articles.values()].filter((a) => this.storyOf.get(a.id) === id).sort(byDay);
  }

  async listStories(): Promise<StorySummary[]> {
    const ids = [...new Set(this.storyOf.values())];
    const size = (id: string) => this.storyArticles(id).length;
    // Largest first; then in the order the stories were made.
    return ids
      .map((id, i) => [id, size(id), i] as const)
      .sort((x, y) => y[1] - x[1] || x[2] - y[2])
      .map(([id]) => this.summary(id)!);
  }

  async getStory(id: string): Promise<StorySummary | null> {
    return this.summary(id);
  }

  private summary(id: string): StorySummary | null {
    const arts = this.storyArticles(id);
    if (!arts.length) return null;
    const days = arts.map((a) => a.publishedAt).filter((d): d is IsoDay => !!d && DAY.test(d));
    const top = this.entitiesNow({ story: id, limit: 5 });
    const outlets = new Map<string, number>();
    for (const a of arts) if (a.source) outlets.set(a.source, (outlets.get(a.source) ?? 0) + 1);
    return {
      id,
      title: arts.find((a) => a.title)?.title ?? (top.map((e) => e.name).join(', ') || id),
      articles: arts.length,
      from: days[0] ?? null,
      to: days[days.length - 1] ?? null,
      topEntities: top.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
      // Most frequent first, at most 10.
      sources: [...outlets]
        .sort((x, y) => y[1] - x[1] || binary(x[0], y[0]))
        .slice(0, 10)
        .map(([s]) => s),
      version: this.versions.get(id) ?? 0,
    };
  }

  async storyTimeline(id: string, options: TimelineOptions = {}): Promise<Timeline> {
    return this.timelineNow(id, options);
  }

  timelineNow(id: string, options: TimelineOptions = {}): Timeline {
    this.requireStory(id);
    this.timelineCalls++;
    const days = new Map<IsoDay, Article[]>();
    for (const a of this.storyArticles(id)) {
      if (!a.publishedAt) continue;
      if (options.from && a.publishedAt < options.from) continue;
      if (options.to && a.publishedAt > options.to) continue;
      days.set(a.publishedAt, [...(days.get(a.publishedAt) ?? []), a]);
    }
    const k = options.sentences ?? 2;
    let entries: TimelineEntry[] = [...days.entries()].map(([date, arts]) => {
      const sentences = arts
        .flatMap((a) =>
          a.sentences.map((s) => ({
            text: s.text,
            articleId: a.id,
            sentenceIndex: s.index,
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
      sources: [ref(this.articles.get(q.articleId)!)],
    }));
    return { entries, entities, quotes };
  }

  async queryTimeline(_query: string, _options?: TimelineOptions): Promise<Timeline> {
    return { entries: [], entities: [], quotes: [] };
  }

  /**
   * Every word or quoted phrase must occur (a word matches words it starts: "spill" finds "spilled"); scored by
   * occurrences, a title's counted 4 times; the snippet is the first sentence with a match, matches [bracketed]
   * (the title when only it matches). Ties: the most recently stored first, as the real stores.
   */
  async search(terms: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    const phrases = searchPhrases(terms).map(
      (words) => new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}[\\p{L}\\p{N}]*`, 'giu'),
    );
    if (!phrases.length) return [];
    const count = (text: string) => phrases.map((re) => text.match(re)?.length ?? 0);
    const mark = (text: string) => phrases.reduce((t, re) => t.replace(re, (m) => `[${m}]`), text);
    const entity = filters.entity ? normKey(filters.entity) : null;
    const hits: (SearchHit & { order: number })[] = [];
    [...this.articles.values()].forEach((a, order) => {
      const inText = count(a.text);
      const inTitle = count(a.title ?? '');
      if (inText.some((n, i) => n + inTitle[i]! === 0)) return;
      if (filters.source && a.source?.toLowerCase() !== filters.source.toLowerCase()) return;
      if (filters.from && !(a.publishedAt && a.publishedAt >= filters.from)) return;
      if (filters.to && !(a.publishedAt && a.publishedAt <= filters.to)) return;
      if (filters.story && this.storyOf.get(a.id) !== filters.story) return;
      if (entity && !a.mentions.some((m) => this.entityKeys(m.entityId).includes(entity))) return;
      const sentence = a.sentences.find((s) => count(s.text).some((n) => n > 0));
      hits.push({
        articleId: a.id,
        title: a.title,
        source: a.source,
        publishedAt: a.publishedAt,
        url: a.url,
        snippet: sentence ? mark(sentence.text) : mark(a.title ?? ''),
        score: inText.reduce((s, n) => s + n, 0) + 4 * inTitle.reduce((s, n) => s + n, 0),
        order,
      });
    });
    return hits
      .sort((x, y) => y.score - x.score || y.order - x.order)
      .slice(0, filters.limit ?? 20)
      .map(({ order: _order, ...h }) => h);
  }

  /** The keys an entity answers to: its name's and its aliases'. */
  private entityKeys(id: string | null | undefined): string[] {
    const e = id ? this.entityById.get(id) : undefined;
    return e ? [e.name, ...e.aliases].map(normKey) : [];
  }

  async entities(filters: { story?: string; type?: EntityType; limit?: number } = {}): Promise<Entity[]> {
    if (filters.story) this.requireStory(filters.story);
    return this.entitiesNow(filters);
  }

  /** Stored entities mentioned (in the story), most mentioned first, then by name. */
  private entitiesNow(filters: { story?: string; type?: EntityType; limit?: number } = {}): Entity[] {
    const out = new Map<string, Entity>();
    for (const a of this.articles.values()) {
      if (filters.story && this.storyOf.get(a.id) !== filters.story) continue;
      for (const m of a.mentions) {
        const s = this.entityById.get(m.entityId!)!;
        if (filters.type && s.type !== filters.type) continue;
        let e = out.get(s.id);
        if (!e) out.set(s.id, (e = { ...s, aliases: [...s.aliases], mentions: 0, articleIds: [] }));
        e.mentions++;
        if (!e.articleIds.includes(a.id)) e.articleIds.push(a.id);
      }
    }
    return [...out.values()]
      .sort((x, y) => y.mentions - x.mentions || binary(x.name, y.name))
      .slice(0, filters.limit ?? 50);
  }

  async quotes(filters: { speaker?: string; story?: string; limit?: number } = {}): Promise<StoredQuote[]> {
    if (filters.story) this.requireStory(filters.story);
    return this.quotesNow(filters);
  }

  /** Quotes by publication day, then as stored; a speaker matches by part of the name, or an alias. */
  private quotesNow(filters: { speaker?: string; story?: string; limit?: number } = {}): StoredQuote[] {
    const out: StoredQuote[] = [];
    const who = filters.speaker?.toLowerCase();
    const matches = (q: Quote) =>
      !who ||
      (q.speaker ?? '').toLowerCase().includes(who) ||
      this.entityKeys(q.speakerEntityId).includes(normKey(filters.speaker!));
    for (const a of [...this.articles.values()].sort(byDay)) {
      const story = this.storyOf.get(a.id)!;
      if (filters.story && story !== filters.story) continue;
      for (const q of a.quotes.filter(matches))
        out.push({
          speaker: q.speaker,
          text: q.text,
          cue: q.cue,
          date: a.publishedAt,
          articleId: a.id,
          storyId: story,
        });
    }
    return out.slice(0, filters.limit ?? 100);
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    return ids.flatMap((id) => (this.articles.has(id) ? [structuredClone(this.articles.get(id)!)] : []));
  }

  async storyAnalysis(id: string): Promise<Analysis> {
    this.requireStory(id);
    return {
      articles: structuredClone(this.storyArticles(id)),
      entities: this.entitiesNow({ story: id, limit: Infinity }),
      errors: [],
    };
  }

  /** Per day: the story's articles published on it, and its sentences that refer to it (time expressions). */
  async storyDays(id: string): Promise<{ day: string; articles: number; refs: number }[]> {
    this.requireStory(id);
    const days = new Map<string, { day: string; articles: number; refs: number }>();
    const day = (d: string) => days.get(d) ?? days.set(d, { day: d, articles: 0, refs: 0 }).get(d)!;
    for (const a of this.storyArticles(id)) {
      if (a.publishedAt && DAY.test(a.publishedAt)) day(a.publishedAt).articles++;
      for (const s of a.sentences)
        for (const d of new Set(s.timexes.map((t) => t.value).filter((v) => DAY.test(v)))) day(d).refs++;
    }
    return [...days.values()].sort((x, y) => binary(x.day, y.day));
  }

  async articleOutlets() {
    return [...this.articles.values()].map((a) => ({
      source: a.source ?? null,
      url: a.url ?? null,
      publishedAt: a.publishedAt ?? null,
    }));
  }

  async stats(): Promise<StoreStats> {
    const stories = new Set(this.storyOf.values()).size;
    return { articles: this.articles.size, stories, entities: this.entityById.size, bytes: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
