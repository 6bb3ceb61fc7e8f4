/**
 * The Porter (1980) suffix-stripping stemmer in the variant that ROUGE-1.5.5 uses, written from the
 * algorithm's description (Porter, "An algorithm for suffix stripping", Program 14(3), 1980) and from
 * ROUGE-1.5.5's documented departures from it:
 *  - step 2 also maps -logi to -log (Porter's later revision), and -bli to -ble instead of -abli to -able;
 *  - step 4 treats -ement first, then -ment, then -ent as three successive checks (ROUGE's 2004 change),
 *    so a word may lose more than one of them;
 *  - the "short word" tests (*o) compare the whole word with consonant-sequence, vowel, consonant;
 *  - an initial "y" is a consonant.
 * Input is one lower-case token of ASCII letters and digits. Matching ROUGE's scores to four decimals
 * depends on these details, so they are kept exactly; do not "fix" them.
 */

// "Consonant" is any letter but a e i o u; "y" counts as a vowel after a consonant (the y-rule is
// approximated as ROUGE does, by these character classes).
const c = '[^aeiou]';
const v = '[aeiouy]';
const C = `${c}[^aeiouy]*`;
const V = `${v}[aeiou]*`;

/** measure m > 0: [C](VC){m}[V] with m >= 1. */
const mGt0 = new RegExp(`^(?:${C})?${V}${C}`);
/** measure m == 1. */
const mEq1 = new RegExp(`^(?:${C})?${V}${C}(?:${V})?$`);
/** measure m > 1. */
const mGt1 = new RegExp(`^(?:${C})?${V}${C}${V}${C}`);
/** the stem contains a vowel. */
const hasVowel = new RegExp(`^(?:${C})?${v}`);
/** the whole word is consonants, one vowel, one consonant other than w, x, y (Porter's *o). */
const shortCvc = new RegExp(`^${C}${v}[^aeiouwxy]$`);

const step2Suffixes: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};

const step3Suffixes: Record<string, string> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};

const step4Suffixes = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

/** The longest suffix from `list` that `w` ends with, or undefined. */
function longestSuffix(w: string, list: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const s of list) if (w.endsWith(s) && (best === undefined || s.length > best.length)) best = s;
  return best;
}

export function porterStem(word: string): string {
  if (word.length < 3) return word;
  let w = word;
  // An initial y is a consonant: upper-case it so the vowel classes never see it.
  const initialY = w[0] === 'y';
  if (initialY) w = 'Y' + w.slice(1);

  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (/[^s]s$/.test(w)) w = w.slice(0, -1);

  // Step 1b: -eed, -ed, -ing.
  if (w.endsWith('eed')) {
    if (mGt0.test(w.slice(0, -3))) w = w.slice(0, -1);
  } else {
    const m = /(ed|ing)$/.exec(w);
    if (m) {
      const stem = w.slice(0, m.index);
      if (hasVowel.test(stem)) {
        w = stem;
        if (/(at|bl|iz)$/.test(w)) w += 'e';
        else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
        else if (shortCvc.test(w)) w += 'e';
      }
    }
  }

  // Step 1c: y -> i after a vowel-bearing stem.
  if (w.endsWith('y')) {
    const stem = w.slice(0, -1);
    if (hasVowel.test(stem)) w = stem + 'i';
  }

  // Step 2 and 3: double and single suffixes, when the remaining stem has m > 0.
  for (const table of [step2Suffixes, step3Suffixes]) {
    const suffix = longestSuffix(w, Object.keys(table));
    if (suffix !== undefined) {
      const stem = w.slice(0, -suffix.length);
      if (mGt0.test(stem)) w = stem + table[suffix];
    }
  }

  // Step 4: remove a final suffix when m > 1 (ROUGE's -ement / -ment / -ent sequence).
  const s4 = longestSuffix(w, step4Suffixes);
  if (s4 !== undefined) {
    const stem = w.slice(0, -s4.length);
    if (mGt1.test(stem)) w = stem;
  }
  if (w.endsWith('ment')) {
    const stem = w.slice(0, -4);
    if (mGt1.test(stem)) w = stem;
  }
  if (w.endsWith('ent')) {
    const stem = w.slice(0, -3);
    if (mGt1.test(stem)) w = stem;
  } else if (/[st]ion$/.test(w)) {
    const stem = w.slice(0, -3);
    if (mGt1.test(stem)) w = stem;
  }

  // Step 5: final e and double l.
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (mGt1.test(stem) || (mEq1.test(stem) && !shortCvc.test(stem))) w = stem;
  }
  if (w.endsWith('ll') && mGt1.test(w)) w = w.slice(0, -1);

  if (initialY) w = 'y' + w.slice(1);
  return w;
}
