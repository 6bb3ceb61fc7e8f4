/**
 * Article metadata from pasted page text: the dataset reader, the gold (read from the same page's HTML)
 * and the matching rules of `chronicle eval meta`. Kept apart from the methods it measures: it reads the
 * HTML itself rather than through Chronicle's extractor.
 *
 * Gold per page (from `article-extraction/html/<id>.html.gz`):
 *   title    `og:title`, else the first `<h1>`;
 *   outlets  `og:site_name`, every JSON-LD `publisher` name, and the page URL's registrable domain;
 *   day      `article:published_time`, else JSON-LD `datePublished` (the day as written), read by
 *            `statedPublication` of eval/pubdate.ts so both tools share one gold; pages without either
 *            (or with a placeholder year before 1995) are left out of the day score.
 * Matching: a title is right when the word sets (lower case, letters and digits) have Jaccard >= 0.5; an
 * outlet is right when its `outletKey` equals the key of any gold name (see src/clean/outlets.ts: case,
 * punctuation, a leading "The", a web suffix and legal-form words ignored; the outlet table's aliases
 * count as the outlet); a day is right when equal.
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import type { IsoDay } from '../model.js';
import { hostOf, outletKey, registrableDomain } from '../clean/outlets.js';
import { decodeHtml, maybeGunzip } from '../extract/charset.js';
import { loadTextDateDataset, statedPublication } from './pubdate.js';
import type { HtmlDocument, HtmlElement } from '../util/html-dom.js';

export interface MetaGold {
  title: string | null;
  outlets: string[];
  day: IsoDay | null;
}

export interface MetaPage {
  id: string;
  url: string;
  /** Registrable domain of the page URL: the unit of the split. */
  site: string;
  textFile: string;
  htmlFile: string;
}

/** Read `<page-text>/ground-truth.json` (id → url) and pair each page's text with its HTML (as eval pubdate). */
export function loadMetaDataset(pageTextDir: string, htmlDir: string): MetaPage[] {
  return loadTextDateDataset(pageTextDir, htmlDir).map((p) => {
    const host = hostOf(p.url);
    return { ...p, site: host ? registrableDomain(host) : p.id };
  });
}

/**
 * Split by site: sites sorted by the SHA-1 of their registrable domain, alternately into half "A" and
 * half "B", so no site has pages on both sides. Chronicle's title and outlet methods were developed on A.
 */
export function siteHalves(pages: MetaPage[]): Map<string, 'A' | 'B'> {
  const sha = (s: string) => createHash('sha1').update(s).digest('hex');
  const sites = [...new Set(pages.map((p) => p.site))].sort((a, b) => (sha(a) < sha(b) ? -1 : 1));
  return new Map(sites.map((s, i) => [s, i % 2 === 0 ? 'A' : 'B']));
}

const textOf = (el: HtmlElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function metaContent(doc: HtmlDocument, key: string): string | null {
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').trim().toLowerCase();
    if (k === key) {
      const v = (m.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
      if (v) return v;
    }
  }
  return null;
}

/** JSON-LD publisher names and the first datePublished, walking @graph and nested objects. */
function jsonLd(doc: HtmlDocument): { publishers: string[]; datePublished: string | null } {
  const publishers: string[] = [];
  let datePublished: string | null = null;
  const nameOf = (x: unknown): string[] => {
    if (typeof x === 'string') return [x];
    if (Array.isArray(x)) return x.flatMap(nameOf);
    if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string')
      return [(x as { name: string }).name];
    return [];
  };
  const visit = (v: unknown, depth: number): void => {
    if (!v || typeof v !== 'object' || depth > 6) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (o.publisher) publishers.push(...nameOf(o.publisher));
    if (typeof o.datePublished === 'string') datePublished ??= o.datePublished;
    for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement'])
      if (o[k]) visit(o[k], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD gives no gold.
    }
  }
  return { publishers: publishers.map((p) => p.trim()).filter(Boolean), datePublished };
}

/** The gold of one page from its HTML bytes (gzipped or not) and URL. */
export function metaGold(htmlBytes: Uint8Array, url: string): MetaGold {
  const html = decodeHtml(maybeGunzip(htmlBytes)).text;
  const { document } = parseHTML(html);
  const title = metaContent(document, 'og:title') ?? (textOf(document.querySelector('h1')) || null);
  const ld = jsonLd(document);
  const outlets = [metaContent(document, 'og:site_name'), ...ld.publishers];
  const host = hostOf(url);
  if (host) outlets.push(registrableDomain(host));
  // The day's gold is read exactly as `eval pubdate --text` reads it (placeholder years refused).
  const day = statedPublication(html)?.day ?? null;
  return { title, outlets: [...new Set(outlets.filter((o): o is string => Boolean(o)))], day };
}

const wordSet = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Jaccard overlap of the two titles' word sets (0 when either is empty). */
export function titleOverlap(pred: string | null, gold: string | null): number {
  if (!pred || !gold) return 0;
  const a = wordSet(pred);
  const b = wordSet(gold);
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 0;
}

export const TITLE_JACCARD = 0.5;

export function titleRight(pred: string | null, gold: string | null): boolean {
  return titleOverlap(pred, gold) >= TITLE_JACCARD;
}

export function outletRight(pred: string | null, gold: string[]): boolean {
  if (!pred) return false;
  const k = outletKey(pred);
  return k.length > 0 && gold.some((g) => outletKey(g) === k);
}

export interface MetaPrediction {
  title: string | null;
  outlet: string | null;
  day: IsoDay | null;
}

export interface MetaPageResult {
  id: string;
  site: string;
  half: 'A' | 'B';
  gold: MetaGold;
  text: MetaPrediction & { titleRight: boolean; outletRight: boolean; dayRight: boolean | null };
  html: MetaPrediction & { titleRight: boolean; outletRight: boolean; dayRight: boolean | null };
}

export function scorePrediction(p: MetaPrediction, gold: MetaGold) {
  return {
    ...p,
    titleRight: gold.title ? titleRight(p.title, gold.title) : false,
    outletRight: outletRight(p.outlet, gold.outlets),
    dayRight: gold.day ? p.day === gold.day : null,
  };
}

export interface MetaScores {
  pages: number;
  /** Pages with a gold title / a gold day (the denominators). */
  titled: number;
  dated: number;
  title: number;
  outlet: number;
  day: number;
}

/** Shares right for one path ('text' or 'html') over the given pages. */
export function metaScores(results: MetaPageResult[], path: 'text' | 'html'): MetaScores {
  const titled = results.filter((r) => r.gold.title);
  const dated = results.filter((r) => r.gold.day);
  const share = (n: number, d: number) => (d ? n / d : 0);
  return {
    pages: results.length,
    titled: titled.length,
    dated: dated.length,
    title: share(titled.filter((r) => r[path].titleRight).length, titled.length),
    outlet: share(results.filter((r) => r[path].outletRight).length, results.length),
    day: share(dated.filter((r) => r[path].dayRight).length, dated.length),
  };
}
