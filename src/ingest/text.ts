/**
 * Reader for dated text files. The first line may be a header ` date YYYY-MM-DD <rest>` whose rest is the
 * start of the article (its headline or first sentence). Without a header the publication date is looked
 * for in the first lines of the text ("Jan. 28, 2022 / 9:57 AM", "February 9, 2022", "28 January 2022",
 * "2022-02-09", "Updated 3:41 PM ET, Tue March 1, 2022").
 */
import { createHash } from 'node:crypto';
import type { Article, IsoDay } from '../model.js';
import { InputError, newArticle } from '../model.js';
import { MONTHS } from '../nlp/timex/lexicon.js';
import { contentHash } from '../util/content-hash.js';

const HEADER_RE = /^\uFEFF?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?$/;

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MDY_RE = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i');
const ISO_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** How many non-empty lines at the top of an article are searched for its date. */
export const DATE_SEARCH_LINES = 12;

/** A valid calendar day as YYYY-MM-DD, or null. */
export function isoDay(y: number, m: number, d: number): IsoDay | null {
  if (!(y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date written in one line, or null. */
export function parseDateInLine(line: string): IsoDay | null {
  let best: { at: number; day: IsoDay } | null = null;
  const consider = (at: number, day: IsoDay | null) => {
    if (day && (!best || at < best.at)) best = { at, day };
  };
  let m = MDY_RE.exec(line);
  if (m) consider(m.index, isoDay(+m[3], MONTHS[m[1].toLowerCase()], +m[2]));
  m = DMY_RE.exec(line);
  if (m) consider(m.index, isoDay(+m[3], MONTHS[m[2].toLowerCase()], +m[1]));
  m = ISO_RE.exec(line);
  if (m) consider(m.index, isoDay(+m[1], +m[2], +m[3]));
  return (best as { day: IsoDay } | null)?.day ?? null;
}

/**
 * Is this line a date line (furniture such as "Feb. 9, 2024 / 9:57 AM" or "Updated 3:41 PM ET, Tue March 1,
 * 2022") rather than a sentence that happens to contain a date? Short, and mostly date/time words.
 */
export function isDateLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 80 || !parseDateInLine(t)) return false;
  const rest = t
    .replace(MDY_RE, ' ')
    .replace(DMY_RE, ' ')
    .replace(ISO_RE, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?/gi, ' ')
    .replace(/\b(?:updated|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.)(?=\W|$)/gi, ' ')
    .replace(/\b[A-Z]{1,4}T\b|\b(?:GMT|UTC|ET|CT|PT)\b/g, ' ')
    .replace(/\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\b\.?/gi, ' ')
    .replace(/[\s,/|:.\-–—()]+/g, ' ')
    .trim();
  return rest.length <= 3;
}

/**
 * Find the publication date in the text: the first line near the top that holds a date (date lines are
 * preferred over sentences that mention one).
 */
export function findDateInText(
  text: string,
  maxLines = DATE_SEARCH_LINES,
): { day: IsoDay; line: number } | null {
  const lines = text.split('\n');
  let seen = 0;
  let fallback: { day: IsoDay; line: number } | null = null;
  for (let i = 0; i < lines.length && seen < maxLines; i++) {
    const l = lines[i].trim();
    if (!l) continue;
    seen++;
    const day = parseDateInLine(l);
    if (!day) continue;
    if (isDateLine(l) || l.length <= 120) return { day, line: i + 1 };
    fallback ??= { day, line: i + 1 };
  }
  return fallback;
}

export function articleId(key: string, text: string): string {
  return createHash('sha1').update(`${key}\n${text}`).digest('hex').slice(0, 12);
}

/**
 * Build an Article from a dated text file's content. A header date that is no calendar day
 * (`date 2024-13-45`) is reported (file and line, also through `onError`) and ignored: the article is
 * read as an undated one, whose date is looked for in the text.
 */
export function readTextArticle(path: string, content: string, onError?: (e: InputError) => void): Article {
  const text = content.replace(/\r\n?/g, '\n');
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  const header = HEADER_RE.exec(first);
  let rawText: string;
  let publishedAt: IsoDay | null = null;
  let evidence: Article['publishedAtEvidence'] = null;
  const warnings: string[] = [];
  if (header) {
    const [y, m, d] = header[1].split('-').map(Number);
    publishedAt = isoDay(y, m, d);
    if (!publishedAt) {
      const e = new InputError(path, `header date ${header[1]} is not a calendar day; ignored`, 1);
      warnings.push(e.message);
      onError?.(e);
    } else evidence = 'header';
    rawText = (header[2] ?? '').trim() + (nl < 0 ? '' : text.slice(nl));
  } else rawText = text;
  rawText = rawText.replace(/^\s*\n/, '');
  if (!publishedAt) {
    const found = findDateInText(rawText);
    if (found) {
      publishedAt = found.day;
      evidence = 'text';
    } else
      warnings.push(
        `${path}: no publication date found (no "date YYYY-MM-DD" header and no date near the top)`,
      );
  }
  const article = newArticle({
    id: articleId(path, rawText),
    rawText,
    path,
    publishedAt,
    publishedAtEvidence: evidence,
  });
  article.warnings.push(...warnings);
  article.contentHash = contentHash(rawText);
  return article;
}
