/** How the app writes days, counts, quotes and links. Pure functions (no DOM). */

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Tue, 5 March 2024" for "2024-03-05"; '' for no day. */
export const fmtDay = (d: string | null | undefined): string =>
  d ? dayFormat.format(new Date(d + 'T00:00:00Z')) : '';

/** "5 Mar" for "2024-03-05"; '' for no day. */
export const fmtShort = (d: string | null | undefined): string =>
  d ? shortDay.format(new Date(d + 'T00:00:00Z')) : '';

/** "3 articles", "1 article". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A story's span: one day, or first – last. */
export function rangeText(from: string | null, to: string | null): string {
  if (!from) return '';
  return from === to ? fmtShort(from) : `${fmtShort(from)} – ${fmtShort(to)}`;
}

/** A quote as read aloud: the comma that led into "she said" is not part of it. */
export const quoteText = (t: string): string => t.replace(/[\s,;:]+$/, '');

/** Only http(s) links are ever made clickable (relative ones resolved against `base`). */
export function safeHref(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
