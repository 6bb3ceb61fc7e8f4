/**
 * Role mentions: a person named by role only ("Corvane CEO", "the Prime Minister of Kelvia", "Chief Operating
 * Officer") is the person the same article introduces with that role ("Corvane CEO Petra Lind", "Petra Lind,
 * Corvane's chief executive,"). Roles are compared in a canonical form ("chief executive officer", "chief
 * executive" and "CEO" are one role); when the role mention also names an organisation or place, the person
 * must be introduced with it too. The nearest person introduced before the mention wins, else the nearest
 * after it.
 */
import type { Mention } from '../../model.js';
import { foldToken } from './names.js';

/** Words of role phrases (our list: offices and job titles common in news). */
const ROLE_WORDS = new Set(
  (
    'ceo cfo coo cto president vice chairman chairwoman chair chairperson chief executive officer operating ' +
    'financial technology minister prime secretary general director managing spokesman spokeswoman ' +
    'spokesperson governor mayor senator ambassador commissioner founder head leader justice judge ' +
    'chancellor premier king queen pope deputy treasurer attorney analyst commander admiral captain ' +
    'superintendent inspector manager editor owner mr mrs ms dr'
  ).split(' '),
);
/** Words that may join the parts of a role phrase ("Chairman and Chief Operating Officer of AirTran"). */
const GLUE = new Set(['of', 'and', 'the', '&']);

/** Multi-word roles and abbreviations under one canonical name. */
const CANONICAL: [RegExp, string][] = [
  [/\b(?:chief executive(?: officer)?|c ?e ?o)\b/g, 'ceo'],
  [/\b(?:chief operating officer|c ?o ?o)\b/g, 'coo'],
  [/\b(?:chief financial officer|c ?f ?o)\b/g, 'cfo'],
  [/\bprime minister\b/g, 'prime-minister'],
  [/\bvice president\b/g, 'vice-president'],
  [/\bmanaging director\b/g, 'managing-director'],
  [/\bsecretary general\b/g, 'secretary-general'],
];

/** Canonical roles named in a phrase ("Corvane's chief executive" → {ceo}). */
export function rolesIn(phrase: string): Set<string> {
  let s = ` ${phrase
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^a-z0-9&]+/g, ' ')} `;
  for (const [re, c] of CANONICAL) s = s.replace(re, c);
  const out = new Set<string>();
  for (const w of s.split(' '))
    if (
      w.includes('-') ||
      /^(?:ceo|coo|cfo)$/.test(w) ||
      (ROLE_WORDS.has(w) && !/^(?:mr|mrs|ms|dr|chief|vice|prime|operating|financial|executive)$/.test(w))
    )
      out.add(w);
  return out;
}

/**
 * For a person mention that names a role only, the index (in `ms`) of the full-name person mention it
 * stands for; else null. `cores[i]` are the core tokens of `ms[i]` (names.ts coreTokens).
 */
export function roleMentionTarget(text: string, ms: Mention[], i: number, cores: string[][]): number | null {
  const toks = cores[i];
  if (!toks.length) return null;
  const words = toks.map(foldToken);
  const role = words.filter((w) => ROLE_WORDS.has(w));
  if (!role.length) return null;
  const roles = rolesIn(toks.join(' '));
  if (!roles.size) return null;
  // the other words must name an organisation or place of the article ("Corvane CEO", "Minister of Kelvia")
  const places = new Set<string>();
  for (const m of ms)
    if (m.type === 'ORG' || m.type === 'LOC' || m.type === 'MISC')
      for (const w of m.text.split(/[\s.,']+/)) places.add(foldToken(w));
  const others = words.filter((w) => !ROLE_WORDS.has(w) && !GLUE.has(w));
  if (others.some((w) => !places.has(w))) return null;
  let before: number | null = null;
  let after: number | null = null;
  for (let j = 0; j < ms.length; j++) {
    const m = ms[j];
    if (j === i || m.type !== 'PERSON' || cores[j].length < 2) continue;
    // a full name: its first word is not a role word ("Petra Lind", not "Corvane CEO")
    if (ROLE_WORDS.has(foldToken(cores[j][0])) || rolesIn(cores[j].join(' ')).size) continue;
    const ctx = introduction(text, m);
    const have = rolesIn(ctx);
    if (![...roles].some((r) => have.has(r))) continue;
    const ctxWords = new Set(ctx.split(/[\s.,'’]+/).map(foldToken));
    if (others.some((w) => !ctxWords.has(w))) continue;
    if (m.start < ms[i].start) before = j;
    else if (after === null) after = j;
  }
  return before ?? after;
}

/** The words that introduce a person: the mention itself, up to 40 characters before it, and an appositive. */
function introduction(text: string, m: Mention): string {
  const pre =
    text
      .slice(Math.max(0, m.start - 40), m.start)
      .split(/[.;:!?"“”()]/)
      .pop() ?? '';
  const app =
    text.charCodeAt(m.end) === 44 ? (/^,[^,.;:]{1,60}/.exec(text.slice(m.end, m.end + 70))?.[0] ?? '') : '';
  return `${pre} ${m.text} ${app}`;
}
