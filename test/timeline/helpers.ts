/** Hand-built analyses for timeline tests: articles whose sentences carry given resolved days. */
import {
  newArticle,
  type Analysis,
  type Article,
  type Entity,
  type Quote,
  type Sentence,
} from '../../src/model.js';

export interface SentenceSpec {
  text: string;
  /** Days this sentence names (resolved day-level time expressions). */
  days?: string[];
  dupGroup?: number;
}

let counter = 0;

export function article(
  id: string,
  publishedAt: string | null,
  sentences: (string | SentenceSpec)[],
  extra: Partial<Article> = {},
): Article {
  const specs = sentences.map((s) => (typeof s === 'string' ? { text: s } : s));
  const text = specs.map((s) => s.text).join(' ');
  const a = newArticle({
    id,
    rawText: text,
    publishedAt,
    title: `Title ${id}`,
    path: `/tmp/${id}.txt`,
    source: `Outlet ${id}`,
    ...extra,
  });
  let offset = 0;
  a.sentences = specs.map((s, index): Sentence => {
    const start = offset;
    offset += s.text.length + 1;
    return {
      index,
      start,
      end: start + s.text.length,
      text: s.text,
      tokens: [],
      timexes: (s.days ?? []).map((d) => ({
        text: `day ${++counter}`,
        start,
        end: start + 1,
        type: 'DATE' as const,
        value: d,
      })),
      ...(s.dupGroup !== undefined ? { dupGroup: s.dupGroup } : {}),
    };
  });
  return a;
}

export function analysis(articles: Article[], entities: Entity[] = []): Analysis {
  return { articles, entities, errors: [] };
}

export function quote(text: string, speaker: string | null): Quote {
  return { text, kind: 'direct', speaker, cue: 'said', start: 0, end: 1, sentenceIndex: 0 };
}
