/**
 * Timeline17 topics analysed once for the timeline benchmark and its searches: the same pipeline as
 * `chronicle timeline` minus the stages the timeline entries do not read (mentions, entities, quotes).
 * A search evaluates thousands of (parameters, task) pairs over the same analyses, so an analysis can be
 * kept in a cache file (outside the repository: a directory the caller names) keyed by the topic's input
 * files and by the analysing code, and read back in a second instead of re-analysed.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Analysis, Article, InputError, Sentence, TimexType } from '../model.js';
import { runPipeline, type StageName } from '../pipeline.js';
import { readTopicArticles, type Timeline17Topic } from './timeline17.js';

/** Stages whose output the timeline entries do not use. */
export const TLS_SKIPPED_STAGES: StageName[] = ['mentions', 'entities', 'quotes'];

/** Bump when the cached fields change. */
const CACHE_FORMAT = 1;

/** The analysed topic: what the timeline method reads of each article. */
export function analyseTopic(
  root: string,
  topic: Timeline17Topic,
  onError: (e: InputError) => void,
  onProgress?: (stage: StageName, done: number, total: number) => void,
): Analysis {
  const articles = readTopicArticles(root, topic, onError);
  return runPipeline(articles, { disable: TLS_SKIPPED_STAGES, onProgress });
}

/** Files (recursively) under a directory with their sizes and modification times, sorted. */
function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) listFiles(p, out);
    else out.push(`${p}\t${st.size}\t${Math.floor(st.mtimeMs)}`);
  }
  return out;
}

let codeHash: string | undefined;
/** A hash of the analysing code (every module of the source tree outside timeline/, eval/, cli/, server/,
 * store/ and output/) and of the models it loads (models/ but tls/): a change to any stage or a retrained
 * model makes old cache files unused. */
function analysingCodeHash(): string {
  if (codeHash) return codeHash;
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  const h = createHash('sha256');
  const skip = new Set(['timeline', 'eval', 'cli', 'server', 'store', 'render']);
  const walk = (dir: string, top: boolean, files: RegExp) => {
    for (const name of readdirSync(dir).sort()) {
      if (top && skip.has(name)) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p, false, files);
      else if (files.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.map')) {
        h.update(p.slice(dirname(src).length));
        h.update(readFileSync(p));
      }
    }
  };
  walk(src, true, /\.(?:ts|js|json)$/);
  // the models the stages load (NER, clean, title) sit beside the source tree (dist/ or src/)
  const models = join(dirname(src), 'models');
  if (existsSync(models)) {
    skip.add('tls');
    walk(models, true, /\.(?:json|gz|bin)$/);
  }
  return (codeHash = h.digest('hex').slice(0, 16));
}

/** The cache key of a topic: its input files and the analysing code. */
export function topicCacheKey(root: string, topic: Timeline17Topic): string {
  const h = createHash('sha256');
  h.update(`format ${CACHE_FORMAT}\ncode ${analysingCodeHash()}\n`);
  for (const f of topic.folders) {
    const dir = join(root, f, 'InputDocs');
    if (existsSync(dir)) for (const line of listFiles(dir)) h.update(line.slice(root.length) + '\n');
  }
  return h.digest('hex').slice(0, 20);
}

type CachedTimex = [string, number, number, TimexType, string];
type CachedSentence = [number, number, number, CachedTimex[], number | null];
interface CachedArticle {
  id: string;
  path: string | null;
  title: string | null;
  source: string | null;
  publishedAt: string | null;
  text: string;
  duplicateOf: string | null;
  topic: string | null;
  sentences: CachedSentence[];
}

function encode(analysis: Analysis): Buffer {
  const articles: CachedArticle[] = analysis.articles.map((a) => ({
    id: a.id,
    path: a.path,
    title: a.title,
    source: a.source,
    publishedAt: a.publishedAt,
    text: a.text,
    duplicateOf: a.duplicateOf ?? null,
    topic: a.topic ?? null,
    sentences: a.sentences.map((s) => [
      s.index,
      s.start,
      s.end,
      s.timexes.map((t) => [t.text, t.start, t.end, t.type, t.value] as CachedTimex),
      s.dupGroup ?? null,
    ]),
  }));
  return gzipSync(JSON.stringify({ format: CACHE_FORMAT, articles }), { level: 1 });
}

function decode(buf: Buffer, path: string): Analysis {
  const data = JSON.parse(gunzipSync(buf).toString('utf8')) as { format: number; articles: CachedArticle[] };
  if (data.format !== CACHE_FORMAT) throw new Error(`${path}: cache format ${data.format}`);
  const articles: Article[] = data.articles.map((c) => {
    const sentences: Sentence[] = c.sentences.map(([index, start, end, timexes, dupGroup]) => ({
      index,
      start,
      end,
      text: c.text.slice(start, end),
      tokens: [],
      timexes: timexes.map(([text, s, e, type, value]) => ({ text, start: s, end: e, type, value })),
      ...(dupGroup === null ? {} : { dupGroup }),
    }));
    return {
      id: c.id,
      path: c.path,
      url: null,
      title: c.title,
      byline: null,
      source: c.source,
      publishedAt: c.publishedAt,
      rawText: '',
      text: c.text,
      removed: [],
      sentences,
      mentions: [],
      quotes: [],
      warnings: [],
      topic: c.topic,
      duplicateOf: c.duplicateOf,
    };
  });
  return { articles, entities: [], errors: [] };
}

/**
 * The analysis of a topic, from `cacheDir` when a cache file for the same input files and code exists,
 * else analysed (and written there when `cacheDir` is given). Sentence texts are taken from the article
 * text by offsets, as the pipeline sets them.
 */
export function cachedTopicAnalysis(
  root: string,
  topic: Timeline17Topic,
  cacheDir: string | undefined,
  onError: (e: InputError) => void,
  onProgress?: (stage: StageName, done: number, total: number) => void,
): { analysis: Analysis; fromCache: boolean } {
  if (!cacheDir) return { analysis: analyseTopic(root, topic, onError, onProgress), fromCache: false };
  const file = join(cacheDir, `t17-${topic.name}-${topicCacheKey(root, topic)}.json.gz`);
  if (existsSync(file)) {
    try {
      return { analysis: decode(readFileSync(file), file), fromCache: true };
    } catch {
      // an unreadable cache file is replaced below
    }
  }
  const analysis = analyseTopic(root, topic, onError, onProgress);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, encode(analysis));
  renameSync(tmp, file);
  return { analysis, fromCache: false };
}
