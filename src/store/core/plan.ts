/**
 * The batch planner: what committing an analysed batch writes, decided from a snapshot of the store (read inside
 * the write lock) without writing anything, so that every backend runs the same decisions and only executes
 * the plan's rows with its own SQL (sqlite/apply.ts, postgres/apply.ts).
 *
 * In order, as the store's writer always did it:
 *  1. entities: each batch entity is matched to a stored one (same type and name or alias; else a variant found
 *     by the cross-batch rules of entity-link.ts), or created; its names become aliases;
 *  2. short forms: a batch alias that is a stored entity's whole name merges that entity in (entity-merge.ts);
 *  3. articles: duplicates re-checked (another writer may have stored them since), ids made unique, rows
 *     encoded with the stored entity rowids and timeline term ids;
 *  4. stories: each new article clustered into a story (or the chosen one), per-story day statistics summed,
 *     stories that turned out to be one merged, and the touched stories' state saved with new document
 *     frequencies.
 * The plan holds each write in that order; a backend may batch rows of one kind, never reorder kinds.
 */
import type { Article, Entity, EntityType, Mention } from '../../model.js';
import {
  addDocFreq,
  articleFeatures,
  clusterOrder,
  decodeVector,
  encodeVector,
  StoryClusterer,
  type DocFreq,
  type StoryState,
} from '../../stories/cluster.js';
import { encodeMentions } from './annotations.js';
import { EntityLinker } from './entity-link.js';
import { shortFormEntity } from './entity-merge.js';
import { encodeTermStats, normKey, type PreparedArticle } from './prepare.js';
import { storedDay } from './days.js';
import type { BatchSnapshot, StoredStory } from './snapshot.js';
import type { ArticleRow } from './rows.js';
import { BatchView } from './view.js';
import { canonicalUrl } from './urls.js';

/** An analysed batch to commit. */
export interface BatchInput {
  /** Articles not stored when analysis began (selectFresh), with `contentHash` set, in input order. */
  articles: Article[];
  /** The store rows of each article that do not depend on the store (prepare.ts). */
  prepared: (a: Article) => PreparedArticle;
  /** The batch's entities (every mention's entityId names one of them). */
  entities: Entity[];
  /** Put the new articles in this story (an id, possibly of a merged story) or the one the function names. */
  story?: string | ((a: Article) => string);
  /** Put the new articles in one new story, with this id when no story has (or had) it. */
  newStory?: string;
  /** The `added_at` time of the new articles. */
  now: string;
  onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * A dry run that only learns the planner's questions (postgres/store.ts's foresee): the articles' clustering
   * features are made (asking their document frequencies) but not clustered; the plan is not written.
   */
  questionsOnly?: boolean;
  /** A dry run: the plan is not written (postgres/store.ts's foresee), so work that asks the store nothing is
   * skipped. */
  dryRun?: boolean;
}

/** An article row as the plan writes it. */
export interface PlannedArticle {
  rowid: number;
  id: string;
  storyRowid: number;
  /** The `articles` row (its rowid and id are the fields above; the story is `storyRowid`). */
  row: Omit<ArticleRow, 'rowid' | 'id' | 'raw_text' | 'lines_are_sentences' | 'story_rowid'> & {
    raw_text: Uint8Array | null;
    lines_are_sentences: number;
    added_at: string;
  };
  /** The `annotations` row: sentences, tokens, mentions. */
  annotations: [string, string, string];
  /** `article_entities` rows: entity rowid, mentions, position of the first. */
  entities: [number, number, number][];
  /** The `sentence_terms` blob. */
  sentenceTerms: Uint8Array;
  /** `quotes` rows: idx, text, kind, speaker, speaker entity rowid, speaker text, cue, start, end, sentence. */
  quotes: [
    number,
    string,
    string,
    string | null,
    number | null,
    string | null,
    string | null,
    number,
    number,
    number,
  ][];
}

/** Writes of the entity steps, in order. */
export type EntityOp =
  | { op: 'entity'; rowid: number; id: string; name: string; key: string; type: EntityType }
  /** INSERT OR IGNORE (entity, key): the first alias given for a key stays. */
  | { op: 'alias'; entity: number; alias: string; key: string }
  | { op: 'matchKey'; kind: string; key: string; entity: number }
  /** Entity `from` merged into `into` (entity-merge.ts): counts, mentions, quotes, aliases move; `from` goes.
   * `articles`: the stored articles whose annotations name `from`. */
  | { op: 'mergeEntity'; from: number; into: number; articles: number[] }
  | { op: 'storyVersion'; story: number }
  | { op: 'storyEntityVector'; story: number; vector: string };

export interface StorySave {
  rowid: number;
  size: number;
  first: string | null;
  last: string | null;
  terms: string;
  entityVector: string;
}

export interface BatchPlan {
  entityOps: EntityOp[];
  /** New stories (rowid, id). */
  stories: [number, string][];
  /** New timeline terms (id, term). */
  terms: [number, string][];
  articles: PlannedArticle[];
  /** Mentions added per entity rowid. */
  entityMentions: [number, number][];
  /** Per story and day: articles published, sentences referring (added to the stored counts). */
  storyDays: [number, string, number, number][];
  /** Stories merged, in order: `from`'s articles, days and aliases go to `into`, `from` is deleted and its id
   * becomes an alias of `into`. */
  storyMerges: { from: number; into: number; fromId: string }[];
  storySaves: StorySave[];
  /** Document frequencies to store, and the document count. */
  docFreq: [string, number][];
  docs: number;
  /** What to report: articles added and found stored meanwhile, stories touched and merged. */
  added: string[];
  duplicates: string[];
  storiesTouched: string[];
  merged: { from: string; into: string }[];
  into?: string;
  /** Articles whose id was taken, with the id they were given (they now carry the id they are stored under). */
  renamed: [Article, string][];
  /** Stored entities were merged (cached story states hold their old rowids). */
  entitiesMerged: boolean;
}

/** Document frequencies read from the snapshot on first use of each term (a term not stored has frequency 0). */
class SnapshotDocFreq extends Map<string, number> {
  constructor(private readonly lookup: (term: string) => number | undefined) {
    super();
  }

  override get(term: string): number {
    let v = super.get(term);
    if (v === undefined) super.set(term, (v = this.lookup(term) ?? 0));
    return v;
  }
}

/** Plan the commit of `input` against `snapshot` (see the module comment). Pure: reads, never writes. */
export function planBatch(input: BatchInput, snapshot: BatchSnapshot): BatchPlan {
  const view = new BatchView(snapshot);
  const plan: BatchPlan = {
    entityOps: [],
    stories: [],
    terms: [],
    articles: [],
    entityMentions: [],
    storyDays: [],
    storyMerges: [],
    storySaves: [],
    docFreq: [],
    docs: 0,
    added: [],
    duplicates: [],
    storiesTouched: [],
    merged: [],
    renamed: [],
    entitiesMerged: false,
  };
  try {
    const story = chosenStory(input, snapshot);
    const batchEntity = resolveEntities(input.entities, view, plan);
    const vectors = new StoryVectors(snapshot);
    mergeShortForms(input.entities, batchEntity, view, vectors, plan);
    const inserted = planArticles(input, view, batchEntity, plan);
    if (inserted.length) planStories(input, story, inserted, batchEntity, snapshot, vectors, plan);
    if (typeof story === 'string') plan.into = story;
    return plan;
  } catch (e) {
    undoRenames(plan);
    throw e;
  }
}

/** The articles of a plan that is not written get back the ids they were given. */
export function undoRenames(plan: Pick<BatchPlan, 'renamed'>): void {
  for (const [a, id] of plan.renamed) a.id = id;
  plan.renamed = [];
}

/** The story chosen by the caller: a merged story's id means the story it joined; a new story's id is made. */
function chosenStory(input: BatchInput, snapshot: BatchSnapshot): BatchInput['story'] {
  if (input.newStory !== undefined) {
    if (!snapshot.storyIdTaken(input.newStory)) return input.newStory;
    let n = snapshot.nextRowid('stories');
    while (snapshot.storyIdTaken(`s${n}`)) n++;
    return `s${n}`;
  }
  if (typeof input.story === 'string') return snapshot.storyByAlias(input.story) ?? input.story;
  return input.story;
}

/**
 * Map batch entity ids to stored entities (same type and name or alias; else a variant found by the cross-batch
 * rules of entity-link.ts, with the exactly matched ones as context), creating new ones.
 */
function resolveEntities(entities: Entity[], view: BatchView, plan: BatchPlan): Map<string, number> {
  const ops = plan.entityOps;
  const cache = new Map<string, number>();
  // Names repeat across a batch's entities: normalise each once, and write each (entity, alias) pair once.
  const keys = new Map<string, string>();
  const nk = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = normKey(s)));
    return k;
  };
  const aliased = new Set<string>();
  const find = (type: EntityType, name: string, aliases: string[]): number | undefined => {
    let r = cache.get(`${type}\0${nk(name)}`) ?? view.entityByKey(type, nk(name))?.rowid;
    if (r === undefined)
      for (const al of [name, ...aliases])
        if ((r = view.entityByAlias(nk(al), type)?.rowid) !== undefined) break;
    return r;
  };
  const keep = (r: number, type: EntityType, name: string, aliases: string[]) => {
    cache.set(`${type}\0${nk(name)}`, r);
    for (const al of [name, ...aliases]) {
      const ak = `${r}\0${al}`;
      if (aliased.has(ak)) continue;
      aliased.add(ak);
      ops.push({ op: 'alias', entity: r, alias: al, key: nk(al) });
      view.addAlias(r, nk(al));
    }
  };
  const batchEntity = new Map<string, number>();
  const unmatched: Entity[] = [];
  for (const e of entities) {
    const r = find(e.type, e.name, e.aliases);
    if (r === undefined) unmatched.push(e);
    else {
      keep(r, e.type, e.name, e.aliases);
      batchEntity.set(e.id, r);
    }
  }
  if (!unmatched.length) return batchEntity;
  const linker = new EntityLinker({
    entitiesByMatchKey: (kind, key) => view.entitiesByMatchKey(kind, key),
    crossType: (key, type) => view.crossType(key, type),
    entityContext: (rowid) => view.entityContext(rowid),
    addMatchKey: (kind, key, rowid) => {
      ops.push({ op: 'matchKey', kind, key, entity: rowid });
      view.addMatchKey(kind, key, rowid);
    },
  });
  const known = new Map<string, number[]>();
  for (const e of entities) {
    const r = batchEntity.get(e.id);
    if (r !== undefined) for (const id of e.articleIds) (known.get(id) ?? known.set(id, []).get(id)!).push(r);
  }
  for (const e of unmatched) {
    // An earlier entity of this pass may have created or claimed the name.
    let r = find(e.type, e.name, e.aliases);
    if (r === undefined) {
      const context = new Set<number>();
      for (const id of e.articleIds) for (const o of known.get(id) ?? []) context.add(o);
      r = linker.link(e.type, e.name, nk(e.name), e.mentions, context) ?? undefined;
    }
    if (r === undefined) {
      const created = view.createEntity(e.type, e.name, nk(e.name));
      ops.push({ op: 'entity', ...created });
      r = created.rowid;
      linker.index(r, e.type, e.name);
    }
    keep(r, e.type, e.name, e.aliases);
    batchEntity.set(e.id, r);
  }
  return batchEntity;
}

/** Stored story rows, with the entity vectors and versions entity merges changed in this batch. */
class StoryVectors {
  readonly rows: StoredStory[];
  private readonly byRowid = new Map<number, StoredStory>();

  constructor(snapshot: BatchSnapshot) {
    this.rows = snapshot.stories().map((r) => ({ ...r }));
    for (const r of this.rows) this.byRowid.set(r.rowid, r);
  }

  get(rowid: number): StoredStory | undefined {
    return this.byRowid.get(rowid);
  }
}

/**
 * A batch entity's alias that is the name of one other stored entity of its type, known by it alone, shows the
 * two are one (see entity-merge.ts): that entity is merged into the batch entity's. `batchEntity` follows.
 */
function mergeShortForms(
  entities: Entity[],
  batchEntity: Map<string, number>,
  view: BatchView,
  vectors: StoryVectors,
  plan: BatchPlan,
) {
  const stories = new Set<number>();
  for (const e of entities) {
    const into = batchEntity.get(e.id);
    // Without aliases, the batch names the entity no other way (nothing to merge).
    if (into === undefined || !e.aliases.length) continue;
    const nameKey = normKey(e.name);
    for (const al of e.aliases) {
      const key = normKey(al);
      if (key === nameKey) continue;
      const from = shortFormEntity(view, into, e.type, key, e.mentions);
      if (from === null) continue;
      const articles = view.mergeEntity(from, into);
      plan.entityOps.push({ op: 'mergeEntity', from, into, articles: articles.map((x) => x.article) });
      // The stories of those articles get a new version, and the entity's weight in their entity vectors moves.
      const touched = [...new Set(articles.map((x) => x.story).filter((s): s is number => s !== null))];
      for (const s of touched) plan.entityOps.push({ op: 'storyVersion', story: s });
      for (const s of touched) {
        const row = vectors.get(s);
        if (!row) continue;
        row.version++;
        const vec = decodeVector(row.entity_vec);
        const w = vec.get(`e${from}`);
        if (w !== undefined) {
          vec.delete(`e${from}`);
          vec.set(`e${into}`, (vec.get(`e${into}`) ?? 0) + w);
        }
        row.entity_vec = encodeVector(vec);
        plan.entityOps.push({ op: 'storyEntityVector', story: s, vector: row.entity_vec });
        stories.add(s);
      }
      for (const [id, r] of batchEntity) if (r === from) batchEntity.set(id, into);
      plan.entitiesMerged = true;
    }
  }
  for (const s of stories) {
    const id = vectors.get(s)?.id;
    if (id !== undefined && !plan.storiesTouched.includes(id)) plan.storiesTouched.push(id);
  }
}

/** Rows of the articles not stored meanwhile, with their ids made unique; returns them in input order. */
function planArticles(
  input: BatchInput,
  view: BatchView,
  batchEntity: Map<string, number>,
  plan: BatchPlan,
): { a: Article; rowid: number }[] {
  const mentionCounts = new Map<number, number>();
  const inserted: { a: Article; rowid: number }[] = [];
  // Per prepared dictionary: its entries' store term ids (0: not looked up yet; store ids start at 1).
  const mapped = new Map<string[], Float64Array>();
  const termOf = (term: string) => view.termId(term, (id, t) => plan.terms.push([id, t]));
  for (const a of input.articles) {
    const url = canonicalUrl(a);
    if (view.articleStored(a.contentHash!, url)) {
      plan.duplicates.push(a.id);
      continue;
    }
    const p = input.prepared(a);
    let id = a.id;
    for (let n = 2; view.articleIdTaken(id); n++) id = `${a.id}-${n}`;
    if (id !== a.id) {
      plan.renamed.push([a, a.id]);
      a.id = id;
    }
    const rowid = view.addArticle(id, a.contentHash!, url);
    const ann = encodeMentions(a.mentions, (m) =>
      m.entityId !== undefined ? (batchEntity.get(m.entityId) ?? null) : null,
    );
    const entities: [number, number, number][] = [];
    for (const [er, [n, first]] of ann.entities) {
      entities.push([er, n, first]);
      mentionCounts.set(er, (mentionCounts.get(er) ?? 0) + n);
    }
    const dict = p.dictionary;
    let ids = mapped.get(dict);
    if (!ids || ids.length < dict.length) {
      const grown = new Float64Array(dict.length);
      if (ids) grown.set(ids);
      mapped.set(dict, (ids = grown));
    }
    plan.articles.push({
      rowid,
      id,
      storyRowid: 0,
      row: {
        content_hash: a.contentHash!,
        canonical_url: url,
        url: a.url,
        path: a.path,
        title: a.title,
        byline: a.byline,
        source: a.source,
        published_at: a.publishedAt,
        published_at_evidence: a.publishedAtEvidence ?? null,
        language: a.language ?? null,
        topic: a.topic ?? null,
        raw_text: p.raw,
        text: a.text,
        removed: a.removed.length ? JSON.stringify(a.removed) : null,
        warnings: a.warnings.length ? JSON.stringify(a.warnings) : null,
        duplicate_of: a.duplicateOf ?? null,
        lines_are_sentences: a.linesAreSentences ? 1 : 0,
        added_at: input.now,
      },
      annotations: [p.sentences, p.tokens, ann.mentions],
      entities,
      sentenceTerms: encodeTermStats(p, a.sentences.length, ids, (k) => termOf(dict[k]!)),
      quotes: a.quotes.map((q, i) => [
        i,
        q.text,
        q.kind,
        q.speaker,
        q.speakerEntityId ? (batchEntity.get(q.speakerEntityId) ?? null) : null,
        q.speakerText ?? null,
        q.cue,
        q.start,
        q.end,
        q.sentenceIndex,
      ]),
    });
    inserted.push({ a, rowid });
    plan.added.push(id);
  }
  plan.entityMentions = [...mentionCounts];
  return inserted;
}

/** Cluster (or assign) each new article, in clustering order; merge stories that turned out to be one. */
function planStories(
  input: BatchInput,
  story: BatchInput['story'],
  inserted: { a: Article; rowid: number }[],
  batchEntity: Map<string, number>,
  snapshot: BatchSnapshot,
  vectors: StoryVectors,
  plan: BatchPlan,
) {
  input.onProgress?.('stories', 0, inserted.length);
  // Publication day, then content (clusterOrder): the partition does not depend on the input order.
  const prepared = input.prepared;
  const rank = new Map(
    clusterOrder(
      inserted.map((x) => x.a),
      (a) => prepared(a).orderKey,
    ).map((a, i) => [a, i]),
  );
  const ordered = [...inserted].sort((x, y) => rank.get(x.a)! - rank.get(y.a)!);
  const entityKey = (m: Mention) => {
    const er = m.entityId !== undefined ? batchEntity.get(m.entityId) : undefined;
    return er !== undefined ? `e${er}` : `${m.type}:${normKey(m.text)}`;
  };
  const features = ordered.map(({ a }) => articleFeatures(a, entityKey, undefined, prepared(a).featureTerms));
  const df: DocFreq = { docs: snapshot.docs(), df: new SnapshotDocFreq((t) => snapshot.docFreq(t)) };
  const changed = new Set<string>();
  for (const f of features) for (const t of f.terms.keys()) changed.add(t);
  for (const f of features) addDocFreq(df, f);
  if (input.questionsOnly) return;
  const storyRowid = new Map<string, number>();
  let nextStory = snapshot.nextRowid('stories');
  const taken = (id: string) => storyRowid.has(id) || snapshot.storyIdTaken(id);
  const newStoryId = () => {
    const r = nextStory++;
    let id = `s${r}`;
    // An imported story may already carry this id.
    for (let n = 2; taken(id); n++) id = `s${r}-${n}`;
    plan.stories.push([r, id]);
    storyRowid.set(id, r);
    return id;
  };
  const states: StoryState[] = vectors.rows
    .filter((r) => r.size > 0)
    .map((r) => ({
      id: r.id,
      size: r.size,
      first: storedDay(r.first_day),
      last: storedDay(r.last_day),
      terms: decodeVector(r.terms),
      entities: decodeVector(r.entity_vec),
    }));
  const clusterer = new StoryClusterer(states, df, newStoryId);
  const rowidOf = (sid: string) => {
    let r = storyRowid.get(sid) ?? snapshot.storyRowid(sid);
    if (r === undefined) {
      // A chosen story id that does not exist yet (a new story given its id): create it.
      r = nextStory++;
      plan.stories.push([r, sid]);
    }
    storyRowid.set(sid, r);
    return r;
  };
  const touched = new Set<string>();
  // Incremental date statistics per story: the batch's counts summed per (story, day), then added to the stored
  // ones with one statement each (the sums are what one statement per article and day would leave).
  const storyDays = new Map<number, Map<string, [number, number]>>();
  const articleRow = new Map(plan.articles.map((x) => [x.rowid, x]));
  ordered.forEach(({ a, rowid }, i) => {
    const f = features[i]!;
    let sid: string;
    if (story) {
      sid = typeof story === 'string' ? story : story(a);
      rowidOf(sid);
      const s = clusterer.stories.get(sid) ?? {
        id: sid,
        size: 0,
        first: null,
        last: null,
        terms: new Map(),
        entities: new Map(),
      };
      clusterer.absorb(s, f);
    } else sid = clusterer.add(f).storyId;
    const sr = rowidOf(sid);
    articleRow.get(rowid)!.storyRowid = sr;
    touched.add(sid);
    let days = storyDays.get(sr);
    if (!days) storyDays.set(sr, (days = new Map()));
    if (a.publishedAt) {
      const d = days.get(a.publishedAt);
      if (d) d[0]++;
      else days.set(a.publishedAt, [1, 0]);
    }
    for (const s of a.sentences)
      for (const t of s.timexes)
        if (t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value)) {
          const d = days.get(t.value);
          if (d) d[1]++;
          else days.set(t.value, [0, 1]);
        }
    if (i % 100 === 99) input.onProgress?.('stories', i + 1, ordered.length);
  });
  for (const [sr, days] of storyDays)
    for (const [day, [n, refs]] of days) plan.storyDays.push([sr, day, n, refs]);
  input.onProgress?.('stories', ordered.length, ordered.length);
  // Stories that turned out to be one are merged (the absorbed story's articles and statistics move over). In a
  // plan that will not be written (a dry run, or one made on partial answers, made again once they are read),
  // the merge pass is quadratic in the stories near the batch's (about 1 s a plan for 100 articles among 400
  // stories): a dry run only touches what it would compare, to ask the document frequencies it would.
  if (!story && input.dryRun) clusterer.touchMergeNodes([...touched].sort());
  else if (!story && !snapshot.incomplete?.())
    for (const [from, into] of clusterer.mergeSimilar([...touched].sort())) {
      plan.storyMerges.push({ from: rowidOf(from), into: rowidOf(into), fromId: from });
      touched.delete(from);
      touched.add(into);
      // Only stories that still exist are reported as touched; absorbed ones are listed in `merged`.
      plan.merged.push({ from, into });
    }
  for (const sid of [...touched].sort()) {
    const s = clusterer.stories.get(sid)!;
    plan.storySaves.push({
      rowid: rowidOf(sid),
      size: s.size,
      first: s.first,
      last: s.last,
      terms: encodeVector(s.terms),
      entityVector: encodeVector(s.entities),
    });
  }
  for (const t of changed) plan.docFreq.push([t, df.df.get(t) ?? 0]);
  plan.docs = df.docs;
  plan.storiesTouched = [...new Set([...touched, ...plan.storiesTouched])]
    .filter((id) => !plan.merged.some((m) => m.from === id))
    .sort();
}
