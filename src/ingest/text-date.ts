/**
 * The publication day of an article given as plain text, often a whole web page copied as text: menus
 * first, then the headline, a byline and a date line ("Nov. 19, 2019 8:03 am ET", "PUBLISHED: 10:48, Tue,
 * Nov 19, 2019", "19 November 2019", "21/06/2014 A. Writer"), the article, and after it lists of other
 * headlines, comments and the footer, all with dates of their own.
 *
 * Rules (each kept only where it helped on the half of the evaluation pages it was not developed on, or
 * where it is what the reader must never do; docs/tuning/pubdate.md):
 *  - dates are read by src/web/dates.ts (month names of many languages, ISO, numeric; a numeric date
 *    whose day and month could be swapped is not read);
 *  - a candidate is a date on a date line (short: a date, times, zones, weekdays, labels), on a short
 *    meta line led by a name or label ("A. Writer 27/09/2018 Comment!"), on a byline ("By A. Writer -
 *    Nov 19, 2019"), or labelled "Published"/"Posted"/"Updated" (with no year: the page's year, from its
 *    copyright line); never a date after a copyright sign, a correction or today's-paper label, or a
 *    member's join date, and never one of three or more dated lines in a row (a list of other stories or
 *    comments);
 *  - the article starts at its first pair of paragraphs; its date is the candidate nearest above that
 *    start, in the header the headline, byline and date share (a date in the site's masthead is farther
 *    up, comments and related stories come after); on that line "Published" beats "Updated".
 * Relative dates ("3 hours ago") are left alone: the text does not say when it was copied.
 */
import type { IsoDay } from '../model.js';
import { findTextDates, isoDay, monthNumber } from '../web/dates.js';
import { WEEKDAY_NAMES, monthNameTable } from '../web/month-names.js';

const TIME = /\b\d{1,2}(?:[:.h]\s?\d{2})(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b/gi;
const WEEKDAY = new RegExp(
  `(?<![\\p{L}])(?:${[...WEEKDAY_NAMES].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])\\.?`,
  'giu',
);
const ZONE = /\b(?:[A-Z]{1,4}T|GMT|UTC|Z)(?=\b|\d)(?:[+-]\d{1,2}(?::?\d{2})?)?/g;
/** Words of a date line besides the date: labels, "at", "on", agency and update words. */
const DATE_LINE_WORDS =
  /(?<![\p{L}])(?:updated|published|posted|first|last|modified|on|at|am|pm|a\.m\.|p\.m\.|le|à|um|uhr|el|a las|il|alle|ore|às|de|del|om|publié|mis à jour|veröffentlicht|aktualisiert|actualizado|publicado|pubblicato|aggiornato|ago|day|days|hour|hours)(?![\p{L}])/giu;
/** Between a label and its date: words, a weekday, a time ("PUBLISHED: 10:48, Tue, Nov 19"), no other date. */
const LABEL_GAP = String.raw`(?:[^\d\n]|\d{1,2}[:.h]\d{2}){0,25}$`;
const PUBLISHED_LABEL = new RegExp(
  String.raw`\b(?:first published|originally published|published|posted|publié|publiziert|veröffentlicht|erschienen|publicado|pubblicato|gepubliceerd)\b` +
    LABEL_GAP,
  'i',
);
const UPDATED_LABEL = new RegExp(
  String.raw`\b(?:updated|last updated|modified|mis à jour|aktualisiert|actualizado|aggiornato|bijgewerkt)\b` +
    LABEL_GAP,
  'i',
);
/** What comes before a date that is not the article's: a copyright, a correction, the paper of the day, a join date. */
const NOT_ARTICLE_DATE =
  /(?:©|\bcopyright\b|\(c\)|\bcorrection\b|\btoday'?s paper\b|\bjoined\b|\bmember since\b|\bregistered\b|\bregistriert\b)[^\n]{0,40}$/i;
/** What may stand before the date of a meta line: nothing, or a name or label of up to five words. */
const NAME_OR_LABEL =
  /^\s*(?:(?:\p{Lu}[\p{L}.'’-]*|by|von|par|por|di|door|posted|published|updated)[\s,:|•·–—-]*){0,5}$/u;
/** An author's signature with the date: "Written by A. Writer on May 3, 2021". */
const WRITTEN_BY = /\b(?:written|reviewed|published|posted) by\b/i;
/** A byline: "By A. Writer", "by admin", "von A. Autor", or a name and a dash ("A. Writer - Nov 19"). */
const BYLINE =
  /^(?:[Bb][Yy]|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor)\s+\S|\s(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor)\s+\p{Lu}|^\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}\s+[-–—|]\s/u;

/** Is this line a date line: short, and nothing but a date, times, zones, weekdays and label words? */
export function isDateLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 80) return false;
  const dates = findTextDates(t);
  if (!dates.length) return false;
  let rest = t;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
  rest = rest
    .replace(TIME, ' ')
    .replace(WEEKDAY, ' ')
    .replace(ZONE, ' ')
    .replace(DATE_LINE_WORDS, ' ')
    .replace(/[\s,/|:.\-–—()•·]+/g, ' ')
    .trim();
  return rest.length <= 3;
}

const MONTH_ALT = [...monthNameTable().keys()].sort((a, b) => b.length - a.length).join('|');
/** A labelled date without a year: "Posted Nov 18, 8:19 PM", "Updated 19 Nov". */
const YEARLESS = new RegExp(
  `(?<![\\p{L}])(published|posted|updated)\\s*:?\\s*(?:on\\s+)?(?:(${MONTH_ALT})\\.?\\s+(\\d{1,2})|(\\d{1,2})\\.?\\s+(${MONTH_ALT})\\.?)(?![\\p{L}\\d])(?!,?\\s*\\d{4})`,
  'giu',
);
const COPYRIGHT_YEAR = /(?:©|\bcopyright\b|\(c\))\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})\b/gi;

/**
 * The year of a page's yearless dates: sites drop the year for the current one, and the copyright line
 * states the current year; else the latest year of the text's full dates.
 */
export function pageYear(text: string): number | null {
  let year = 0;
  for (const m of text.matchAll(COPYRIGHT_YEAR)) year = Math.max(year, +m[1]);
  if (year) return year;
  for (const d of findTextDates(text)) year = Math.max(year, +d.day.slice(0, 4));
  return year || null;
}

/** Labelled yearless dates of one line, given the page's year. */
function yearlessDates(line: string, year: number): { day: IsoDay; published: boolean }[] {
  const out: { day: IsoDay; published: boolean }[] = [];
  for (const m of line.matchAll(YEARLESS)) {
    const month = monthNumber(m[2] ?? m[5]) ?? 0;
    const day = isoDay(year, month, +(m[3] ?? m[4]));
    if (day) out.push({ day, published: !/updated/i.test(m[1]) });
  }
  return out;
}

interface Candidate {
  day: IsoDay;
  line: number;
  published: boolean;
  updated: boolean;
}

/** The start of the article: the first of two long lines (paragraphs) within four lines of each other. */
export function articleStart(lines: string[]): number {
  const isParagraph = (l: string) => l.length >= 120 && /[.!?…"'”’)]\s*$/.test(l.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!isParagraph(lines[i])) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (isParagraph(lines[j])) return i;
  }
  return -1;
}

/** Dated candidate lines of a text (date lines, labelled dates, bylines with a date). */
function candidates(lines: string[], year: number | null): Candidate[] {
  const out: Candidate[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.length > 200) return;
    const dates = findTextDates(line);
    if (!dates.length) {
      if (year && line.length <= 120)
        for (const y of yearlessDates(line, year))
          out.push({ day: y.day, line: i, published: y.published, updated: !y.published });
      return;
    }
    // A date line, or a short line whose date comes first or after a name ("21/06/2014 A. Writer News",
    // "A. Writer 27/09/2018 Comment!").
    const dateLine =
      isDateLine(line) || (line.length <= 100 && NAME_OR_LABEL.test(line.slice(0, dates[0].index)));
    const byline = BYLINE.test(line) && line.length <= 120;
    for (const d of dates) {
      const before = line.slice(0, d.index);
      if (NOT_ARTICLE_DATE.test(before) || NOT_ARTICLE_DATE.test(lines[i - 1]?.trim() ?? '')) continue;
      const published = PUBLISHED_LABEL.test(before);
      const updated = !published && UPDATED_LABEL.test(before);
      if (!dateLine && !byline && !published && !updated) continue;
      out.push({ day: d.day, line: i, published, updated });
    }
  });
  // Three or more dated lines within a few lines of each other: a list of other stories or comments.
  return out.filter((c) => out.filter((o) => Math.abs(o.line - c.line) <= 4).length < 3);
}

/**
 * The publication day of a text (see the file comment), with the 1-based line it was read from; null
 * when no date can be told to be the article's.
 */
export function findDateInText(text: string): { day: IsoDay; line: number } | null {
  const lines = text.split('\n');
  const all = candidates(lines, pageYear(text));
  if (!all.length) return null;
  // On one line "Published ... | Updated ...": the published date.
  const pick = (line: number) => {
    const cs = all.filter((c) => c.line === line);
    const c = cs.find((x) => x.published) ?? cs[0];
    return { day: c.day, line: c.line + 1 };
  };
  const start = articleStart(lines);
  if (start < 0) return pick(all[0].line);
  // The nearest above the article's start: its header, below any masthead date.
  const above = all.filter((c) => c.line <= start);
  if (above.length) return pick(above[above.length - 1].line);
  // Else a signed or labelled date after the start: "Written by A. Writer on May 3, 2021", "Published ..."
  // (a standfirst may have been taken for the start, or the signature ends the article).
  const signed = all.find((c) => c.line > start && (c.published || WRITTEN_BY.test(lines[c.line])));
  return signed ? pick(signed.line) : null;
}
