/**
 * Reader for JSONL: one article per line, `{id?, url?, title?, source?, byline?, publishedAt, text}`.
 * A bad line is reported (file and line) and skipped; the other lines are still read. A publishedAt
 * that is no calendar day is reported and ignored: the record is read as an undated one.
 */
import type { Article, IsoDay } from '../model.js';
import { InputError, newArticle } from '../model.js';
import { articleId, findDateInText, isoDay } from './text.js';
import { contentHash } from '../util/content-hash.js';
import { MONTHS } from '../nlp/timex/lexicon.js';

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** Why a publishedAt value gave no day: absent/unparseable ('not-a-date') or a day no calendar has. */
export type PublishedAtProblem = 'not-a-date' | 'impossible';

const ISO_PREFIX_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/;
/** "March 3, 2024", "Sun, 3 Mar 2024 10:00:00 GMT", "3 March 2024" (the month written as a word). */
const MDY_WORDS_RE = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
const DMY_WORDS_RE = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
/** "03/01/2024": month first, as JavaScript's Date reads it. */
const MDY_SLASH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

/**
 * A publishedAt value's day (as written, not shifted to UTC) or why there is none. Day, month and year
 * are read from the common forms and checked against the calendar, because JavaScript's Date turns
 * "February 30, 2024" into March 1; other strings and numbers (epoch milliseconds) go through Date.
 */
export function parsePublishedAt(v: unknown): { day: IsoDay } | { problem: PublishedAtProblem } {
  if (typeof v !== 'string' && typeof v !== 'number') return { problem: 'not-a-date' };
  const checked = (y: number, m: number | undefined, d: number) => {
    const day = m ? isoDay(y, m, d) : null;
    return day ? { day } : { problem: 'impossible' as const };
  };
  if (typeof v === 'string') {
    const s = v.trim();
    let m = ISO_PREFIX_RE.exec(s);
    if (m) return checked(+m[1], +m[2], +m[3]);
    m = MDY_WORDS_RE.exec(s);
    if (m && MONTHS[m[1].toLowerCase()]) return checked(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
    m = DMY_WORDS_RE.exec(s);
    if (m && MONTHS[m[2].toLowerCase()]) return checked(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
    m = MDY_SLASH_RE.exec(s);
    if (m) return checked(+m[3], +m[1], +m[2]);
    // Anything else must at least hold a year: Date reads "0" or "12" as a day in 2000 or 2001.
    if (!/\d{4}/.test(s)) return { problem: 'not-a-date' };
  }
  const t = new Date(typeof v === 'number' ? v : v.trim());
  if (Number.isNaN(t.getTime())) return { problem: 'not-a-date' };
  const day = isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  return day ? { day } : { problem: 'impossible' };
}

/** `2024-03-01`, `2024-03-01T08:15:00Z`, "March 3, 2024" ... → its day, or null (see parsePublishedAt). */
export function dayOf(v: unknown): IsoDay | null {
  const r = parsePublishedAt(v);
  return 'day' in r ? r.day : null;
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
    const given = r.publishedAt !== undefined && r.publishedAt !== null;
    const parsed = parsePublishedAt(r.publishedAt);
    let publishedAt = 'day' in parsed ? parsed.day : null;
    let evidence: Article['publishedAtEvidence'] = publishedAt ? 'jsonl' : null;
    if (given && 'problem' in parsed) {
      // Reported on stderr too: a wrong date given is not the same as none given.
      const what = parsed.problem === 'impossible' ? 'is not a calendar day' : 'is not a date';
      const e = new InputError(path, `publishedAt ${JSON.stringify(r.publishedAt)} ${what}; ignored`, lineNo);
      warnings.push(e.message);
      onError(e);
    }
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
