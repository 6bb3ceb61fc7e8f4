/**
 * Reader for dated text files. The first line may be a header ` date YYYY-MM-DD <rest>` whose rest is the
 * start of the article (its headline or first sentence). Without a header the publication date is looked
 * for in the text by ./text-date.ts (a date line, a labelled or bylined date above the article's first
 * paragraphs: "Jan. 28, 2022 / 9:57 AM", "PUBLISHED: 10:48, Tue, Nov 19, 2019", "28 January 2022").
 */
import { createHash } from 'node:crypto';
import type { Article, IsoDay } from '../model.js';
import { InputError, newArticle } from '../model.js';
import { contentHash } from '../util/content-hash.js';
import { findTextDates } from '../web/dates.js';
import { findDateInText, isDateLine } from './text-date.js';

export { findDateInText, isDateLine };

const HEADER_RE = /^\uFEFF?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?$/;

/** A valid calendar day as YYYY-MM-DD, or null. */
export function isoDay(y: number, m: number, d: number): IsoDay | null {
  if (!(y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date written in one line, or null. */
export function parseDateInLine(line: string): IsoDay | null {
  return findTextDates(line, false, 1)[0]?.day ?? null;
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
