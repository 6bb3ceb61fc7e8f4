/**
 * What a story timeline is built from, read lean from the store and kept up to date incrementally.
 *
 * The timeline builder reads the articles' metadata, sentences (text, time expressions, duplicate groups),
 * quotes, and the story's entities with their mention counts — never tokens, mentions or the raw text. This
 * module reads only those columns (tokens, mentions and the raw text stay in the store and are read on first
 * access, so the articles are still complete Article objects), aggregates entity mention counts in SQL, and
 * keeps each story's state in a bounded per-store cache. When a story grows, only the articles it does not hold
 * yet are read and merged in publication order; the per-sentence term statistics the builder caches on each
 * Sentence object are kept, so an update re-scores the story without re-reading or re-tokenising what it
 * already had. The resulting Analysis is the same, article for article, as `storyAnalysis` rebuilt from scratch.
 */
import type {
  Analysis,
  Article,
  Entity,
  EntityType,
  Mention,
  Quote,
  Sentence,
  Timex,
  Token,
} from '../../model.js';
import { primeSentenceStats, SENTENCE_TERMS_VERSION } from '../../timeline/context.js';
import { termId } from '../../timeline/text.js';
import { decodeMentions, decodeSentenceMeta, tokenLines } from './annotations.js';
import { countedEntities, decodeTokens, rawTextOf, storedFields } from './articles.js';
import { quoteFromRow, type ArticleRow, type QuoteColumns } from './rows.js';
import { dayOrder } from './days.js';

/** An article row as the lean reader returns it: the columns the timeline reads, its sentences, its stored term
 * statistics, and (when the backend reads them along) the columns read otherwise on first access. */
export type LeanRow = Omit<ArticleRow, 'raw_text' | 'story_rowid'> & {
  sentences: string | null;
  data: Uint8Array | null;
  tokens?: string | null;
  mentions?: string | null;
  raw_text?: Uint8Array | string | null;
};

/** What the timeline source reads, from any backend. */
export interface LeanReader {
  /** Rowids of the story's articles. */
  storyArticles(storyRowid: number): Promise<number[]>;
  /** Lean rows of these articles; per article its entities "rowid,mentions;..." in first-mention order; its
   * quote rows (article rowid first). */
  articles(rowids: number[]): Promise<{
    rows: LeanRow[];
    entities: Map<number, string>;
    quotes: Map<number, [number, ...QuoteColumns][]>;
  }>;
  /** Timeline terms by id. */
  terms(ids: number[]): Promise<Map<number, string>>;
  /** Entities by rowid, with their aliases (ordered). */
  entities(
    rowids: number[],
  ): Promise<Map<number, { id: string; name: string; type: EntityType; aliases: string[] }>>;
  /** Columns read on first access, at once (a backend that cannot read synchronously returns them in `articles`). */
  rawText(rowid: number): Uint8Array | string | null | undefined;
  tokens(rowid: number): string | undefined;
  mentions(rowid: number): string | undefined;
  entityId(rowid: number): string | undefined;
}

/** The varints of a stored blob, or null when it is malformed. */
function readVarints(blob: Uint8Array): number[] | null {
  const out: number[] = [];
  let n = 0;
  let scale = 1;
  for (let i = 0; i < blob.length; i++) {
    const b = blob[i]!;
    n += (b & 0x7f) * scale;
    if (b & 0x80) {
      scale *= 128;
      if (scale > 2 ** 42) return null;
    } else {
      out.push(n);
      n = 0;
      scale = 1;
    }
  }
  return scale === 1 ? out : null;
}

/** Whether the values have the stored layout for this many sentences (when given). */
function wellFormed(v: number[], sentences?: number): boolean {
  if (v[0] !== SENTENCE_TERMS_VERSION || v.length < 2) return false;
  if (sentences !== undefined && v[1] !== sentences) return false;
  let p = 2;
  for (let k = 0; k < v[1]!; k++) {
    if (p + 1 >= v.length) return false;
    p += 2 + v[p + 1]!;
  }
  return p === v.length;
}

/** Store term ids used by these (well-formed) stored values, and the number of term occurrences. */
function storeTermIds(all: Iterable<number[]>): { ids: Set<number>; occurrences: number } {
  const ids = new Set<number>();
  let occurrences = 0;
  for (const v of all) {
    let p = 2;
    for (let k = 0; k < v[1]!; k++) {
      const n = v[p + 1]!;
      for (let j = 0; j < n; j++) ids.add(v[p + 2 + j]!);
      occurrences += n;
      p += 2 + n;
    }
  }
  return { ids, occurrences };
}

/**
 * Backing arrays for the sentence statistics of one read: each sentence's ids and counts are views into them.
 * Creating a typed array costs microseconds, a view a fraction of that, and a read primes tens of thousands of
 * sentences.
 */
interface StatsArena {
  ids: Int32Array;
  counts: Float64Array;
  used: number;
}

/** Scratch for one sentence's process term ids (grown as needed; sentences are primed one at a time). */
let termScratch = new Int32Array(256);

/** Seed the builder's statistics of an article's sentences from its stored values (none when they do not fit). */
function primeArticleTerms(
  sentences: Sentence[],
  v: number[],
  processId: Map<number, number>,
  arena: StatsArena,
) {
  if (!wellFormed(v, sentences.length)) return;
  let p = 2;
  for (const s of sentences) {
    const words = v[p]!;
    const n = v[p + 1]!;
    // Process term ids, sorted, then counted by runs: what termBag gives for the sentence's content terms.
    if (termScratch.length < n) termScratch = new Int32Array(Math.max(n, termScratch.length * 2));
    const all = termScratch;
    for (let j = 0; j < n; j++) {
      const id = processId.get(v[p + 2 + j]!);
      if (id === undefined) return;
      // Insertion sort (a sentence has tens of terms): the ascending order Int32Array#sort gives.
      let k = j;
      while (k > 0 && all[k - 1]! > id) {
        all[k] = all[k - 1]!;
        k--;
      }
      all[k] = id;
    }
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || all[i] !== all[i - 1]) distinct++;
    const ids = arena.ids.subarray(arena.used, arena.used + distinct);
    const counts = arena.counts.subarray(arena.used, arena.used + distinct);
    arena.used += distinct;
    let d = -1;
    for (let i = 0; i < n; i++) {
      if (i === 0 || all[i] !== all[i - 1]) ids[++d] = all[i]!;
      counts[d]!++;
    }
    primeSentenceStats(s, ids, counts, words);
    p += 2 + n;
  }
}

/** One article of a story state: the lean Article and its entity mention counts in first-mention order. */
interface Member {
  rowid: number;
  article: Article;
  /** [entity rowid, mentions in this article], ordered by the entity's first mention in the article. */
  entities: [number, number][];
}

interface StoryState {
  version: number;
  /** Members in story order: publication day (no day first), then rowid. */
  members: Member[];
  rowids: Set<number>;
  sentences: number;
}

export interface TimelineSourceOptions {
  /** Cache bound: total sentences kept across cached stories (least recently used stories dropped first). */
  maxSentences?: number;
}

/** ORDER BY published_at, rowid with undated first, on the days as read (storedDay): storyArticles' order. */
function storyOrder(x: Member, y: Member): number {
  return dayOrder(x.article.publishedAt, y.article.publishedAt) || x.rowid - y.rowid;
}

/**
 * A stored sentence whose tokens are read from the store on first access (a getter on the prototype: no
 * per-object property definitions, so tens of thousands of sentences stay cheap to create).
 */
const NO_TIMEXES: Timex[] = Object.freeze([]) as unknown as Timex[];

class LeanSentence implements Sentence {
  timexes: Timex[] = NO_TIMEXES;
  dupGroup?: number;
  private tokenCache?: Token[];
  constructor(
    readonly index: number,
    /** Position in the article's sentence list (the line of its tokens in the stored annotations). */
    readonly position: number,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    private readonly loadTokens: (s: LeanSentence) => Token[],
  ) {}
  get tokens(): Token[] {
    return (this.tokenCache ??= this.loadTokens(this));
  }
  set tokens(v: Token[]) {
    this.tokenCache = v;
  }
}

/** A stored article whose raw text and mentions are read from the store on first access. */
class LeanArticle {
  private rawCache?: string;
  private mentionCache?: Mention[];
  text = '';
  constructor(
    private readonly rowid: number,
    private readonly rawOf: (rowid: number) => Uint8Array | string | null | undefined,
    private readonly mentionsOf: (rowid: number, text: string) => Mention[],
  ) {}
  get rawText(): string {
    return (this.rawCache ??= rawTextOf(this.rawOf(this.rowid), this.text));
  }
  set rawText(v: string) {
    this.rawCache = v;
  }
  get mentions(): Mention[] {
    return (this.mentionCache ??= this.mentionsOf(this.rowid, this.text));
  }
  set mentions(v: Mention[]) {
    this.mentionCache = v;
  }
}

export class TimelineSource {
  private readonly cache = new Map<number, StoryState>();
  private readonly maxSentences: number;
  /** Counters for tests and benches: articles read from the store, stories read whole. */
  readonly stats = { articlesRead: 0, fullReads: 0, incrementalReads: 0 };

  constructor(
    private readonly reader: LeanReader,
    options: TimelineSourceOptions = {},
  ) {
    this.maxSentences = options.maxSentences ?? 200_000;
  }

  /** Drop every cached story (e.g. after a bulk change the state cannot follow). */
  clear() {
    this.cache.clear();
  }

  /** The story's articles (story order) and entities, as an Analysis for the timeline builder. */
  async analysis(storyRowid: number, version: number): Promise<Analysis> {
    const state = await this.state(storyRowid, version);
    return {
      articles: state.members.map((m) => m.article),
      entities: await this.entities(state),
      errors: [],
    };
  }

  private async state(storyRowid: number, version: number): Promise<StoryState> {
    let state = this.cache.get(storyRowid);
    if (state) {
      this.cache.delete(storyRowid); // re-inserted below: most recently used last
      if (state.version !== version) {
        const current = await this.reader.storyArticles(storyRowid);
        const now = new Set(current);
        const fresh = current.filter((r) => !state!.rowids.has(r));
        const gone = state.members.some((m) => !now.has(m.rowid));
        if (gone) state = undefined;
        else {
          const added = await this.read(fresh);
          this.stats.incrementalReads++;
          const members = state.members.concat(added);
          members.sort(storyOrder);
          for (const m of added) state.rowids.add(m.rowid);
          state.members = members;
          state.sentences += added.reduce((n, m) => n + m.article.sentences.length, 0);
          state.version = version;
        }
      }
    }
    if (!state) {
      const rowids = await this.reader.storyArticles(storyRowid);
      const members = await this.read(rowids);
      members.sort(storyOrder);
      this.stats.fullReads++;
      state = {
        version,
        members,
        rowids: new Set(rowids),
        sentences: members.reduce((n, m) => n + m.article.sentences.length, 0),
      };
    }
    this.cache.set(storyRowid, state);
    let total = 0;
    for (const s of this.cache.values()) total += s.sentences;
    for (const [k, s] of this.cache) {
      if (total <= this.maxSentences || k === storyRowid) break;
      this.cache.delete(k);
      total -= s.sentences;
    }
    return state;
  }

  /** Lean articles for these rowids (any order): the columns the timeline reads, the rest on first access. */
  private async read(rowids: number[]): Promise<Member[]> {
    if (!rowids.length) return [];
    const reader = this.reader;
    // Per article: its entity mention counts, each entity at its first mention (the order entities are met in); its
    // quotes; the article columns the timeline reads, with its sentence fields (without their tokens: read per
    // sentence when first asked for) and its stored sentence statistics.
    const { rows, entities: entRows, quotes: quoteRows } = await reader.articles(rowids);
    const blobs = new Map<number, number[]>();
    for (const r of rows) {
      const v = r.data instanceof Uint8Array ? readVarints(r.data) : null;
      if (v && wellFormed(v)) blobs.set(r.rowid, v);
    }
    const processId = new Map<number, number>();
    const { ids: used, occurrences } = storeTermIds(blobs.values());
    const arena: StatsArena = {
      ids: new Int32Array(occurrences),
      counts: new Float64Array(occurrences),
      used: 0,
    };
    if (used.size) for (const [id, term] of await reader.terms([...used])) processId.set(id, termId(term));
    // What a backend read along is used as it is; what it did not is read on first access.
    const lean = new Map(rows.filter((r) => r.tokens !== undefined).map((r) => [r.rowid, r]));
    const rawOf = (rowid: number) => (lean.has(rowid) ? lean.get(rowid)!.raw_text : reader.rawText(rowid));
    const tokensOf = (rowid: number) =>
      lean.has(rowid) ? (lean.get(rowid)!.tokens ?? undefined) : reader.tokens(rowid);
    const mentionsOfArticle = (rowid: number, text: string) => {
      const json = lean.has(rowid) ? lean.get(rowid)!.mentions : reader.mentions(rowid);
      return json ? decodeMentions(json, text, (er) => reader.entityId(er)) : [];
    };
    this.stats.articlesRead += rows.length;
    return rows.map((r) => {
      const text = r.text;
      const rowid = r.rowid;
      // The article's token lines are read once, when the first sentence's tokens are asked for.
      let lines: string[] | undefined;
      const loadTokens = (s: LeanSentence) => {
        lines ??= tokenLines(tokensOf(rowid) ?? '');
        return decodeTokens(lines[s.position] ?? '', text, s.start);
      };
      const sentences: Sentence[] = (r.sentences ? decodeSentenceMeta(r.sentences) : []).map(
        ([index, start, end, group, tx], i) => {
          const s = new LeanSentence(index, i, start, end, text.slice(start, end), loadTokens);
          if (tx) s.timexes = tx;
          if (group !== null) s.dupGroup = group;
          return s;
        },
      );
      const blob = blobs.get(rowid);
      if (blob) primeArticleTerms(sentences, blob, processId, arena);
      const quotes: Quote[] = (quoteRows.get(rowid) ?? []).map(quoteFromRow);
      const a: Article = Object.assign(new LeanArticle(rowid, rawOf, mentionsOfArticle), {
        ...storedFields(r),
        text,
        sentences,
        quotes,
      });
      if (r.lines_are_sentences) a.linesAreSentences = true;
      const entities: [number, number][] = [];
      const list = entRows.get(rowid);
      if (list)
        for (const pair of list.split(';')) {
          const comma = pair.indexOf(',');
          entities.push([Number(pair.slice(0, comma)), Number(pair.slice(comma + 1))]);
        }
      return { rowid, article: a, entities };
    });
  }

  /** The story's entities with their mention counts, most mentioned first (ties: first met first). */
  private async entities(state: StoryState): Promise<Entity[]> {
    const counts = new Map<number, { mentions: number; articles: string[] }>();
    for (const m of state.members)
      for (const [er, n] of m.entities) {
        let c = counts.get(er);
        if (!c) counts.set(er, (c = { mentions: 0, articles: [] }));
        c.mentions += n;
        c.articles.push(m.article.id);
      }
    if (!counts.size) return [];
    const rows = await this.reader.entities([...counts.keys()]);
    return countedEntities(counts, (er) => rows.get(er));
  }
}
