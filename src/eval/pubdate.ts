/**
 * Publication-date metrics over a folder laid out like the htmldate evaluation set (`gold.json`: url ->
 * {file, date}, pages in `html/`): accuracy of the day over all pages (no date = wrong), coverage (pages
 * with a date) and precision (correct / pages with a date).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlDocument } from '../util/html-dom.js';
import { parseHTML } from 'linkedom';
import type { IsoDay } from '../model.js';
import type { Half } from './site-split.js';
import { addDays } from '../util/day.js';

export interface PubdatePage {
  url: string;
  file: string;
  /** null: the page has no publication date (a home page); the right answer is then no date. */
  gold: IsoDay | null;
}

export function loadPubdateDataset(dir: string): PubdatePage[] {
  const goldPath = join(dir, 'gold.json');
  if (!existsSync(goldPath))
    throw new Error(`${goldPath}: not found (expected a pubdates folder with gold.json and html/)`);
  let gold: Record<string, { file?: string; date?: string }>;
  try {
    // The htmldate set writes pages without a date as NaN (Python's json); read them as null.
    gold = JSON.parse(readFileSync(goldPath, 'utf8').replace(/:\s*NaN\b/g, ': null'));
  } catch (e) {
    throw new Error(`${goldPath}: invalid JSON: ${(e as Error).message}`);
  }
  return Object.entries(gold).map(([url, rec]) => {
    if (!rec.file || (rec.date != null && !/^\d{4}-\d{2}-\d{2}/.test(rec.date)))
      throw new Error(`${goldPath}: record for ${url} lacks a file or has a malformed date`);
    return { url, file: join(dir, 'html', rec.file), gold: rec.date ? rec.date.slice(0, 10) : null };
  });
}

export interface PubdateScores {
  accuracy: number;
  coverage: number;
  precision: number;
  pages: number;
}

/** A page is correct when the predicted day equals the gold day (or both are null: an undated page). */
export function scorePubdates(results: { gold: IsoDay | null; predicted: IsoDay | null }[]): PubdateScores {
  const pages = results.length;
  const dated = results.filter((r) => r.predicted !== null).length;
  const correct = results.filter((r) => r.predicted === r.gold).length;
  const correctDated = results.filter((r) => r.predicted !== null && r.predicted === r.gold).length;
  return {
    accuracy: pages ? correct / pages : 0,
    coverage: pages ? dated / pages : 0,
    precision: dated ? correctDated / dated : 0,
    pages,
  };
}

/** Scores of each half of a split and of all pages together. */
export interface HalvedScores {
  A: PubdateScores;
  B: PubdateScores;
  all: PubdateScores;
}

export function scoreByHalf(
  results: { gold: IsoDay | null; predicted: IsoDay | null; half: Half }[],
): HalvedScores {
  return {
    A: scorePubdates(results.filter((r) => r.half === 'A')),
    B: scorePubdates(results.filter((r) => r.half === 'B')),
    all: scorePubdates(results),
  };
}

/**
 * The conditions the publication-date rules were developed under, for labelling reports (the log is in
 * docs/tuning/pubdate.md). `heldOut`: the half no kept rule was developed on, or null when rules of both
 * halves were kept (each only if it helped the other half).
 */
export const PUBDATE_CONDITIONS: Record<'html' | 'text', { heldOut: Half | null; note: string }> = {
  html: {
    heldOut: 'B',
    note: 'rules new in this round developed on half A, half B held out (older rules had seen both halves)',
  },
  text: {
    heldOut: null,
    note: 'rules developed on half A (B held out), then on half B (A held out); each kept only if it helped the other half',
  },
};

export interface TextDatePage {
  id: string;
  url: string;
  textFile: string;
  htmlFile: string;
}

/** Pages of a page-text folder (`ground-truth.json`: id -> {url}, `pages/<id>.txt`) with their HTML. */
export function loadTextDateDataset(pageTextDir: string, htmlDir: string): TextDatePage[] {
  const gtPath = join(pageTextDir, 'ground-truth.json');
  if (!existsSync(gtPath))
    throw new Error(`${gtPath}: not found (expected a page-text folder with ground-truth.json and pages/)`);
  let gt: Record<string, { url?: string }>;
  try {
    gt = JSON.parse(readFileSync(gtPath, 'utf8'));
  } catch (e) {
    throw new Error(`${gtPath}: invalid JSON: ${(e as Error).message}`);
  }
  const htmlRoot = existsSync(join(htmlDir, 'html')) ? join(htmlDir, 'html') : htmlDir;
  return Object.keys(gt)
    .sort()
    .map((id) => {
      const textFile = join(pageTextDir, 'pages', `${id}.txt`);
      const htmlFile = join(htmlRoot, `${id}.html.gz`);
      if (!existsSync(textFile)) throw new Error(`${textFile}: not found (listed in ${gtPath})`);
      if (!existsSync(htmlFile)) throw new Error(`${htmlFile}: not found (the HTML of page ${id})`);
      return { id, url: gt[id].url ?? '', textFile, htmlFile };
    });
}

/** The gold publication time a page's HTML states: the raw string, or null. */
export interface StatedPublication {
  raw: string;
  /** The day as written (the timestamp's own date). */
  day: IsoDay;
  /** The instant, when the string gives a time with a UTC offset ("Z", "+00:00", "-05:00"). */
  instant: number | null;
  /** True when the offset is zero: the page stored UTC, and the day it showed may be the next or previous. */
  utc: boolean;
}

/**
 * The publication time a page's HTML states (`article:published_time`, else JSON-LD `datePublished`),
 * read here with its own small parser so the gold does not depend on the method it scores. Only an ISO
 * 8601 date counts, from 1995 on (placeholders such as 0001-01-01 are no statement).
 */
export function statedPublication(html: string): StatedPublication | null {
  const document = parseHTML(html).document as unknown as HtmlDocument;
  const candidates: string[] = [];
  for (const m of Array.from(document.querySelectorAll('meta'))) {
    const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').trim().toLowerCase();
    const v = (m.getAttribute('content') ?? '').trim();
    if (k === 'article:published_time' && v) {
      candidates.push(v);
      break;
    }
  }
  let ld: string | null = null;
  const visit = (v: unknown, depth: number): void => {
    if (ld || !v || typeof v !== 'object' || depth > 6) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === 'string' && o.datePublished.trim()) ld = o.datePublished.trim();
    for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage']) if (o[k]) visit(o[k], depth + 1);
  };
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD states nothing.
    }
  }
  if (ld) candidates.push(ld);
  for (const raw of candidates) {
    const m = ISO_STAMP.exec(raw);
    const r = m ? stated(raw, m) : null;
    if (r) return r;
  }
  return null;
}

const ISO_STAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;

function stated(raw: string, m: RegExpExecArray): StatedPublication | null {
  if (+m[1] < 1995) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  let instant: number | null = null;
  if (m[4] && m[7]) {
    const zone = m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    instant = Date.parse(`${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`);
    if (Number.isNaN(instant)) instant = null;
  }
  const utc = instant !== null && /^(Z|[+-]00:?00)$/.test(m[7] ?? '');
  return { raw, day, instant, utc };
}

/**
 * Is `day` right for a stated publication? Strict: the day as written. Lenient: for a UTC timestamp
 * also the day before (if the time is before 12:00 UTC) or after (from 10:00 UTC), the days it falls on
 * in some time zone (UTC-12 to UTC+14): a page shows its readers the local day, which the stored UTC
 * timestamp does not determine.
 */
export function dayMatches(day: IsoDay | null, gold: StatedPublication, lenient: boolean): boolean {
  if (!day) return false;
  if (day === gold.day) return true;
  if (!lenient || !gold.utc || gold.instant === null) return false;
  const hour = new Date(gold.instant).getUTCHours();
  const shift = (n: number) => addDays(gold.day, n);
  return (hour < 12 && day === shift(-1)) || (hour >= 10 && day === shift(1));
}
