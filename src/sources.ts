/**
 * Who reported: outlets with their number of articles and first and last publication days, from the store
 * or from analysed articles. `chronicle sources` and `GET /api/sources` are thin shells over these.
 */
import type { Article, IsoDay } from './model.js';
import type { Store } from './store/index.js';
import { outletFromUrl, outletKey } from './clean/outlets.js';

export interface OutletRecord {
  source: string | null;
  url: string | null;
  publishedAt: IsoDay | null;
}

export interface OutletSummary {
  /** The outlet's name as most of its articles give it; null for articles whose outlet is unknown. */
  outlet: string | null;
  articles: number;
  first: IsoDay | null;
  last: IsoDay | null;
}

/**
 * Group articles by outlet (names that are one outlet under `outletKey` together; an article without one is
 * credited to its URL's outlet when it has a URL), most articles first; unknown outlets last.
 */
export function summariseOutlets(records: Iterable<OutletRecord>): OutletSummary[] {
  const groups = new Map<string, { names: Map<string, number>; row: OutletSummary }>();
  for (const r of records) {
    const name = r.source?.trim() || outletFromUrl(r.url)?.name || null;
    const key = name ? outletKey(name) || name : '';
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { names: new Map(), row: { outlet: null, articles: 0, first: null, last: null } }),
      );
    if (name) g.names.set(name, (g.names.get(name) ?? 0) + 1);
    g.row.articles++;
    const d = r.publishedAt;
    if (d && (!g.row.first || d < g.row.first)) g.row.first = d;
    if (d && (!g.row.last || d > g.row.last)) g.row.last = d;
  }
  const rows = [...groups.values()].map(({ names, row }) => ({
    ...row,
    outlet: [...names.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null,
  }));
  return rows.sort(
    (a, b) =>
      Number(a.outlet === null) - Number(b.outlet === null) ||
      b.articles - a.articles ||
      (a.outlet ?? '').localeCompare(b.outlet ?? ''),
  );
}

/** The outlet records of analysed articles. */
export function articleOutletRecords(articles: Article[]): OutletRecord[] {
  return articles.map((a) => ({ source: a.source, url: a.url, publishedAt: a.publishedAt }));
}

/** The outlet records of every article in the store (one indexed scan of its articles table). */
export function storeOutletRecords(store: Pick<Store, 'articleOutlets'>): Promise<OutletRecord[]> {
  return store.articleOutlets();
}
