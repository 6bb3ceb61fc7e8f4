/**
 * The alias rules: when two written names are one entity despite their spelling. One place for the rules
 * and their thresholds, used by the entities stage (in-memory, src/nlp/entities/index.ts) and by the store
 * when it links a new batch's entities to stored ones (src/store/entity-link.ts), so both decide alike.
 *
 * A pair of names of one type is first related by spelling (`spellingRelation`):
 *  - 'translit': every token has the same transliteration key (`translitKey`: Gaddafi / Qaddafi / Kadhafi,
 *    Tymoshenko / Timoshenko, Mohammed / Muhammad, Romanov / Romanoff);
 *  - 'typo': one edit or one swap of adjacent letters in one token (Solvang / Slovang / Solvnag);
 *  - 'initial': one name gives an initial where the other gives the first name ("A. Rahimi" / "Amir Rahimi").
 * Then the evidence decides (`variantsMerge`, thresholds below): the names must be of one type; two persons'
 * first names must agree (equal, transliterated, an initial, or a longer first name mistyped: never "Ed" /
 * "Ted"); no sentence may name both (unless one is far better attested: SAME_SENTENCE_MAX_SHARE), nor one
 * article name both repeatedly (then they are two); and the pair
 * needs context: the same article, or another entity named alongside each. A typo needs more: one form
 * rare (at most MISSPELLING_MAX_RARE mentions and at most MISSPELLING_MAX_SHARE of the pair's), since two
 * well-attested names one letter apart ("Lena Marsh" / "Lena Mash") are two people, not a slip.
 */
import { editDistance, foldToken } from './names.js';

/** A typo merge needs the rarer form to have at most this many mentions ... */
export const MISSPELLING_MAX_RARE = 3;
/** ... and at most this share of the pair's mentions (a tie of two rare forms may merge). */
export const MISSPELLING_MAX_SHARE = 0.5;
/** Minimum folded length of a whole name for typo merges (short names collide: "Bush" / "Rush"). */
export const MISSPELLING_MIN_LEN = 5;
/** Minimum length of a token for a letter changed in it to count as a typo (a swap needs 4, a change 5). */
export const TYPO_MIN_TOKEN = 5;
/** First names mistyped are accepted only this long or longer ("Ingrid" / "Ingird", never "Ed" / "Ted"). */
export const FIRST_NAME_TYPO_MIN = 6;
/** Minimum number of shared co-occurring entities for a spelling-variant merge across articles. */
export const FUZZY_MIN_SHARED_CONTEXT = 1;
/** Two forms each named at least this often in one article are two entities of that story. */
export const DISTINCT_MIN_MENTIONS = 2;
/**
 * Two forms in one sentence are two names ("Porthaven and Portmaven both closed") unless one is far better
 * attested: the rarer then has at most this share of the pair's mentions ("Corvane ... Corvnae" in a sentence).
 */
export const SAME_SENTENCE_MAX_SHARE = 0.4;
/** A name's mentions under a minority type join its majority type when at most this share. */
export const TYPE_MINORITY_SHARE = 1 / 4;

export type SpellingRelation = 'same' | 'translit' | 'typo' | 'initial';

/**
 * A transliteration key of one token: diacritics and case folded; the spelling alternations of romanised
 * Arabic, Persian, Slavic and other names unified (q/k/c/g → k; kh → h; dh, th → d, t; ph → f; sch, tch → sh,
 * ch; dj → j; j → y; w → v; z → s; x → ks; final -off/-ff → -v); vowel runs (with y) one "a", so that the
 * number of syllables counts; doubled letters single. Compared for equality.
 */
const translitCache = new Map<string, string>();
export function translitKey(token: string): string {
  const hit = translitCache.get(token);
  if (hit !== undefined) return hit;
  let s = foldToken(token).replace(/[^a-z]/g, '');
  s = s
    .replace(/sch/g, 'sh')
    .replace(/tch/g, 'ch')
    .replace(/dj/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/gh|ck|q|c(?=[aou]|$)|g/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/ff?$/g, 'v')
    .replace(/w/g, 'v')
    .replace(/j/g, 'y')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/[aeiouy]+/g, 'a')
    .replace(/(.)\1+/g, '$1');
  if (translitCache.size > 200_000) translitCache.clear();
  translitCache.set(token, s);
  return s;
}

/** A first name given as an initial ("A.", "A"). */
export const isInitial = (t: string): boolean => /^\p{Lu}\.?$/u.test(t);

/** A typo between two folded tokens: one edit, or one swap of adjacent letters, in a long enough token. */
export function tokenTypo(a: string, b: string): boolean {
  if (a === b || /\d/.test(a) || /\d/.test(b)) return false;
  const short = Math.min(a.length, b.length);
  if (short < TYPO_MIN_TOKEN - 1) return false;
  if (editDistance(a, b, 1) !== 1) return false;
  if (short >= TYPO_MIN_TOKEN) return true;
  // a 4-letter token: only two letters swapped ("Vell" / "Vlel"), not a letter changed ("Bush" / "Rush")
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/** Do two persons' first names (folded; '' when one has none) allow them to be one person? */
export function firstNamesAgree(a: string, b: string, aRaw = a, bRaw = b): boolean {
  if (!a || !b || a === b) return true;
  if (isInitial(aRaw) || isInitial(bRaw) || a.length === 1 || b.length === 1) return a[0] === b[0];
  // romanisations of a first name ("Youssef" / "Yusuf"); short names differ by a vowel ("Lena" / "Lina")
  if (a.length >= 5 && b.length >= 5 && translitKey(a) === translitKey(b)) return true;
  if (Math.min(a.length, b.length) >= FIRST_NAME_TYPO_MIN) return editDistance(a, b, 1) === 1;
  // two letters swapped in a shorter first name ("Setve" / "Steve") is a slip, a letter changed is a name
  return a.length >= 4 && a.length === b.length && tokenTypo(a, b);
}

/**
 * How two names of one type (core tokens as written, see names.ts coreTokens) are spellings of one name,
 * or null. Persons are compared on first and last token (middle names and initials left out); other
 * types token by token.
 */
export function spellingRelation(a: string[], b: string[], person: boolean): SpellingRelation | null {
  if (!a.length || !b.length) return null;
  const fa = a.map(foldToken);
  const fb = b.map(foldToken);
  if (person) {
    if (fa.length < 2 || fb.length < 2) return null;
    const [fa0, la] = [fa[0], fa[fa.length - 1]];
    const [fb0, lb] = [fb[0], fb[fb.length - 1]];
    if (!firstNamesAgree(fa0, fb0, a[0], b[0])) return null;
    const initial = fa0 !== fb0 && (isInitial(a[0]) || isInitial(b[0]));
    if (la === lb) {
      if (fa0 === fb0) return 'same';
      if (initial) return 'initial';
      return translitKey(fa0) === translitKey(fb0) ? 'translit' : 'typo';
    }
    if (initial) return null;
    if (la.length >= 4 && lb.length >= 4 && translitKey(la) === translitKey(lb)) {
      if (fa0 === fb0 || translitKey(fa0) === translitKey(fb0)) return 'translit';
      return null;
    }
    // with the same first name, a 4-letter surname may have a letter changed too ("Tim Cook" / "Tim Cooj")
    return fa0 === fb0 &&
      (tokenTypo(la, lb) || (la.length === 4 && lb.length === 4 && editDistance(la, lb, 1) === 1))
      ? 'typo'
      : null;
  }
  if (fa.length !== fb.length) return null;
  let diff = -1;
  let translit = true;
  for (let i = 0; i < fa.length; i++) {
    if (fa[i] === fb[i]) continue;
    if (diff >= 0) diff = -2;
    else if (diff === -1) diff = i;
    if (
      fa[i].length < 4 ||
      fb[i].length < 4 ||
      /\d/.test(fa[i] + fb[i]) ||
      translitKey(fa[i]) !== translitKey(fb[i])
    )
      translit = false;
  }
  if (diff === -1) return 'same';
  if (translit) return 'translit';
  // a 4-letter word of an organisation, place or product may have a letter changed ("Orra" / "Orar" is a
  // swap, "Fird" a change): the rarity and context rules of variantsMerge still apply
  const short4 = (x: string, y: string) =>
    x.length === 4 && y.length === 4 && !/\d/.test(x + y) && editDistance(x, y, 1) === 1;
  if (diff >= 0 && (tokenTypo(fa[diff], fb[diff]) || short4(fa[diff], fb[diff])) && fa.join(' ').length >= 4)
    return 'typo';
  return null;
}

/** What is known of a pair of spelling variants when deciding whether they are one entity. */
export interface VariantEvidence {
  relation: SpellingRelation;
  /** Mentions of each form (corpus counts). */
  mentionsA: number;
  mentionsB: number;
  /** Entities named alongside both (in an article of each), counted up to what the rule needs. */
  sharedContext: number;
  /** Some article names both. */
  sameArticle: boolean;
  /** Some sentence names both (then they are two: "Porthaven and Portmaven both closed"). */
  sameSentence: boolean;
  /** Some article names both, each at least DISTINCT_MIN_MENTIONS times. */
  bothAttestedInOneArticle: boolean;
}

/** The decision rule (see the header). */
export function variantsMerge(e: VariantEvidence): boolean {
  if (e.relation === 'same') return true;
  if (e.bothAttestedInOneArticle) return false;
  const rare = Math.min(e.mentionsA, e.mentionsB);
  const share = rare / (e.mentionsA + e.mentionsB);
  if (e.sameSentence && share > SAME_SENTENCE_MAX_SHARE) return false;
  const context = e.sameArticle || e.sharedContext >= FUZZY_MIN_SHARED_CONTEXT;
  if (e.relation !== 'typo') return context;
  return context && rare <= MISSPELLING_MAX_RARE && share <= MISSPELLING_MAX_SHARE;
}

/**
 * A lone word standing for a person's surname in spite of a typo or another romanisation ("Solvnag").
 * `loose`: a 4-letter surname may have a letter changed too (used within one article, where the surname is
 * that of the one person it can be).
 */
export function surnameVariant(lone: string, surname: string, loose = false): boolean {
  const a = foldToken(lone);
  const b = foldToken(surname);
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && translitKey(a) === translitKey(b)) return true;
  if (loose && a.length === 4 && b.length === 4 && editDistance(a, b, 1) === 1) return true;
  return tokenTypo(a, b);
}
