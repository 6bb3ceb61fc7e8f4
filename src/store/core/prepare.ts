/**
 * The per-article part of writing an analysed article to the store that depends on the article alone, not on
 * what the store holds: the sentence annotations as stored (with their dup-group ids), the encoded tokens, the
 * compressed raw text, the timeline builder's sentence term statistics (before term ids are mapped to the
 * store's), the clustering term vector and the clustering order key.
 *
 * `prepareArticles` computes them for a batch. The analysis workers (src/parallel/worker.ts) run it right after
 * the pipeline and send the result back with the analysed articles, so the store's writer, the one thread that
 * holds the write lock, only maps ids and runs SQL; a batch analysed on the writer's own thread has them
 * computed by the same function at write time. Either way the stored rows are the same.
 */
import { hash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { Article, Sentence, Token } from '../../model.js';
import { SENTENCE_TERMS_VERSION, sentenceTerms } from '../../timeline/context.js';
import { articleTermVector, clusterOrderKey } from '../../stories/cluster.js';
import { ASCII_ONLY, collapseSpaces } from '../../util/chars.js';

/** The store's normalised key of a name or text: NFKC (skipped for ASCII, which it leaves unchanged),
 * lower case, runs of spaces collapsed, trimmed. */
export function normKey(s: string): string {
  return collapseSpaces((ASCII_ONLY.test(s) ? s : s.normalize('NFKC')).toLowerCase()).trim();
}

/** Stable dup-group id for a sentence text (so groups from different batches agree on exact repeats). */
export function groupId(text: string): number {
  // The first 6 bytes of the digest (= its first 12 hex digits).
  return hash('sha1', normKey(text).replace(/[^\p{L}\p{N} ]/gu, ''), 'buffer').readUIntBE(0, 6);
}

/**
 * Tokens stored compactly: for each token, the gap from the previous token's end (the sentence start for the
 * first) and its length, in base 36, as "gap.len" pairs joined by spaces ("0.3 1.5 0.1"). Older rows hold a JSON
 * array of absolute [start, end, ...] offsets and are still read (decodeTokens in sqlite.ts).
 */
export function encodeTokens(tokens: Token[], sentenceStart: number): string {
  let prev = sentenceStart;
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i) out += ' ';
    out += base36(t.start - prev) + '.' + base36(t.end - t.start);
    prev = t.end;
  }
  return out;
}

/** `n.toString(36)` of the small non-negative integers token gaps and lengths nearly always are, from a table. */
const BASE36 = Array.from({ length: 1296 }, (_, n) => n.toString(36));

function base36(n: number): string {
  return n >= 0 && n < 1296 && Number.isInteger(n) ? BASE36[n]! : n.toString(36);
}

/** What the writer stores of an article without looking at the store. */
export interface PreparedArticle {
  /** The `annotations.sentences` column: JSON [[index, start, end, dupGroup|null, timexes?], ...]. */
  sentences: string;
  /** The `annotations.tokens` column: each sentence's encodeTokens, one line per sentence. */
  tokens: string;
  /** The raw text deflate-compressed (`articles.raw_text`), or null when it equals the text. */
  raw: Uint8Array | null;
  /** Sentence term statistics with batch-local term numbers: per sentence its word count, its number of content
   * terms, then those terms in order as indexes into `dictionary` (see encodeTermStats). */
  termStats: Uint32Array;
  /** The terms `termStats` refers to (one array shared by the articles of a batch). */
  dictionary: string[];
  /** The clustering term vector (articleTermVector). */
  featureTerms: Map<string, number>;
  /** The clustering order key (clusterOrderKey). */
  orderKey: string;
}

/** The stored dup-group id of each sentence: sentences of one near-duplicate group share the id computed from
 * the text of the group's first sentence in the article. */
function sentenceGroups(sentences: readonly Sentence[]): (number | null)[] {
  const firstOfGroup = new Map<number, number>();
  return sentences.map((s) => {
    if (s.dupGroup === undefined) return null;
    let group = firstOfGroup.get(s.dupGroup);
    if (group === undefined) firstOfGroup.set(s.dupGroup, (group = groupId(s.text)));
    return group;
  });
}

/** Prepare the analysed articles of one batch (see the module comment). */
export function prepareArticles(articles: readonly Article[]): PreparedArticle[] {
  const dictionary: string[] = [];
  const local = new Map<string, number>();
  return articles.map((a) => prepareArticle(a, dictionary, local));
}

function prepareArticle(a: Article, dictionary: string[], local: Map<string, number>): PreparedArticle {
  const groups = sentenceGroups(a.sentences);
  const meta: unknown[] = new Array(a.sentences.length);
  let tokens = '';
  const stats: number[] = [];
  a.sentences.forEach((s, i) => {
    const row: unknown[] = [s.index, s.start, s.end, groups[i]];
    if (s.timexes.length) row.push(s.timexes);
    meta[i] = row;
    if (i) tokens += '\n';
    tokens += encodeTokens(s.tokens, s.start);
    const { terms, words } = sentenceTerms(a.text.slice(s.start, s.end));
    stats.push(words, terms.length);
    for (const t of terms) {
      let k = local.get(t);
      if (k === undefined) {
        local.set(t, (k = dictionary.length));
        dictionary.push(t);
      }
      stats.push(k);
    }
  });
  return {
    sentences: JSON.stringify(meta),
    tokens,
    // Fastest deflate level: the raw text is kept for reference, rarely read; level 1 costs a third of the default.
    raw: a.rawText === a.text ? null : deflateRawSync(Buffer.from(a.rawText, 'utf8'), { level: 1 }),
    termStats: Uint32Array.from(stats),
    dictionary,
    featureTerms: articleTermVector(a),
    orderKey: clusterOrderKey(a),
  };
}

/**
 * Drop what the writer does not read of an article once it is prepared (prepareArticles encoded it): the tokens
 * and texts of its sentences and its raw text. The analysis workers do this before sending a prepared batch
 * back, so the writer thread deserialises a fraction of the analysis (tokens are most of it). Only for copies
 * that go to the writer alone (ingestParallel's), never for the caller's articles.
 */
export function dropPrepared(articles: readonly Article[]): void {
  const none: Token[] = [];
  for (const a of articles) {
    a.rawText = '';
    for (const s of a.sentences) {
      s.tokens = none;
      s.text = '';
    }
  }
}

/**
 * The `sentence_terms` blob of a prepared article (read by timeline-state.ts): unsigned LEB128 varints —
 * SENTENCE_TERMS_VERSION, number of sentences, then per sentence its word count, number of content terms and
 * their store term ids (table timeline_terms) in order, repeats kept (what `sentenceTerms` gives for the
 * sentence's text). `ids` holds the store term ids of dictionary entries met so far (0: not yet; store ids start
 * at 1); `idOf` maps an entry not met yet to the store's term id. Entries are met in the order terms occur, so
 * new ids are assigned in that order.
 */
export function encodeTermStats(
  p: PreparedArticle,
  sentences: number,
  ids: Float64Array,
  idOf: (k: number) => number,
): Buffer {
  const v = p.termStats;
  // Five bytes hold any varint below 2^35 (term ids and counts are far below).
  const out = Buffer.allocUnsafe(5 * (v.length + 2));
  let o = 0;
  const put = (n: number) => {
    while (n >= 0x80) {
      out[o++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    out[o++] = n;
  };
  put(SENTENCE_TERMS_VERSION);
  put(sentences);
  for (let at = 0; at < v.length;) {
    put(v[at]!);
    const n = v[at + 1]!;
    put(n);
    for (let j = 0; j < n; j++) {
      const k = v[at + 2 + j]!;
      put(ids[k] || (ids[k] = idOf(k)));
    }
    at += 2 + n;
  }
  return out.subarray(0, o);
}
