/**
 * Name normalisation rules used by entity resolution: each function is one small rule with its own tests
 * (test/entities/names.test.ts).
 */
import type { EntityType } from '../../model.js';

// Regular expressions used inside functions are compiled once, here.
const NAME_TOKEN_RE = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?/gu;
const MARKS_RE = /\p{M}+/gu;
const CAP_START_RE = /^\p{Lu}/u;
const ACRONYM_LETTERS_RE = /^[\p{Lu}\p{N}]{2,7}$/u;
const HAS_CAP_RE = /\p{Lu}/u;

/** Titles and honorifics that may precede a person's name ("Ms Merkel", "Chancellor Merkel", "Gen. Petraeus"). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'madam',
  'madame',
  'president',
  'vice',
  'chancellor',
  'minister',
  'prime',
  'premier',
  'secretary',
  'senator',
  'sen',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'gov',
  'governor',
  'mayor',
  'judge',
  'justice',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'rev',
  'reverend',
  'father',
  'sister',
  'brother',
  'gen',
  'general',
  'col',
  'colonel',
  'lt',
  'lieutenant',
  'maj',
  'major',
  'capt',
  'captain',
  'sgt',
  'sergeant',
  'adm',
  'admiral',
  'cmdr',
  'commander',
  'chief',
  'inspector',
  'detective',
  'officer',
  'ambassador',
  'envoy',
  'director',
  'commissioner',
  'councillor',
  'councilor',
  'sheikh',
  'ayatollah',
  'imam',
  'emir',
  'sultan',
  'st',
  'saint',
  'defence',
  'defense',
  'foreign',
  'finance',
  'interior',
  'health',
  'state',
  'deputy',
  'acting',
  'former',
  'the',
  'chairman',
  'chairwoman',
  'chair',
  'ceo',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'leader',
]);

/** Tokens that are never part of a name's core for ORG/LOC matching. */
const ORG_SUFFIXES = new Set([
  'inc',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'plc',
  'llc',
  'ag',
  'sa',
  'nv',
  'gmbh',
  'spa',
]);
const ACRONYM_STOP = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'du',
  'des',
  'la',
  'le',
  'in',
  'on',
  '&',
  'to',
]);

const POSSESSIVE = /(?:['’]s|s['’]|['’])$/u;

/** "Merkel's" → "Merkel"; "Reuters'" stays "Reuters" (the apostrophe goes, the s stays). */
export function stripPossessive(s: string): string {
  const t = s.trim();
  if (/s['’]$/u.test(t)) return t.slice(0, -1);
  return t.replace(POSSESSIVE, '');
}

/** Split a surface form into word tokens, dropping punctuation other than inner hyphens/apostrophes. */
export function nameTokens(s: string): string[] {
  return s.match(NAME_TOKEN_RE) ?? [];
}

/** Lowercase, strip diacritics and final periods: the comparison form of one token. */
const foldCache = new Map<string, string>();
export function foldToken(t: string): string {
  let f = foldCache.get(t);
  if (f === undefined) {
    f = t.normalize('NFD').replace(MARKS_RE, '').toLowerCase().replace(/[.'’]/g, '');
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(t, f);
  }
  return f;
}

/**
 * The core tokens of a name as written: possessive, leading titles/honorifics (persons) or article
 * ("the"), and company suffixes (orgs) removed. Never returns an empty list for a non-empty name.
 */
export function coreTokens(surface: string, type: EntityType): string[] {
  const toks = nameTokens(stripPossessive(surface));
  if (!toks.length) return [];
  let i = 0;
  if (type === 'PERSON') {
    while (i < toks.length - 1 && TITLES.has(foldToken(toks[i]))) i++;
    // "Norvale CEO Petra Lind", "Deputy Harbour Minister Jon Akers": the name follows the last title word
    for (let k = toks.length - 2; k > i; k--)
      if (TITLES.has(foldToken(toks[k])) && CAP_START_RE.test(toks[k + 1])) {
        i = k + 1;
        break;
      }
  } else if (foldToken(toks[0]) === 'the' && toks.length > 1) i = 1;
  let j = toks.length;
  if (type === 'ORG') while (j - 1 > i && ORG_SUFFIXES.has(foldToken(toks[j - 1]))) j--;
  // "Jr." / "Sr." / roman numerals are kept out of the core so "Martin Luther King Jr." ~ "Martin Luther King".
  if (type === 'PERSON') while (j - 1 > i && /^(jr|sr|ii|iii|iv)$/.test(foldToken(toks[j - 1]))) j--;
  return toks.slice(i, j);
}

/** The display form of a name without possessive and titles ("Chancellor Merkel's" → "Merkel"). */
export function coreName(surface: string, type: EntityType): string {
  return coreTokens(surface, type).join(' ');
}

/** True for acronym-like tokens: EU, OPEC, U.S., NYPD (case-insensitive test on letters ≥ 2). */
export function isAcronym(surface: string): boolean {
  const letters = surface.replace(/[.&]/g, '');
  return ACRONYM_LETTERS_RE.test(letters) && HAS_CAP_RE.test(letters);
}

/** Initials of a multi-word name, skipping function words: "European Union" → "eu". */
export function initials(tokens: string[]): string {
  return tokens
    .filter((t) => !ACRONYM_STOP.has(foldToken(t)))
    .map((t) => foldToken(t)[0] ?? '')
    .join('');
}

/**
 * A phonetic skeleton for transliteration variants: diacritics and case folded, digraphs simplified
 * (kh→k, ph→f, dh→d, ...), q/c/g/k unified, vowels and y dropped after the first letter, doubled letters
 * collapsed. Gaddafi, Qaddafi and Kadhafi share "kdf"; Mohammed and Muhammad share "md"; Zelensky and
 * Zelenskyy share "slnsk"; Sergei and Sergey share "srk". Coarse on purpose: callers also check vowelKey.
 */
const skeletonCache = new Map<string, string>();
export function skeleton(token: string): string {
  const hit = skeletonCache.get(token);
  if (hit !== undefined) return hit;
  const r = skeletonUncached(token);
  if (skeletonCache.size > 200_000) skeletonCache.clear();
  skeletonCache.set(token, r);
  return r;
}

function skeletonUncached(token: string): string {
  let s = foldToken(token).replace(/[^a-z]/g, '');
  if (!s) return '';
  s = s
    .replace(/kh|gh|ck|q|c(?=[aou]|$)|g/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'v')
    .replace(/j/g, 'y')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks');
  const first = /[aeiouy]/.test(s[0]) ? 'a' : s[0];
  const rest = s.slice(1).replace(/[aeiouyh]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/**
 * A finer transliteration key: like `skeleton` but vowel runs kept as one "a" so the number of syllables
 * still counts (Mohammed/Muhammad → "mahamad" but Mahmoud → "mahmad"; Sergei/Sergey → "sarka"). Compared for equality.
 */
const vowelKeyCache = new Map<string, string>();
export function vowelKey(token: string): string {
  const hit = vowelKeyCache.get(token);
  if (hit !== undefined) return hit;
  const r = vowelKeyUncached(token);
  if (vowelKeyCache.size > 200_000) vowelKeyCache.clear();
  vowelKeyCache.set(token, r);
  return r;
}

function vowelKeyUncached(token: string): string {
  let s = foldToken(token).replace(/[^a-z]/g, '');
  s = s
    .replace(/kh|gh|ck|q|c(?=[aou]|$)|g/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/w/g, 'v')
    .replace(/j/g, 'y')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/[aeiouy]+/g, 'a');
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * Edit distance counting an adjacent transposition as one edit ("Chrylser"/"Chrysler"; optimal string
 * alignment), with an early exit above `max` (returns max + 1 then).
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Pronoun-like or generic words NER sometimes tags that must never become entities. */
export const NOT_A_NAME = new Set([
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'their',
  'the',
  'a',
  'an',
  'mr',
  'mrs',
  'ms',
  'dr',
]);

/**
 * Countries under their usual short names, abbreviations and demonyms (a small fact table of the ones
 * most frequent in English news): each variant maps to one key, so "U.S.", "US", "America", "American"
 * and "United States" are one entity.
 */
const COUNTRY_VARIANTS: Record<string, string[]> = {
  'united states': ['us', 'usa', 'u s', 'united states of america', 'america', 'american', 'americans'],
  'united kingdom': ['uk', 'u k', 'britain', 'great britain', 'british'],
  'european union': ['eu', 'e u'],
  russia: ['russian', 'russian federation'],
  china: ['chinese', 'prc', "people's republic of china"],
  japan: ['japanese'],
  germany: ['german'],
  france: ['french'],
  italy: ['italian'],
  spain: ['spanish'],
  canada: ['canadian'],
  australia: ['australian'],
  ireland: ['irish'],
  india: ['indian'],
  ukraine: ['ukrainian'],
  israel: ['israeli'],
  iran: ['iranian'],
  mexico: ['mexican'],
  brazil: ['brazilian'],
};
const COUNTRY_MAP = new Map<string, string>();
for (const [k, vs] of Object.entries(COUNTRY_VARIANTS)) {
  COUNTRY_MAP.set(k, k);
  for (const v of vs) COUNTRY_MAP.set(v, k);
}
/** Canonical keys of the countries in the table. */
export const COUNTRY_KEYS = new Set(Object.keys(COUNTRY_VARIANTS));

/** The canonical key of a folded name if it is a country variant, else the name itself. */
export function countryKey(folded: string): string {
  return (
    COUNTRY_MAP.get(folded) ??
    COUNTRY_MAP.get(folded.replace(/\./g, ' ').replace(/\s+/g, ' ').trim()) ??
    folded
  );
}
