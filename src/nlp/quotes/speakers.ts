/**
 * What may be a speaker, and the role that comes with a named one. A speaker is a name (a person or an
 * organisation), a pronoun, or a description with a head noun ("a senior Kelvian official", "a ministry
 * spokesman"); never a fragment ("of an", "The District will probably"), a bare demonym or country
 * abbreviation ("French", "US"), an adverb or a lone function word. `speakerShape` tells which; the
 * attribution rules drop (or look elsewhere for) a phrase that is none. `splitRole` takes the role off a
 * speaker phrase that ends in a name ("Corvane Line spokesman Aron Vell" → role "Corvane Line spokesman",
 * name "Aron Vell").
 */
import { PRONOUNS, ROLE_NOUNS } from './lexicon.js';

export type SpeakerShape = 'pronoun' | 'name' | 'description';

/** Closed-class words: a phrase ending in one is cut short ("the head of", "of an"). */
const FUNCTION_WORDS = new Set(
  (
    'a an the of to in on at for with by from into about over under and or but nor so that which who whom ' +
    'whose what when where while as than if because since until after before during without through ' +
    'this these those its his her their our my your is are was were be been being has have had do does ' +
    'did will would can could may might must shall should not no'
  ).split(' '),
);
/** Verbs that make a phrase a clause, not a noun phrase ("The District will probably"). */
const CLAUSE_WORDS = new Set(
  'will would can could may might must shall should is are was were has have had did does do gets got'.split(
    ' ',
  ),
);
/**
 * Demonyms and country abbreviations that stand alone as adjectives (our list of the common ones; "French"
 * said nothing, "a French diplomat" did).
 */
const DEMONYMS = new Set(
  (
    'us u.s usa uk u.k eu american british english french german italian spanish russian chinese japanese ' +
    'indian iranian iraqi israeli palestinian syrian turkish ukrainian polish dutch belgian swiss swedish ' +
    'norwegian danish finnish greek irish scottish welsh canadian mexican brazilian australian korean ' +
    'saudi egyptian libyan afghan pakistani european african asian arab western eastern northern southern'
  ).split(' '),
);
/** Calendar words: a phrase ending in a weekday ("on Thursday") or a lone month name is a time, not a speaker. */
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const MONTHS = new Set(
  'january february march april june july august september october november december'.split(' '),
);

/** Nouns ending in -ly ("an ally", "the assembly"): not adverbs. */
const LY_NOUNS = new Set('ally family assembly supply daily monthly weekly quarterly rally italy'.split(' '));

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;

/** Subject pronouns: a speaker alone ("she said"), never inside a longer speaker phrase. */
const SUBJECT_PRONOUNS = new Set('i you he she we they it'.split(' '));

/** The shape of a speaker phrase, or null when it cannot be one (see the header). */
export function speakerShape(phrase: string): SpeakerShape | null {
  const words = (phrase.match(WORD_RE) ?? []).map((w) => w.replace(/['’]s$|['’]$|\.$/u, ''));
  if (!words.length) return null;
  const lower = words.map((w) => w.toLowerCase());
  if (words.length === 1 && PRONOUNS[lower[0]] !== undefined) return 'pronoun';
  if (lower.some((w) => CLAUSE_WORDS.has(w))) return null;
  // a subject pronoun or a contraction inside a longer phrase makes it a clause ("one thing you've",
  // "I keep the things", "that we"), not a noun phrase
  if (words.length > 1 && lower.some((w) => SUBJECT_PRONOUNS.has(w) || /['’](?:ve|re|m|ll|d)$/u.test(w)))
    return null;
  const last = lower[lower.length - 1];
  if (FUNCTION_WORDS.has(last)) return null;
  if (/ly$/.test(last) && !LY_NOUNS.has(last) && !/^\p{Lu}/u.test(words[words.length - 1])) return null;
  if (words.length === 1 && (DEMONYMS.has(last) || DEMONYMS.has(last.replace(/\./g, '')))) return null;
  if (WEEKDAYS.has(last) || (words.length === 1 && MONTHS.has(last))) return null;
  if (DEMONYMS.has(last) && words.every((w, i) => i === words.length - 1 || FUNCTION_WORDS.has(lower[i])))
    return null;
  // (the determiners "the/a" before a demonym: "the French" said nothing either)
  const named = words.some((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && FUNCTION_WORDS.has(lower[0])));
  if (named && /^\p{Lu}/u.test(words[words.length - 1])) return 'name';
  if (/^\p{N}+$/u.test(last)) return null;
  return 'description';
}

/** Words that may trail a speaker phrase before its verb ("the campaign has long", "she would"). */
const TRAILING =
  /^(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|shall|should|did|does|do|long|always|only|also|never|often|still|just|already|since|now|then|once|later|again|even|not|\p{Ll}+ly)$/u;

/**
 * A speaker span without the auxiliaries and adverbs that trail it ("the campaign has long" → "the
 * campaign", "she would" → "she"), or the span itself.
 */
export function trimSpeaker<T extends { start: number; end: number; text: string }>(sp: T): T {
  const ws = [...sp.text.matchAll(/\S+/g)];
  let n = ws.length;
  while (n > 1 && TRAILING.test(ws[n - 1][0]) && !LY_NOUNS.has(ws[n - 1][0].toLowerCase())) n--;
  if (n === ws.length) return sp;
  const end = ws[n - 1].index! + ws[n - 1][0].length;
  return { ...sp, end: sp.start + end, text: sp.text.slice(0, end) };
}

/** Is this phrase a speaker at all (any shape)? */
export const isSpeakerPhrase = (phrase: string): boolean => speakerShape(phrase) !== null;

/**
 * A speaker phrase that ends in a name after a role noun: the role (with the organisation before it) and the
 * name ("said Corvane Line spokesman Aron Vell" → { role: "Corvane Line spokesman", name: "Aron Vell" }), or
 * null when the phrase is not of that shape.
 */
export function splitRole(phrase: string): { role: string; name: string; nameOffset: number } | null {
  const ws = [...phrase.matchAll(WORD_RE)];
  for (let i = ws.length - 2; i >= 0; i--) {
    const w = ws[i][0].toLowerCase().replace(/['’]s$/u, '');
    if (!ROLE_NOUNS.has(w)) continue;
    const rest = ws.slice(i + 1);
    if (!rest.length || rest.length > 4 || !rest.every((m) => /^\p{Lu}/u.test(m[0]))) return null;
    const nameOffset = rest[0].index!;
    return {
      role: phrase.slice(0, ws[i].index! + ws[i][0].length).trim(),
      name: phrase.slice(nameOffset).trim(),
      nameOffset,
    };
  }
  return null;
}
