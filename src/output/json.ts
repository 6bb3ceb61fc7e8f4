/** The JSON contracts of `chronicle analyze` and `chronicle timeline` (field names are public: keep them). */
import type { Analysis, Article, Timeline } from '../model.js';
import { presentTimeline } from './present.js';

export function articleJson(a: Article, analysis: Analysis) {
  const byId = new Map(analysis.entities.map((e) => [e.id, e]));
  // Per-article entity list: canonical entity, number of mentions in this article.
  const counts = new Map<string, { name: string; type: string; mentions: number }>();
  for (const m of a.mentions) {
    const e = m.entityId ? byId.get(m.entityId) : undefined;
    const key = e ? e.id : `${m.type}:${m.text}`;
    const row = counts.get(key) ?? { name: e ? e.name : m.text, type: e ? e.type : m.type, mentions: 0 };
    row.mentions++;
    counts.set(key, row);
  }
  return {
    id: a.id,
    path: a.path,
    url: a.url,
    title: a.title,
    byline: a.byline,
    source: a.source,
    publishedAt: a.publishedAt,
    publishedAtEvidence: a.publishedAtEvidence ?? null,
    text: a.text,
    duplicateOf: a.duplicateOf ?? null,
    warnings: a.warnings,
    removed: a.removed,
    sentences: a.sentences.map((s) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      timexes: s.timexes.map((t) => ({
        text: t.text,
        type: t.type,
        value: t.value,
        ...(t.mod ? { mod: t.mod } : {}),
        start: t.start,
        end: t.end,
      })),
    })),
    entities: [...counts.values()].sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name)),
    quotes: a.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      cue: q.cue,
      kind: q.kind,
      speakerText: q.speakerText ?? null,
    })),
  };
}

export function analysisJson(analysis: Analysis) {
  return {
    articles: analysis.articles.map((a) => articleJson(a, analysis)),
    errors: analysis.errors.map((e) => ({ input: e.input, line: e.line ?? null, message: e.message })),
  };
}

/** Summaries and quotes detokenised; a source without title or outlet is titled by its file name. */
export function timelineJson(timeline: Timeline) {
  const t = presentTimeline(timeline);
  return {
    entries: t.entries.map((e) => ({
      date: e.date,
      summary: e.summary,
      sources: e.sources,
      outlets: e.outlets ?? null,
      sentences: e.sentences,
      score: e.score,
    })),
    entities: t.entities.map((e) => ({
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      mentions: e.mentions,
    })),
    quotes: t.quotes,
  };
}
