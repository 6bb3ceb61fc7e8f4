/**
 * The NER refiners as they were before span edits became in-place binary-search splices (filter and sort
 * per edit): the reference the linear versions are compared with in refine-linear.test.ts.
 */
import type { DocumentRefiner, Refiner, Span } from '../../src/nlp/ner/refine.js';
import { afterRole, isHonorific, replaceSpans, vesselNamesIn } from '../../src/nlp/ner/refine.js';
import {
  NON_PERSON_WORDS,
  ROLE_NOUNS_AFTER_MODIFIER,
  ROLE_WORDS,
  VESSEL_PREFIXES,
} from '../../src/nlp/ner/roles.js';

const nameLike = (w: string) => /^\p{Lu}[\p{L}'.-]*$/u.test(w);

export const referenceHonorificPerson: Refiner = (words, spans) => {
  let out = spans;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!isHonorific(words[i]) || !nameLike(words[i + 1])) continue;
    // "MX Onda" (a team code): an honorific in capitals counts only before a name in capitals (headlines).
    if (words[i] === words[i].toUpperCase() && /\p{Ll}/u.test(words[i + 1])) continue;
    // "Mr. President", "Madam Secretary": a form of address, not a name.
    if (ROLE_WORDS.has(words[i + 1].toLowerCase()) && !nameLike(words[i + 2] ?? '')) continue;
    let end = i + 1;
    while (end < words.length && end < i + 4 && nameLike(words[end])) end++;
    const already = out.some((s) => s.start === i + 1 && s.end === end && s.type === 'PER');
    if (!already) out = replaceSpans(out, i + 1, end, 'PER');
    i = end - 1;
  }
  return out;
};

/** Every [start, end) where `name` occurs in `words` (case-sensitive, whole words). */
function occurrences(words: string[], name: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + name.length <= words.length; i++) {
    let k = 0;
    while (k < name.length && words[i + k] === name[k]) k++;
    if (k === name.length) out.push(i);
  }
  return out;
}

/**
 * "the tanker Aster Dawn", "MV Aster Dawn": a name after a lower-case vessel noun or a ship prefix is
 * MISC, and so is every other occurrence of that name in the document ("The Aster Dawn will be towed"),
 * unless the model put it inside a longer name there (or, for a one-word name, saw no name there).
 */
export const referenceVesselName: DocumentRefiner = (doc, spans) => {
  const names = new Map<string, string[]>();
  const out = spans.map((sentence, s) => {
    let sp = sentence;
    for (const [start, end] of vesselNamesIn(doc[s])) {
      sp = replaceSpans(sp, start, end, 'MISC');
      const name = doc[s].slice(start, end);
      names.set(name.join(' '), name);
      if (VESSEL_PREFIXES.has(name[0]) && name.length > 1) names.set(name.slice(1).join(' '), name.slice(1));
    }
    return sp;
  });
  if (!names.size) return out;
  return out.map((sentence, s) => {
    let sp = sentence;
    for (const name of names.values())
      for (const i of occurrences(doc[s], name)) {
        const end = i + name.length;
        if (i > 0 && VESSEL_PREFIXES.has(doc[s][i - 1])) continue;
        const over = sp.filter((x) => x.start < end && x.end > i);
        if (over.some((x) => x.start < i || x.end > end)) continue;
        // A one-word name ("the tug Hope") is retyped where the model saw a name, never added to plain words.
        if (name.length === 1 && !over.length) continue;
        if (over.length === 1 && over[0].start === i && over[0].end === end && over[0].type === 'MISC')
          continue;
        sp = replaceSpans(sp, i, end, 'MISC');
      }
    return sp;
  });
};

export const referenceTitleSplit: DocumentRefiner = (doc, spans) => {
  // The first type of each span's words, built when a split first needs it (few documents have one).
  let knownMap: Map<string, string> | null = null;
  const known = (): Map<string, string> => {
    if (knownMap) return knownMap;
    knownMap = new Map<string, string>();
    spans.forEach((sentence, s) => {
      for (const sp of sentence) {
        const text = doc[s].slice(sp.start, sp.end).join(' ');
        if (!knownMap!.has(text)) knownMap!.set(text, sp.type);
      }
    });
    return knownMap;
  };
  return spans.map((sentence, s) => {
    const words = doc[s];
    let out = sentence;
    for (const sp of sentence) {
      if (sp.type !== 'PER' && sp.type !== 'ORG') continue;
      let firstRole = -1;
      let nameStart = -1;
      for (let i = sp.start; i < sp.end - 1; i++) {
        const after = afterRole(words, i);
        if (after < 0 || after >= sp.end) continue;
        if (firstRole < 0) firstRole = i;
        nameStart = after;
      }
      if (nameStart < 0) continue;
      const name = words.slice(nameStart, sp.end);
      if (name.length > 3 || !name.every((w) => nameLike(w) && !NON_PERSON_WORDS.has(w.toLowerCase())))
        continue;
      if (sp.type === 'ORG' && (firstRole === sp.start || name.length < 2)) continue;
      out = replaceSpans(out, nameStart, sp.end, 'PER');
      let modifier: Span | null = null;
      for (let end = firstRole; end > sp.start && !modifier; end--) {
        const type = known().get(words.slice(sp.start, end).join(' '));
        if (type) modifier = { start: sp.start, end, type };
      }
      if (!modifier && sp.type === 'ORG' && firstRole > sp.start)
        modifier = { start: sp.start, end: firstRole, type: 'ORG' };
      if (modifier) out = [...out, modifier].sort((a, b) => a.start - b.start);
    }
    return out;
  });
};

export const referenceRoleModifier: DocumentRefiner = (doc, spans) => {
  let lower: Set<string> | null = null;
  return spans.map((sentence, s) => {
    const words = doc[s];
    let out = sentence;
    for (const sp of sentence) {
      if (sp.type !== 'PER' || sp.end + 1 >= words.length) continue;
      const role = words[sp.end];
      if (!ROLE_NOUNS_AFTER_MODIFIER.has(role) || !nameLike(words[sp.end + 1])) continue;
      lower ??= new Set(doc.flat().filter((w) => /^\p{Ll}+$/u.test(w)));
      const common = words.slice(sp.start, sp.end).every((w) => lower!.has(w.toLowerCase()));
      out = out.filter((x) => x !== sp);
      if (!common) out = [...out, { ...sp, type: 'ORG' }].sort((a, b) => a.start - b.start);
    }
    return out;
  });
};
