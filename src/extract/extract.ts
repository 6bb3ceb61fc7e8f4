/**
 * HTML → article: main text and metadata of a news page. The main text comes from Mozilla
 * Readability over linkedom, with measured improvements (see `chronicle eval extract`): paragraph-aware
 * text, JSON-LD `articleBody` when it is present and plausible, and a fallback pass when Readability
 * returns too little. Metadata (title, byline, site, canonical URL, language, publication day) is read
 * before Readability runs, because Readability mutates the document.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DateEvidence, IsoDay } from '../model.js';
import { blockText, normaliseParagraphs } from './text.js';
import { findPublicationDate, type PubDateOptions } from './pubdate.js';
import { limitMarkup, removeBlocks } from './markup-limits.js';
import type { HtmlDocument, HtmlElement, HtmlNode } from '../util/html-dom.js';

export interface ExtractedPage {
  /** Main text, paragraphs separated by blank lines ('' when the page has no article). */
  text: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  language: string | null;
  publishedAt: IsoDay | null;
  publishedAtEvidence: DateEvidence | null;
  /** Which strategy produced the text: 'readability', 'json-ld', 'fallback' or 'none'. */
  method: 'readability' | 'json-ld' | 'fallback' | 'none';
  warnings: string[];
}

export interface ExtractOptions {
  /** The page's URL (resolves relative canonical links; feeds the URL date rule). */
  url?: string | null;
  /** Clock for the publication-date plausibility check. */
  now?: Date;
  /** Use plain Readability only (the baseline that `eval extract` compares against). */
  baseline?: boolean;
  /** Skip publication-date extraction (faster when only text is needed). */
  noDate?: boolean;
}

export type Doc = HtmlDocument;

/**
 * Scripts (except JSON-LD), styles, comments and inline SVG carry no article text; dropping them before
 * parsing saves most of the DOM work on modern pages. Script bodies end at the first `</script`, as in
 * an HTML parser. (removeBlocks is the linear form of `.replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?
 * <\/script\s*>/gi, '')` and its kin.)
 */
export function stripInert(html: string): string {
  const notJsonLd = (tag: string) => !/ld\+json/i.test(tag);
  let out = removeBlocks(html, /<script\b/gi, /<\/script\s*>/gi, { tagEnd: true, accept: notJsonLd });
  out = removeBlocks(out, /<style\b/gi, /<\/style\s*>/gi, { tagEnd: true });
  out = removeBlocks(out, /<!--/g, /-->/g);
  return removeBlocks(out, /<svg\b/gi, /<\/svg\s*>/gi, { tagEnd: true });
}

export function parseDocument(html: string): Doc {
  // linkedom needs a full document that starts like one: wrap fragments, and drop junk printed before
  // the doctype (PHP warnings are common), or linkedom returns an empty document.
  const start = html.search(/<!doctype|<html[\s>]/i);
  const src =
    start < 0
      ? `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
      : start > 0
        ? html.slice(start)
        : html;
  const doc = parseHTML(src).document as unknown as Doc;
  repairBody(doc);
  return doc;
}

/**
 * linkedom's `document.body` is the element right after `<head>`, and it makes a new empty body when
 * anything (a stray script, a comment-like tag) sits between them. Move such strays into the real body
 * so extraction sees the page.
 */
function repairBody(doc: Doc): void {
  const root = doc.documentElement;
  const head = root?.querySelector('head');
  const body = root?.querySelector('body');
  if (!root || !head || !body || head.nextElementSibling === body) return;
  if (body.parentElement === root && head.parentElement === root) {
    const strays: HtmlElement[] = [];
    for (let n = head.nextElementSibling; n && n !== body; n = n.nextElementSibling) strays.push(n);
    body.prepend(...strays);
  } else {
    head.after(body);
  }
}

const attr = (doc: Doc, selector: string, name = 'content'): string | null => {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : null;
};

interface JsonLdInfo {
  headline: string | null;
  body: string | null;
  author: string | null;
  publisher: string | null;
}

function jsonLdInfo(doc: Doc): JsonLdInfo {
  const info: JsonLdInfo = { headline: null, body: null, author: null, publisher: null };
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 5) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth));
    const o = v as Record<string, unknown>;
    if (typeof o.articleBody === 'string' && (!info.body || o.articleBody.length > info.body.length))
      info.body = o.articleBody;
    if (typeof o.headline === 'string') info.headline ??= o.headline;
    const name = (x: unknown): string | null => {
      if (typeof x === 'string') return x;
      if (Array.isArray(x)) return x.map(name).filter(Boolean).join(', ') || null;
      if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string')
        return (x as { name: string }).name;
      return null;
    };
    if (o.author) info.author ??= name(o.author);
    if (o.publisher) info.publisher ??= name(o.publisher);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // ignore broken JSON-LD
    }
  }
  return info;
}

function resolveUrl(href: string | null, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const words = (s: string) => s.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;

/** JSON-LD bodies are sometimes HTML-escaped or contain markup: turn them into plain paragraphs. */
function cleanJsonLdBody(body: string): string {
  let text = body;
  if (/<\/?(p|br|div|a|strong|em)[\s>/]/i.test(text))
    text = blockText(
      parseDocument(limitMarkup(`<div>${text}</div>`).html).body as unknown as HtmlNode as never,
    );
  text = text
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
  return normaliseParagraphs(text);
}

/**
 * Class/id words of page furniture that sits inside or next to article bodies: captions and image
 * credits, bylines and datelines, share bars, related/recommended/"don't miss" blocks, newsletter and
 * subscription boxes, ads. Matched as whole words of class names (so "shared" or "caption-free" text
 * classes are not hit by accident).
 */
const FURNITURE_WORDS = [
  'caption',
  'captions',
  'figcaption',
  'credit',
  'credits',
  'image-credit',
  'photo-credit',
  'byline',
  'bylines',
  'dateline',
  'timestamp',
  'share',
  'sharing',
  'social',
  'share-bar',
  'sharebar',
  'related',
  'related-content',
  'related-articles',
  'recommended',
  'recommendations',
  'newsletter',
  'newsletter-signup',
  'subscribe',
  'subscription',
  'promo',
  'advert',
  'advertisement',
  'ad-container',
  'ad-slot',
  'sponsored',
  'outbrain',
  'taboola',
  'read-more',
  'readmore',
  'more-stories',
  'most-read',
  'most-popular',
  'trending',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'tag-list',
  'author-bio',
  'author-info',
  'comments',
  'comment-count',
  'print-only',
  'visually-hidden',
  'sr-only',
  'screen-reader-text',
  'hidden',
  'cookie',
  'cookies',
  'cookie-notice',
  'cookie-banner',
  'consent',
  'gdpr',
];
const FURNITURE_RE = new RegExp(
  `(?:^|[\\s_])(?:${FURNITURE_WORDS.map((w) => w.replace(/-/g, '[-_]?')).join('|')})(?=$|[\\s_])`,
  'i',
);

/** Drop figure captions and furniture blocks before Readability scores the page. */
function removeFurniture(doc: Doc): void {
  for (const el of Array.from(
    doc.querySelectorAll('figcaption, [hidden], [aria-hidden="true"], template, dialog'),
  ))
    el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim();
    if (!words || !FURNITURE_RE.test(words)) continue;
    // Never drop a container that holds most of the page's paragraphs.
    if (el.querySelectorAll('p').length > 6) continue;
    el.remove();
  }
}

const textLength = (el: HtmlElement) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/**
 * Lists and blocks that are mostly links (menus, "more on this" lists, tag clouds) left inside the
 * article container: removed when over 60% of their text is link text.
 */
function pruneLinkLists(root: HtmlElement): void {
  if (!root?.querySelectorAll) return;
  for (const el of Array.from(root.querySelectorAll('ul, ol, p, div, section, table'))) {
    const total = textLength(el);
    if (!total) continue;
    const links = Array.from(el.querySelectorAll('a'));
    // A paragraph with a single link is a call to action ("Get it at …") that articles keep; lists
    // and blocks of links are navigation.
    if (links.length < 2 && el.tagName === 'P') continue;
    let linked = 0;
    for (const a of links) linked += textLength(a);
    const words = (el.textContent ?? '').split(/\s+/).filter(Boolean).length;
    // Long paragraphs with a few links are prose; short link-dense blocks are navigation.
    if (linked / total > 0.6 && (el.tagName !== 'P' || words < 40)) el.remove();
  }
}

/** Lines that are metadata or furniture, not article text: datelines, "Advertisement", "Read more". */
const FURNITURE_LINE = [
  /^(advert(isement)?|anzeige|publicité|sponsored( content)?|comments?|share( this)?( article| story)?|read more)$/i,
  /^(\|\s*)?(published|updated|posted|last updated|first published)\b[^\n]{0,60}$/i,
  /^(image|photo|picture|credit|source|foto|bild)s?\s*:\s*\S[^\n]{0,80}$/i,
  /^(image|photo) (copyright|caption|credit)\b[^\n]{0,80}$/i,
];

/** A headline-like line in capitals (a promo link to another story, a section label). */
function isShouting(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  const words = line.split(/\s+/).filter(Boolean).length;
  return (
    words >= 3 &&
    words <= 25 &&
    letters.length >= 10 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

function dropFurnitureParagraphs(text: string): string {
  return text
    .split('\n\n')
    .map((p) =>
      p
        .split('\n')
        .filter((line) => !FURNITURE_LINE.some((re) => re.test(line.trim())) && !isShouting(line))
        .join('\n'),
    )
    .filter((p) => p.trim())
    .join('\n\n');
}

/** Extract the main text and metadata of an HTML page. */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedPage {
  // Nesting and element count are capped before any DOM work (see markup-limits.ts).
  const limited = limitMarkup(options.baseline ? html : stripInert(html));
  const doc = parseDocument(limited.html);
  const warnings: string[] = [...limited.warnings];
  const ld = jsonLdInfo(doc);
  const canonicalUrl =
    resolveUrl(attr(doc, 'link[rel="canonical"]', 'href'), options.url) ??
    resolveUrl(attr(doc, 'meta[property="og:url"]'), options.url);
  const language =
    doc.documentElement?.getAttribute('lang')?.trim() ||
    attr(doc, 'meta[http-equiv="content-language" i]') ||
    attr(doc, 'meta[property="og:locale"]')?.replace('_', '-') ||
    null;
  const pubOptions: PubDateOptions = { url: options.url ?? canonicalUrl, now: options.now, html };
  const date = options.noDate ? null : findPublicationDate(doc, pubOptions);
  const metaTitle =
    attr(doc, 'meta[property="og:title"]') ??
    ld.headline ??
    (doc.querySelector('title')?.textContent?.trim() || null);

  if (!options.baseline) removeFurniture(doc);
  const reader = new Readability<HtmlNode>(doc as never, {
    serializer: (n) => n as unknown as HtmlNode,
    charThreshold: 500,
  });
  let parsed: ReturnType<typeof reader.parse> = null;
  try {
    parsed = reader.parse();
  } catch (e) {
    warnings.push(`readability failed: ${(e as Error).message}`);
  }
  let text = '';
  let method: ExtractedPage['method'] = 'none';
  if (parsed?.content) {
    if (options.baseline) text = normaliseParagraphs(parsed.textContent ?? '');
    else {
      pruneLinkLists(parsed.content as unknown as HtmlElement);
      text = dropFurnitureParagraphs(blockText(parsed.content as never));
    }
    method = 'readability';
  }
  if (!options.baseline && ld.body) {
    const body = cleanJsonLdBody(ld.body);
    const wb = words(body);
    const wr = words(text);
    // Trust articleBody when it is a real body (not a teaser) and not wildly longer than what the page shows.
    if (wb >= 50 && (wr < 50 || (wb >= 0.8 * wr && wb <= 3 * wr))) {
      text = body;
      method = 'json-ld';
    }
  }
  return {
    text,
    title: metaTitle ?? parsed?.title ?? null,
    byline: parsed?.byline?.trim() || ld.author || attr(doc, 'meta[name="author"]'),
    siteName: parsed?.siteName?.trim() || attr(doc, 'meta[property="og:site_name"]') || ld.publisher,
    canonicalUrl,
    language: language || parsed?.lang || null,
    publishedAt: date?.day ?? null,
    publishedAtEvidence: date?.evidence ?? null,
    method,
    warnings,
  };
}
