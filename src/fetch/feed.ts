/** Feeds (RSS 2.0, Atom, RDF/RSS 1.0, JSON Feed) via feedsmith, normalised to a list of items. */
import { parseFeed } from 'feedsmith';
import type { IsoDay } from '../model.js';
import { InputError } from '../model.js';
import { parseDateString } from '../extract/dates.js';

export interface FeedItem {
  /** guid / id, else the link. */
  id: string;
  url: string | null;
  title: string | null;
  /** Day the feed gives for the item (null when missing or unreadable). */
  published: IsoDay | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  items: FeedItem[];
  /** RSS <ttl>: how long the publisher asks readers to wait between polls, in seconds. */
  ttlSec?: number;
}

type Any = Record<string, unknown>;
const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object' && typeof (v as Any).value === 'string')
    return ((v as Any).value as string).trim() || null;
  return null;
};

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const day = (v: unknown): IsoDay | null => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  // RFC 822 dates ("Mon, 04 Mar 2024 ...") parse with Date; keep the day as written for ISO strings.
  return parseDateString(s) ?? (Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10));
};

/** Parse a feed document; throws InputError naming the feed URL when it is not a feed. */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  let parsed: { format: string; feed: Any };
  try {
    const trimmed = text.trim();
    const input = trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed;
    parsed = parseFeed(input) as unknown as { format: string; feed: Any };
  } catch (e) {
    throw new InputError(feedUrl, `not a readable RSS, Atom, RDF or JSON feed: ${(e as Error).message}`);
  }
  const f = parsed.feed;
  const items: FeedItem[] = [];
  const raw = ((f.items ?? f.entries ?? []) as Any[]) || [];
  for (const it of raw) {
    let link: string | null = null;
    if (parsed.format === 'atom') {
      const links = (it.links ?? []) as Any[];
      const alt = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
      link = alt ? str(alt.href) : null;
    } else if (parsed.format === 'json') {
      link = str(it.url) ?? str(it.external_url);
    } else {
      link = str(it.link) ?? (it.guid && (it.guid as Any).isPermaLink !== false ? str(it.guid) : null);
    }
    const url = absolute(link, feedUrl);
    const id = str(it.guid) ?? str(it.id) ?? url;
    if (!id) continue;
    const dc = it.dc as Any | undefined;
    const published =
      day(it.pubDate) ??
      day(it.published) ??
      day(it.date_published) ??
      day(it.updated) ??
      day(it.date_modified) ??
      day((dc?.dates as unknown[] | undefined)?.[0]) ??
      day(dc?.date);
    items.push({ id, url, title: str(it.title), published });
  }
  const ttl = Number(f.ttl);
  return {
    format: parsed.format as ParsedFeed['format'],
    title: str(f.title),
    items,
    ...(Number.isFinite(ttl) && ttl > 0 ? { ttlSec: ttl * 60 } : {}),
  };
}
