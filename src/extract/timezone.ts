/**
 * The publisher's likely time zone, for turning a timestamp written in UTC into the calendar day the
 * newsroom published on (00:23 UTC on the 25th is still the 24th in Toronto; 23:15 UTC on the 5th is
 * already the 6th in Rome). The country is the region of the page's declared locale (`og:locale`
 * "en_US", `<html lang="fr-CA">`); the zone is the
 * country's zone in the IANA time-zone database (facts: IANA `zone1970.tab`), and for countries that
 * span several zones the zone of the most populous region (noted per row). Daylight saving is applied
 * by the runtime's ICU data through Intl.
 */
import type { IsoDay } from '../model.js';
import type { HtmlDocument } from '../util/html-dom.js';

/** ISO 3166 country code (lower case) -> IANA zone. Multi-zone countries: the most populous zone. */
const COUNTRY_ZONE: Record<string, string> = {
  // Europe
  at: 'Europe/Vienna',
  be: 'Europe/Brussels',
  bg: 'Europe/Sofia',
  by: 'Europe/Minsk',
  ch: 'Europe/Zurich',
  cy: 'Asia/Nicosia',
  cz: 'Europe/Prague',
  de: 'Europe/Berlin',
  dk: 'Europe/Copenhagen',
  ee: 'Europe/Tallinn',
  es: 'Europe/Madrid', // mainland (the Canaries are an hour behind)
  fi: 'Europe/Helsinki',
  fr: 'Europe/Paris',
  gb: 'Europe/London',
  gr: 'Europe/Athens',
  hr: 'Europe/Zagreb',
  hu: 'Europe/Budapest',
  ie: 'Europe/Dublin',
  is: 'Atlantic/Reykjavik',
  it: 'Europe/Rome',
  lt: 'Europe/Vilnius',
  lu: 'Europe/Luxembourg',
  lv: 'Europe/Riga',
  md: 'Europe/Chisinau',
  nl: 'Europe/Amsterdam',
  no: 'Europe/Oslo',
  pl: 'Europe/Warsaw',
  pt: 'Europe/Lisbon', // mainland
  ro: 'Europe/Bucharest',
  rs: 'Europe/Belgrade',
  ru: 'Europe/Moscow', // most populous zone of eleven
  se: 'Europe/Stockholm',
  si: 'Europe/Ljubljana',
  sk: 'Europe/Bratislava',
  tr: 'Europe/Istanbul',
  ua: 'Europe/Kyiv',
  // Americas
  ar: 'America/Argentina/Buenos_Aires',
  bo: 'America/La_Paz',
  br: 'America/Sao_Paulo', // most populous zone
  ca: 'America/Toronto', // most populous zone (Eastern)
  cl: 'America/Santiago',
  cr: 'America/Costa_Rica',
  cu: 'America/Havana',
  do: 'America/Santo_Domingo',
  ec: 'America/Guayaquil',
  gt: 'America/Guatemala',
  mx: 'America/Mexico_City', // most populous zone
  pe: 'America/Lima',
  pr: 'America/Puerto_Rico',
  py: 'America/Asuncion',
  us: 'America/New_York', // most populous zone (Eastern)
  uy: 'America/Montevideo',
  ve: 'America/Caracas',
  // Asia
  ae: 'Asia/Dubai',
  bd: 'Asia/Dhaka',
  cn: 'Asia/Shanghai',
  hk: 'Asia/Hong_Kong',
  id: 'Asia/Jakarta', // most populous zone
  il: 'Asia/Jerusalem',
  in: 'Asia/Kolkata',
  ir: 'Asia/Tehran',
  jo: 'Asia/Amman',
  jp: 'Asia/Tokyo',
  kr: 'Asia/Seoul',
  kz: 'Asia/Almaty',
  lb: 'Asia/Beirut',
  lk: 'Asia/Colombo',
  my: 'Asia/Kuala_Lumpur',
  np: 'Asia/Kathmandu',
  ph: 'Asia/Manila',
  pk: 'Asia/Karachi',
  qa: 'Asia/Qatar',
  sa: 'Asia/Riyadh',
  sg: 'Asia/Singapore',
  th: 'Asia/Bangkok',
  tw: 'Asia/Taipei',
  vn: 'Asia/Ho_Chi_Minh',
  // Africa
  dz: 'Africa/Algiers',
  eg: 'Africa/Cairo',
  gh: 'Africa/Accra',
  ke: 'Africa/Nairobi',
  ma: 'Africa/Casablanca',
  ng: 'Africa/Lagos',
  sn: 'Africa/Dakar',
  tn: 'Africa/Tunis',
  za: 'Africa/Johannesburg',
  // Oceania
  au: 'Australia/Sydney', // most populous zone
  nz: 'Pacific/Auckland',
};

/** The region of a locale tag ("en_US", "fr-CA" -> "us", "ca"), or null. */
export function countryOfLocale(tag: string): string | null {
  const m = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(tag.trim());
  const cc = m ? m[1].toLowerCase() : '';
  return cc === 'uk' ? 'gb' : cc in COUNTRY_ZONE ? cc : null;
}

/**
 * The publisher's time zone from the page's declared locale (`og:locale`, `<html lang>`,
 * Content-Language), or null when it states no region. (The site's country-code domain was tried as a
 * first source and dropped: it helped only the half of the evaluation pages it was developed on.)
 */
export function publisherTimeZone(doc: HtmlDocument): string | null {
  const locales = [
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content'),
    doc.documentElement?.getAttribute('lang'),
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'),
  ];
  for (const l of locales) {
    const cc = l ? countryOfLocale(l) : null;
    if (cc) return COUNTRY_ZONE[cc];
  }
  return null;
}

/** The calendar day of an instant (ms since the epoch) in an IANA zone. */
export function dayInZone(ms: number, zone: string): IsoDay | null {
  try {
    // en-CA formats as YYYY-MM-DD.
    const s = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(ms));
    return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
  } catch {
    return null;
  }
}
