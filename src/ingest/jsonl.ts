/**
 * Reader for JSONL: one article per line, `{id?, url?, title?, source?, byline?, publishedAt, text}`.
 * A bad line is reported (file and line) and skipped; the other lines are still read.
 */
import type { Article, IsoDay } from '../model.js';
import { InputError, newArticle } from '../model.js';
import { articleId, findDateInText, isoDay } from './text.js';
import { contentHash } from '../util/content-hash.js';

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** `2024-03-01`, `2024-03-01T08:15:00Z` or any Date-parsable string → its day (as written, not shifted). */
export function dayOf(v: unknown): IsoDay | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  const t = typeof v === 'number' ? new Date(v) : new Date(s);
  if (Number.isNaN(t.getTime())) return null;
  return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function readJsonlArticles(
  path: string,
  content: string,
  onError: (e: InputError) => void,
): Article[] {
  const out: Article[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (!line.trim()) return;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      onError(new InputError(path, `not valid JSON (${(e as Error).message})`, lineNo));
      return;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      onError(new InputError(path, 'expected a JSON object {publishedAt, text, ...}', lineNo));
      return;
    }
    const r = rec as Record<string, unknown>;
    if (typeof r.text !== 'string' || !r.text.trim()) {
      onError(new InputError(path, 'record has no "text" (a non-empty string is required)', lineNo));
      return;
    }
    const rawText = r.text.replace(/\r\n?/g, '\n');
    const warnings: string[] = [];
    let publishedAt = dayOf(r.publishedAt);
    let evidence: Article['publishedAtEvidence'] = publishedAt ? 'jsonl' : null;
    if (r.publishedAt !== undefined && r.publishedAt !== null && !publishedAt)
      warnings.push(`${path}:${lineNo}: publishedAt ${JSON.stringify(r.publishedAt)} is not a date`);
    if (!publishedAt) {
      const found = findDateInText(rawText);
      if (found) {
        publishedAt = found.day;
        evidence = 'text';
      } else warnings.push(`${path}:${lineNo}: no publication date found`);
    }
    const id = str(r.id) ?? articleId(`${path}:${lineNo}`, rawText);
    const a = newArticle({
      id,
      rawText,
      path,
      url: str(r.url),
      title: str(r.title),
      source: str(r.source),
      byline: str(r.byline),
      publishedAt,
      publishedAtEvidence: evidence,
    });
    a.warnings.push(...warnings);
    a.contentHash = contentHash(rawText);
    out.push(a);
  });
  return out;
}
