/**
 * Publication-date extraction from an HTML page. Rule families, in order of trust (the first that
 * yields a plausible day wins): JSON-LD `datePublished`, publication meta tags (Open Graph /
 * article:published_time, Dublin Core, itemprop=datePublished, ...), `<time>` elements marked as the
 * publication time, the URL path (/2021/03/05/, 20210305), and finally a date written in the visible
 * text (a labelled one, else the first after the headline, else the first). Modified/updated dates,
 * dates inside related-article blocks, comments and footers, and copyright years are ignored: no date
 * is better than a wrong one. A timestamp stored in UTC is read in the publisher's time zone.
 *
 * Each rule was kept only where it helped on the half of the evaluation pages it was not developed on
 * (or, for rules older than that split, where it was worth more than one page); docs/tuning/pubdate.md
 * lists what went and what each was worth.
 */
import type { DateEvidence, IsoDay } from '../model.js';
import { findTextDates, isoDay, parseDateString, parseTextDate, plausibleDay } from './dates.js';
import { dayInZone, publisherTimeZone } from './timezone.js';
import type { HtmlDocument, HtmlElement, HtmlNode } from '../util/html-dom.js';

export interface PubDate {
  day: IsoDay;
  evidence: DateEvidence;
  /** The rule inside the family (for debugging and per-rule tests). */
  rule: string;
}

export interface PubDateOptions {
  /** The page URL (for the URL rule). */
  url?: string | null;
  /** "Now" for the plausibility check (dates after it are refused); default: the real clock. */
  now?: Date;
  /** The page source, when the caller has it (saves re-serialising the document). */
  html?: string;
  /** Rule families to skip (for measuring each one). */
  disable?: DateEvidence[];
}

type Doc = HtmlDocument;

/** HtmlNode types that may carry a publication date in JSON-LD (schema.org CreativeWork kinds used by news). */
const ARTICLE_TYPE =
  /article|posting|report|blog|story|webpage|creativework|liveblog|review|medical|video|recipe/i;

function collectJsonLd(value: unknown, out: { type: string; date: string; depth: number }[], depth: number) {
  if (!value || typeof value !== 'object' || depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) collectJsonLd(v, out, depth);
    return;
  }
  const obj = value as Record<string, unknown>;
  const t = obj['@type'];
  const type = Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
  const dp = obj.datePublished ?? obj.dateCreated;
  const date = Array.isArray(dp) ? dp[0] : dp;
  if (typeof date === 'string') out.push({ type, date, depth });
  if (obj['@graph']) collectJsonLd(obj['@graph'], out, depth);
  for (const [k, v] of Object.entries(obj)) {
    // Dates of comments, related items, the publisher or the page a piece is part of are not ours.
    if (
      k === '@graph' ||
      /comment|review|related|publisher|author|isPartOf|hasPart|itemListElement|subjectOf|citation/i.test(k)
    )
      continue;
    if (typeof v === 'object') collectJsonLd(v, out, depth + 1);
  }
}

export function jsonLdDate(doc: Doc): string | null {
  const found: { type: string; date: string; depth: number }[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = (s.textContent ?? '').trim();
    if (!raw) continue;
    try {
      collectJsonLd(JSON.parse(raw), found, 0);
    } catch {
      // Broken JSON-LD gives no date (reading its keys with a pattern was worth one page: issue 21).
    }
  }
  if (!found.length) return null;
  const ranked = found.sort((a, b) => score(b) - score(a));
  return ranked[0].date;
  function score(f: { type: string; depth: number }) {
    return (
      (ARTICLE_TYPE.test(f.type) ? 10 : 0) + (/article|posting|report|blog/i.test(f.type) ? 5 : 0) - f.depth
    );
  }
}

/** Meta names/properties that carry the publication time (lower-cased), best first. */
const PUB_META = [
  'article:published_time',
  'article:published',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'publication_date',
  'published-date',
  'date_published',
  'article.published',
  'article_date_original',
  'original-publish-date',
  'originalpublicationdate',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'citation_publication_date',
  'citation_date',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
  'rnews:datepublished',
  'article:post_date',
  'dc.created',
  'displaydate',
  'content_publishdate',
  'article.created',
  'bt:pubdate',
  'pdate',
  'ptime',
  'article:publication_date',
  'og:pubdate',
  'release_date',
];
const META_RANK = new Map(PUB_META.map((n, i) => [n, i]));

export function metaDate(doc: Doc): { value: string; rule: string } | null {
  let best: { value: string; rule: string; rank: number } | null = null;
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (
      m.getAttribute('property') ??
      m.getAttribute('name') ??
      m.getAttribute('itemprop') ??
      m.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase();
    const rank = META_RANK.get(key);
    if (rank === undefined) continue;
    const value = m.getAttribute('content') ?? '';
    if (!value.trim()) continue;
    if (!best || rank < best.rank) best = { value, rule: key, rank };
  }
  if (best) return { value: best.value, rule: best.rule };
  // itemprop=datePublished on a non-meta element (microdata in the body).
  // itemprop / RDFa datePublished on a non-meta element (microdata in the body, abbr title="...").
  const sel =
    '[itemprop="datePublished"],[itemprop="datepublished"],[property$="datePublished"],[property$="dateCreated"],[itemprop="dateCreated"]';
  for (const el of Array.from(doc.querySelectorAll(sel))) {
    if (insideFurniture(el)) continue;
    const v =
      el.getAttribute('content') ??
      el.getAttribute('datetime') ??
      el.getAttribute('title') ??
      el.textContent ??
      '';
    if (v.trim()) return { value: v, rule: 'itemprop' };
  }
  return null;
}

/** Blocks whose dates are not the article's. */
const FURNITURE =
  /(^|[\s_-])(related|recommend|more-?stories|most-?popular|popular|trending|sidebar|comments?(?![a-z])|newsletter|promo)(?![a-z])/i;

function insideFurniture(el: HtmlElement): boolean {
  for (let e: HtmlElement | null = el; e; e = e.parentElement) {
    const tag = e.tagName.toLowerCase();
    if (tag === 'aside' || tag === 'footer' || tag === 'nav') return true;
    const cls = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (cls.trim() && FURNITURE.test(cls) && !holdsArticle(e)) return true;
  }
  return false;
}

/** A container that holds the headline or the article is not furniture, whatever its class says. */
function holdsArticle(el: HtmlElement): boolean {
  return el.querySelector('h1, article, [itemprop="articleBody"]') !== null;
}

const MODIFIED = /modif|updat|edit|revis|änderung|aktualisiert|mis à jour|actualiza|aggiornat|bijgewerkt/i;
const PUBLISHED =
  /publi|posted|pubdate|created|date-?time|entry-date|byline|dateline|article-?date|story-?date|post-?date|timestamp/i;

export function timeElementDate(doc: Doc): { value: string; rule: string } | null {
  // Only a <time> marked as the publication time counts: an unmarked first <time> was worth one page.
  for (const t of Array.from(doc.querySelectorAll('time'))) {
    const value = t.getAttribute('datetime') ?? '';
    if (!value.trim()) continue;
    const ctx = `${t.getAttribute('class') ?? ''} ${t.getAttribute('itemprop') ?? ''} ${t.parentElement?.getAttribute('class') ?? ''}`;
    if (MODIFIED.test(ctx) && !/publi/i.test(ctx)) continue;
    if (t.hasAttribute('pubdate') || PUBLISHED.test(ctx)) return { value, rule: 'marked' };
  }
  // hAtom microformat: <abbr class="published" title="2020-04-28T21:11:00+02:00">.
  for (const el of Array.from(
    doc.querySelectorAll('.published[title], .published[datetime], .dtstart[title]'),
  )) {
    if (insideFurniture(el)) continue;
    const value = el.getAttribute('datetime') ?? el.getAttribute('title') ?? '';
    if (value.trim()) return { value, rule: 'hatom' };
  }
  return null;
}

const URL_YMD = /\/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;

export function urlDate(url: string): IsoDay | null {
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname;
  } catch {
    // not a URL: use as is
  }
  const m = URL_YMD.exec(path);
  return m ? isoDay(+m[1], +m[2], +m[3]) : null;
}

/** Labels that introduce a publication date in visible text (en, de, fr, es, pt, it, nl). */
const TEXT_LABEL =
  /(published|posted|publié|publiziert|veröffentlicht|erschienen|publicado|pubblicato|gepubliceerd|date|datum|fecha|data)\b[^\n\d]{0,20}$/i;

export function textDate(doc: Doc, now: Date): { day: IsoDay; rule: string } | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  // Visible text of the top of the page (30,000 characters), furniture removed; copyright lines ignored.
  const text = visibleText(body).slice(0, 30000);
  const dates = findTextDates(text, false, 200).filter((d) => plausibleDay(d.day, now));
  for (const d of dates) {
    const before = text.slice(Math.max(0, d.index - 40), d.index);
    if (/©|copyright|\(c\)/i.test(before)) continue;
    if (MODIFIED.test(before.slice(-25))) continue;
    if (TEXT_LABEL.test(before)) return { day: d.day, rule: 'labelled' };
  }
  const usable = dates.filter(
    (d) => !/©|copyright|updated|modified/i.test(text.slice(Math.max(0, d.index - 40), d.index)),
  );
  // A date in the site header above the headline is usually today's date, not the article's: prefer
  // the first date after the headline when there is one near it.
  const h1 = (doc.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const headline = h1.length >= 10 ? text.indexOf(h1) : -1;
  const first =
    (headline >= 0
      ? usable.find((d) => d.index > headline && d.index < headline + h1.length + 3000)
      : undefined) ?? usable[0];
  return first ? { day: first.day, rule: 'first' } : null;
}

export function visibleText(root: HtmlElement): string {
  const parts: string[] = [];
  const walk = (n: HtmlNode) => {
    if (n.nodeType === 3) {
      parts.push(n.textContent ?? '');
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as HtmlElement;
    const tag = el.tagName.toLowerCase();
    if (
      tag === 'script' ||
      tag === 'style' ||
      tag === 'noscript' ||
      tag === 'template' ||
      tag === 'aside' ||
      tag === 'footer' ||
      tag === 'nav' ||
      tag === 'select' ||
      tag === 'option'
    )
      return;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (cls.trim() && FURNITURE.test(cls) && !holdsArticle(el)) return;
    for (const c of Array.from(el.childNodes)) walk(c);
    parts.push(' ');
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ');
}

const UTC_TIME = /T?\d{1,2}:\d{2}(:\d{1,2}(\.\d+)?)?\s*(Z|[+-]00:?00|GMT|UTC)\s*$/i;
/** The instant (ms) of a timestamp written in UTC ("2020-12-05T23:15:0Z", "... 07:09 GMT"), or null. */
function utcInstant(raw: string): number | null {
  const t = Date.parse(
    raw
      .trim()
      .replace(/ /, 'T')
      .replace(/:(\d)(?=\D*$)/, ':0$1')
      .replace(/(GMT|UTC)$/i, 'Z'),
  );
  return Number.isNaN(t) ? null : t;
}

/**
 * A timestamp given in UTC can fall on the next (or previous) day from the one the newsroom published
 * on: it is read in the publisher's time zone (from its declared locale), unless the page
 * shows its readers the UTC day itself as the article's date.
 */
function localDayOfUtc(
  raw: string,
  utcDay: IsoDay,
  doc: Doc,
  now: Date,
): { day: IsoDay; how: string } | null {
  const r = raw.trim();
  if (!UTC_TIME.test(r)) return null;
  const utc = utcInstant(r);
  const zone = utc === null ? null : publisherTimeZone(doc);
  const day = zone && utc !== null ? dayInZone(utc, zone) : null;
  if (!day || day === utcDay || displayedDays(doc, now).includes(utcDay)) return null;
  return { day, how: 'zone' };
}

/** Days the page shows its readers as the article's date: <time> element text, then the text rule. */
function displayedDays(doc: Doc, now: Date): IsoDay[] {
  const out: IsoDay[] = [];
  for (const t of Array.from(doc.querySelectorAll('time'))) {
    const ctx = `${t.getAttribute('class') ?? ''} ${t.parentElement?.getAttribute('class') ?? ''}`;
    if ((MODIFIED.test(ctx) && !/publi/i.test(ctx)) || insideFurniture(t)) continue;
    const day = parseTextDate(t.textContent ?? '');
    if (day) out.push(day);
  }
  const text = textDate(doc, now);
  if (text) out.push(text.day);
  return out;
}

/** Find the publication day of a page, or null when the evidence is too weak. */
export function findPublicationDate(doc: Doc, options: PubDateOptions = {}): PubDate | null {
  const now = options.now ?? new Date();
  const off = new Set(options.disable ?? []);
  const ok = (d: IsoDay | null): d is IsoDay => d !== null && plausibleDay(d, now);
  // Each family in order of trust; `raw` keeps the string so a UTC timestamp can be recognised.
  const families: [DateEvidence, () => { day: IsoDay | null; rule: string; raw?: string } | null][] = [
    [
      'json-ld',
      () => {
        const v = jsonLdDate(doc);
        return v ? { day: parseDateString(v), rule: 'datePublished', raw: v } : null;
      },
    ],
    [
      'meta',
      () => {
        const v = metaDate(doc);
        return v ? { day: parseDateString(v.value), rule: v.rule, raw: v.value } : null;
      },
    ],
    [
      'time-element',
      () => {
        const v = timeElementDate(doc);
        return v ? { day: parseDateString(v.value), rule: v.rule, raw: v.value } : null;
      },
    ],
    ['url', () => (options.url ? { day: urlDate(options.url), rule: 'path' } : null)],
    ['text', () => textDate(doc, now)],
  ];
  let best: (PubDate & { raw?: string }) | null = null;
  for (const [evidence, get] of families) {
    if (off.has(evidence)) continue;
    const c = get();
    if (c && ok(c.day)) {
      best = { day: c.day, evidence, rule: c.rule, raw: c.raw };
      break;
    }
  }
  if (!best) return null;
  const local = best.raw ? localDayOfUtc(best.raw, best.day, doc, now) : null;
  if (local && local.day !== best.day && ok(local.day))
    return { day: local.day, evidence: best.evidence, rule: `${best.rule}+${local.how}` };
  return { day: best.day, evidence: best.evidence, rule: best.rule };
}
