/** Corpus-level parts of a timeline: sources, entities and quotes aggregated across articles. */
import type { Analysis, Article, SourceRef, TimelineEntity, TimelineQuote } from '../model.js';

export function sourceRef(a: Article): SourceRef {
  return {
    articleId: a.id,
    path: a.path,
    title: a.title,
    url: a.url,
    source: a.source,
    publishedAt: a.publishedAt,
  };
}

/** Unique sources in first-seen order. */
export function uniqueSources(articles: Iterable<Article>): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const a of articles) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(sourceRef(a));
  }
  return out;
}

/** Entities from the analysis, most mentioned first. */
export function timelineEntities(analysis: Analysis): TimelineEntity[] {
  return [...analysis.entities]
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
    .map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions }));
}

/** Quote text normalised for deduplication: case, quotes, punctuation and spacing ignored. */
export function normaliseQuote(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Quotes across articles: one per (normalised text, speaker), dated by the earliest publication that
 * carries it, with every carrying article as a source; ordered by date, then by number of sources.
 */
export function timelineQuotes(articles: Article[]): TimelineQuote[] {
  const byKey = new Map<string, { q: TimelineQuote; arts: Article[] }>();
  for (const a of articles)
    for (const quote of a.quotes) {
      const norm = normaliseQuote(quote.text);
      if (!norm) continue;
      const key = `${norm}\u0000${(quote.speaker ?? '').toLowerCase()}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = {
          q: { speaker: quote.speaker, text: quote.text, cue: quote.cue, date: null, sources: [] },
          arts: [],
        };
        byKey.set(key, entry);
      }
      if (!entry.arts.includes(a)) entry.arts.push(a);
      if (a.publishedAt && (!entry.q.date || a.publishedAt < entry.q.date)) entry.q.date = a.publishedAt;
    }
  return [...byKey.values()]
    .map(({ q, arts }) => ({ ...q, sources: uniqueSources(arts) }))
    .sort(
      (a, b) =>
        (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
        b.sources.length - a.sources.length ||
        a.text.localeCompare(b.text),
    );
}
