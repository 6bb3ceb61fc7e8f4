/**
 * A documented, reproducible split of evaluation pages into two halves by site, so that rules developed
 * on one half can be measured on pages (and sites) they were not written on.
 *
 * The rule: take the page's site (its URL's host name, lower-cased, without a leading "www."; for a
 * Wayback Machine address, the host of the archived page), hash it with SHA-256, and put the page in
 * half A when the first byte of the digest is even, in half B when it is odd. Two pages of one site
 * always fall in the same half. The rule reads only the URL, never the page or its gold answer.
 */
import { createHash } from 'node:crypto';

export type Half = 'A' | 'B';

/** The site a URL belongs to, as the split sees it. */
export function siteOf(url: string): string {
  let u = url.trim();
  const wayback = /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(.*)$/i.exec(u);
  if (wayback) u = wayback[1];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) u = `http://${u}`;
  let host: string;
  try {
    host = new URL(u).hostname;
  } catch {
    host = u; // not a URL: the string itself is the "site"
  }
  return host.toLowerCase().replace(/^www\./, '');
}

/** The half (A or B) of a page, from its URL. */
export function siteHalf(url: string): Half {
  return createHash('sha256').update(siteOf(url)).digest()[0] % 2 === 0 ? 'A' : 'B';
}
