/**
 * Stored rows back into the document model, whatever the backend: an article from its row, its annotations row
 * and its quotes (tokens decoded on first use), and the entities of a set of articles with their counts.
 */
import { inflateRawSync } from 'node:zlib';
import type { Article, Entity, EntityType, Mention, Quote, Sentence, Token } from '../../model.js';
import { decodeMentions, decodeSentenceMeta, tokenLines } from './annotations.js';
import { storedDay } from './days.js';
import { groupRows, quoteFromRow, type ArticleRow, type QuoteColumns } from './rows.js';

export { encodeTokens } from './prepare.js';

/** Tokens as stored (prepare.ts's encodeTokens; older rows hold a JSON array of absolute offsets). */
export function decodeTokens(encoded: string, text: string, sentenceStart: number): Token[] {
  if (encoded.startsWith('[')) {
    const flat = JSON.parse(encoded) as number[];
    const tokens = new Array<Token>(flat.length >> 1);
    for (let i = 0; i < flat.length; i += 2)
      tokens[i >> 1] = { text: text.slice(flat[i], flat[i + 1]), start: flat[i]!, end: flat[i + 1]! };
    return tokens;
  }
  if (!encoded) return [];
  let prev = sentenceStart;
  return encoded.split(' ').map((pair) => {
    const dot = pair.indexOf('.');
    const start = prev + parseInt(pair.slice(0, dot), 36);
    const end = start + parseInt(pair.slice(dot + 1), 36);
    prev = end;
    return { text: text.slice(start, end), start, end };
  });
}

/** The text an article was read as: stored deflate-compressed, NULL when equal to the cleaned text. */
export function rawTextOf(raw: Uint8Array | string | null | undefined, text: string): string {
  if (raw === null || raw === undefined) return text;
  return typeof raw === 'string' ? raw : inflateRawSync(raw).toString('utf8');
}

/**
 * Tokens are decoded on first use: most consumers of a rebuilt story (timelines over thousands of articles)
 * read sentence texts and annotations, not every token. The property is an ordinary enumerable one once read.
 */
function lazyTokens(s: Sentence, text: string, encoded: string, sentenceStart: number) {
  Object.defineProperty(s, 'tokens', {
    enumerable: true,
    configurable: true,
    get() {
      const tokens = decodeTokens(encoded, text, sentenceStart);
      Object.defineProperty(s, 'tokens', {
        value: tokens,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return tokens;
    },
    set(v) {
      Object.defineProperty(s, 'tokens', { value: v, enumerable: true, writable: true, configurable: true });
    },
  });
}

/** An article rebuilt from its row, its annotations row ([sentences, tokens, mentions]) and its quotes. */
export function articleFromRows(
  r: ArticleRow,
  ann: [string, string, string] | undefined,
  entityId: (rowid: number) => string | undefined,
  quotes: Quote[],
): Article {
  const text = r.text;
  const lines = ann ? tokenLines(ann[1]) : [];
  const sentences: Sentence[] = (ann ? decodeSentenceMeta(ann[0]) : []).map(
    ([index, start, end, group, tx], i) => {
      const s = { index, start, end, text: text.slice(start, end) } as Sentence;
      lazyTokens(s, text, lines[i] ?? '', start);
      s.timexes = tx ?? [];
      if (group !== null) s.dupGroup = group;
      return s;
    },
  );
  const mentions: Mention[] = ann ? decodeMentions(ann[2], text, entityId) : [];
  const a: Article = {
    ...storedFields(r),
    rawText: rawTextOf(r.raw_text, text),
    sentences,
    mentions,
    quotes,
  };
  if (r.lines_are_sentences) a.linesAreSentences = true;
  return a;
}

/** The article fields a stored row gives as they are (the full reader above and the lean timeline reader). */
export function storedFields(r: Omit<ArticleRow, 'raw_text' | 'story_rowid'>) {
  return {
    id: r.id,
    path: r.path,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    byline: r.byline,
    source: r.source,
    publishedAt: storedDay(r.published_at),
    publishedAtEvidence: (r.published_at_evidence as Article['publishedAtEvidence']) ?? null,
    language: r.language,
    text: r.text,
    removed: r.removed ? (JSON.parse(r.removed) as Article['removed']) : [],
    warnings: r.warnings ? (JSON.parse(r.warnings) as Article['warnings']) : [],
    topic: r.topic,
    contentHash: r.content_hash,
    duplicateOf: r.duplicate_of,
  };
}

/**
 * Articles rebuilt from their rows and the set reads every backend makes for them at once: annotation rows
 * (article rowid, sentences, tokens, mentions), the ids of the entities they mention by rowid, and quote rows.
 */
export function articlesFromRowSets(
  rows: ArticleRow[],
  annotations: Iterable<[number, string, string, string]>,
  entityIds: Map<number, string>,
  quotes: Iterable<[number, ...QuoteColumns]>,
): Article[] {
  const annRows = groupRows<[string, string, string]>(annotations);
  const quoteRows = groupRows<QuoteColumns>(quotes);
  return rows.map((r) => {
    const ann = annRows.get(r.rowid)?.[0];
    return articleFromRows(
      r,
      ann && [ann[1], ann[2], ann[3]],
      (er) => entityIds.get(er),
      (quoteRows.get(r.rowid) ?? []).map(quoteFromRow),
    );
  });
}

/** Entities mentioned in the given articles (ids as stored), most mentioned first; `lookup` gives the stored
 * entity (and its aliases) of an id. */
export function entitiesOf(
  articles: Article[],
  lookup: Map<string, { name: string; type: EntityType; aliases: string[] }>,
): Entity[] {
  const counts = new Map<string, { mentions: number; articles: string[] }>();
  for (const a of articles)
    for (const m of a.mentions) {
      if (!m.entityId) continue;
      let c = counts.get(m.entityId);
      if (!c) counts.set(m.entityId, (c = { mentions: 0, articles: [] }));
      c.mentions++;
      if (c.articles[c.articles.length - 1] !== a.id) c.articles.push(a.id);
    }
  return countedEntities(counts, (id) => {
    const e = lookup.get(id);
    return e && { id, ...e };
  });
}

/** Per-entity counts (mentions, articles) with the stored entity each key names (skipped when it names none),
 * as entities: most mentioned first, then by name. */
export function countedEntities<K>(
  counts: Map<K, { mentions: number; articles: string[] }>,
  stored: (key: K) => { id: string; name: string; type: EntityType; aliases: string[] } | undefined,
): Entity[] {
  const out: Entity[] = [];
  for (const [key, c] of counts) {
    const e = stored(key);
    if (!e) continue;
    out.push({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases.filter((x) => x !== e.name),
      mentions: c.mentions,
      articleIds: c.articles,
    });
  }
  return out.sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name));
}

/** Entity ids mentioned in these articles (for `entitiesOf`'s lookup). */
export function mentionedEntityIds(articles: Article[]): string[] {
  const ids = new Set<string>();
  for (const a of articles) for (const m of a.mentions) if (m.entityId) ids.add(m.entityId);
  return [...ids];
}
