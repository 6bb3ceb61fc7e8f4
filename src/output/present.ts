/**
 * What people see of a timeline: text detokenised (see detokenise.ts) and every source named by its title,
 * else its outlet, else its file's name — never a path on the machine that built it (JSON keeps `path` as a
 * field of its own).
 */
import type { SourceRef, Timeline } from '../model.js';
import { detokenise, displayTimeline } from './detokenise.js';

export { detokenise, displayTimeline };

/** The last part of a path, with / or \ as separators ("C:\news\a.txt" and "/home/x/a.txt" → "a.txt"). */
export function fileName(path: string | null | undefined): string | null {
  if (!path) return null;
  const name = path
    .replace(/[\\/]+$/, '')
    .split(/[\\/]/)
    .pop();
  return name || null;
}

/** A source's label where a title reads best: its title, else its outlet, else its file name, else its id. */
export function sourceTitleLabel(s: SourceRef): string {
  return s.title || s.source || fileName(s.path) || s.articleId;
}

/** A source's label where the outlet reads best (lists of who reported): outlet, title, file name, id. */
export function sourceOutletLabel(s: SourceRef): string {
  return s.source || s.title || fileName(s.path) || s.articleId;
}

/** The source with `title` set to its file name when it has neither a title nor an outlet. */
export function titledSource(s: SourceRef): SourceRef {
  return s.title || s.source ? s : { ...s, title: fileName(s.path) };
}

/** The timeline as shown to people: detokenised text and file names for untitled sources. */
export function presentTimeline(t: Timeline): Timeline {
  const d = displayTimeline(t);
  return {
    ...d,
    entries: d.entries.map((e) => ({
      ...e,
      sources: e.sources.map(titledSource),
      sentences: e.sentences.map((s) => ({ ...s, sources: s.sources.map(titledSource) })),
    })),
    quotes: d.quotes.map((q) => ({ ...q, sources: q.sources.map(titledSource) })),
  };
}
