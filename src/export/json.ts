/**
 * The story exchange format (`chronicle export --format json` / `chronicle import`): the story summary, its
 * timeline, and every article with its full analysis, so an import needs no re-analysis.
 */
import type { Analysis, Article, Entity, Timeline } from '../model.js';
import { InputError } from '../model.js';
import type { StorySummary } from '../store/index.js';
import { presentTimeline } from '../output/present.js';

export const STORY_FORMAT = 'chronicle-story';
export const STORY_FORMAT_VERSION = 1;

export interface StoryExport {
  format: typeof STORY_FORMAT;
  version: number;
  story: StorySummary;
  timeline: Timeline;
  entities: Entity[];
  articles: Article[];
}

export function storyJson(story: StorySummary, analysis: Analysis, timeline: Timeline): StoryExport {
  return {
    format: STORY_FORMAT,
    version: STORY_FORMAT_VERSION,
    story,
    // The timeline as people read it; the articles below keep their text and paths exactly.
    timeline: presentTimeline(timeline),
    entities: analysis.entities,
    articles: analysis.articles,
  };
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parse and check an exported story; problems are InputErrors naming the file (`source`). */
export function parseStoryExport(json: string, source: string): StoryExport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? json.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new InputError(source, `not valid JSON (${(e as Error).message})`, line);
  }
  if (!isObj(data) || data.format !== STORY_FORMAT)
    throw new InputError(source, `not a Chronicle story export (expected "format": "${STORY_FORMAT}")`);
  if (typeof data.version !== 'number' || data.version > STORY_FORMAT_VERSION)
    throw new InputError(
      source,
      `story export version ${String(data.version)} is newer than this Chronicle reads (${STORY_FORMAT_VERSION})`,
    );
  if (!isObj(data.story) || typeof data.story.id !== 'string')
    throw new InputError(source, 'missing "story.id"');
  if (!Array.isArray(data.articles)) throw new InputError(source, 'missing "articles" array');
  const articles = data.articles.map((a: unknown, i: number) => checkArticle(a, i, source));
  const entities = Array.isArray(data.entities) ? (data.entities as Entity[]) : [];
  return { ...(data as unknown as StoryExport), articles, entities };
}

function checkArticle(a: unknown, i: number, source: string): Article {
  const where = `articles[${i}]`;
  if (!isObj(a)) throw new InputError(source, `${where} is not an object`);
  if (typeof a.id !== 'string' || !a.id)
    throw new InputError(source, `${where}.id must be a non-empty string`);
  if (typeof a.text !== 'string') throw new InputError(source, `${where}.text must be a string`);
  for (const k of ['sentences', 'mentions', 'quotes'] as const)
    if (a[k] !== undefined && !Array.isArray(a[k]))
      throw new InputError(source, `${where}.${k} must be an array`);
  const text = a.text;
  const sentences = (a.sentences ?? []) as Article['sentences'];
  for (const s of sentences)
    if (!(
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.end <= text.length &&
      s.start <= s.end
    ))
      throw new InputError(source, `${where}: sentence offsets outside the text`);
  if (
    a.publishedAt != null &&
    !(typeof a.publishedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.publishedAt))
  )
    throw new InputError(source, `${where}.publishedAt must be YYYY-MM-DD or null`);
  const defaults = {
    path: null,
    url: null,
    title: null,
    byline: null,
    source: null,
    publishedAt: null,
    removed: [],
    warnings: [],
  };
  return {
    ...defaults,
    ...(a as unknown as Article),
    rawText: typeof a.rawText === 'string' ? a.rawText : text,
    sentences: sentences.map((s) => ({ ...s, tokens: s.tokens ?? [], timexes: s.timexes ?? [] })),
    mentions: (a.mentions ?? []) as Article['mentions'],
    quotes: (a.quotes ?? []) as Article['quotes'],
  };
}
