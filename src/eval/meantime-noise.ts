/**
 * The name-noise protocol of `chronicle eval coref --noise P --seed K`: a share P of MEANTIME's gold name
 * mentions is rewritten, in the document text itself, into the variants real news carries: a one-letter
 * typo (a letter dropped, doubled or struck on a neighbouring key), two adjacent letters swapped, another
 * romanisation of the same sound (alternations below), or a title dropped ("Mr. Lee" → "Lee") or a first
 * name cut to its initial ("Tomas Vell" → "T. Vell"). Every offset of the document (mentions and their
 * name spans) is moved with the text, so the resolver, the string-match baseline and our NER all read the
 * noisy text. Seeded (mulberry32): the same P and K give the same noisy corpus.
 *
 * The romanisation alternations are our own list of spelling pairs common in English news renderings of
 * Arabic, Persian, Slavic and other names (q/k, kh/h, dh/d, ou/u, y/i, -ov/-off, -sky/-ski, double/single
 * consonants, ...); they are applied to any name, not to names of any dataset.
 */
import { seededRandom, shuffleInPlace } from '../util/random.js';
import type { GoldMention, MeantimeDoc } from './meantime.js';

export type NoiseKind = 'typo' | 'transposition' | 'transliteration' | 'title' | 'initial';

export interface NameNoise {
  /** Share of the gold name mentions to rewrite (0..1). */
  share: number;
  seed: number;
}

export interface NoisyCorpus {
  docs: MeantimeDoc[];
  /** Gold name mentions rewritten, by kind. */
  changed: Record<NoiseKind, number>;
  /** Gold name mentions that could be rewritten (a word of 4+ letters, not an acronym or a number). */
  eligible: number;
  /** All gold name mentions. */
  named: number;
}

/** Spelling alternations of romanised names, both ways (our list; see the header). */
const ROMANISATIONS: [RegExp, string][] = [
  [/q/, 'k'],
  [/k(?=[aou])/, 'q'],
  [/kh/, 'h'],
  [/dh/, 'd'],
  [/ou/, 'u'],
  [/u(?=[^aeiou]|$)/, 'ou'],
  [/y/, 'i'],
  [/i(?=[aeiou])/, 'y'],
  [/ph/, 'f'],
  [/ks/, 'x'],
  [/x/, 'ks'],
  [/ov$/, 'off'],
  [/off$/, 'ov'],
  [/sky$/, 'ski'],
  [/ski$/, 'sky'],
  [/ei/, 'ey'],
  [/sh/, 'sch'],
  [/ch/, 'tch'],
  [/j/, 'dj'],
  [/ee/, 'i'],
  [/([bcdfgklmnprst])\1/, '$1'],
  [/([aeiou])([dlmnrst])([aeiou])/, '$1$2$2$3'],
  [/mm/, 'm'],
  [/e(?=[dlmnrt]$)/, 'a'],
  [/a(?=[dlmnrt]$)/, 'e'],
  [/o(?=[^aeiou])/, 'u'],
];

/** Title words dropped by the 'title' kind (the first token of a name, with or without its dot). */
const TITLES =
  /^(?:mr|mrs|ms|dr|prof|sir|president|senator|sen|gov|governor|minister|chancellor|ceo|chairman|judge|gen|general|mayor|king|queen|prince|pope|rev)\.?$/i;

/** Letters next to each letter on a QWERTY keyboard (for typos struck on a neighbouring key). */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbours(c: string): string[] {
  const out: string[] = [];
  KEY_ROWS.forEach((row, r) => {
    const i = row.indexOf(c);
    if (i < 0) return;
    if (i > 0) out.push(row[i - 1]);
    if (i + 1 < row.length) out.push(row[i + 1]);
    for (const rr of [r - 1, r + 1]) {
      const other = KEY_ROWS[rr];
      if (!other) continue;
      for (const j of [i - 1, i, i + 1]) if (other[j]) out.push(other[j]);
    }
  });
  return out;
}

const WORD_RE = /\p{L}+(?:['’.-]\p{L}+)*\.?/gu;
const pick = <T>(xs: T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)];

/** A word a typo or romanisation can touch: 4+ letters, starts capitalised, not all capitals. */
const isEditable = (w: string) => /^\p{Lu}\p{Ll}{3,}$/u.test(w.replace(/[.'’-]/g, ''));

/** The variants one kind gives for a name (empty when the kind does not apply). */
export function variantsOf(name: string, kind: NoiseKind, rnd: () => number): string | null {
  const words = [...name.matchAll(WORD_RE)].map((m) => ({ t: m[0], s: m.index }));
  const editable = words.filter((w) => isEditable(w.t));
  const replaceWord = (w: { t: string; s: number }, t: string) =>
    name.slice(0, w.s) + t + name.slice(w.s + w.t.length);
  switch (kind) {
    case 'title': {
      if (words.length < 2 || !TITLES.test(words[0].t)) return null;
      return name.slice(words[1].s);
    }
    case 'initial': {
      const [first, next] = words;
      if (words.length < 2 || !isEditable(first.t) || TITLES.test(first.t) || !isEditable(next.t))
        return null;
      return `${first.t[0]}. ${name.slice(next.s)}`;
    }
    case 'typo': {
      if (!editable.length) return null;
      const w = pick(editable, rnd);
      const i = 1 + Math.floor(rnd() * (w.t.length - 1)); // never the first letter
      const c = w.t[i].toLowerCase();
      const op = Math.floor(rnd() * 3);
      let t: string;
      if (op === 0 && w.t.length > 4) t = w.t.slice(0, i) + w.t.slice(i + 1);
      else if (op === 1) t = w.t.slice(0, i) + w.t[i] + w.t.slice(i);
      else {
        const ns = neighbours(c);
        if (!ns.length) return null;
        t = w.t.slice(0, i) + pick(ns, rnd) + w.t.slice(i + 1);
      }
      return t === w.t ? null : replaceWord(w, t);
    }
    case 'transposition': {
      const cands: { w: { t: string; s: number }; i: number }[] = [];
      for (const w of editable)
        for (let i = 1; i + 1 < w.t.length; i++)
          if (w.t[i] !== w.t[i + 1] && /\p{Ll}/u.test(w.t[i]) && /\p{Ll}/u.test(w.t[i + 1]))
            cands.push({ w, i });
      if (!cands.length) return null;
      const { w, i } = pick(cands, rnd);
      return replaceWord(w, w.t.slice(0, i) + w.t[i + 1] + w.t[i] + w.t.slice(i + 2));
    }
    case 'transliteration': {
      const cands: { w: { t: string; s: number }; t: string }[] = [];
      for (const w of editable) {
        const lower = w.t.toLowerCase();
        for (const [re, rep] of ROMANISATIONS) {
          // the first letter stays as it is (capital), the rule acts on the rest of the word
          const m = re.exec(lower.slice(1));
          if (!m) continue;
          const at = m.index + 1;
          const rest = lower.slice(at).replace(re, rep);
          const t = w.t.slice(0, at) + rest;
          if (t !== w.t) cands.push({ w, t });
        }
      }
      if (!cands.length) return null;
      const c = pick(cands, rnd);
      return replaceWord(c.w, c.t);
    }
  }
}

const KINDS: NoiseKind[] = ['typo', 'transposition', 'transliteration', 'title', 'initial'];

/** A name's noisy variant: a kind drawn among those that apply to it, or null when none does. */
function noisyName(
  name: string,
  person: boolean,
  rnd: () => number,
): { text: string; kind: NoiseKind } | null {
  const kinds = shuffleInPlace(
    KINDS.filter((k) => person || k !== 'initial'),
    rnd,
  );
  for (const kind of kinds) {
    const text = variantsOf(name, kind, rnd);
    if (text && text !== name) return { text, kind };
  }
  return null;
}

/**
 * The corpus with a share of its gold name mentions rewritten (see the header). Name spans shared by
 * several gold mentions (nested mentions) are rewritten once and count once per mention.
 */
export function addNameNoise(docs: MeantimeDoc[], noise: NameNoise): NoisyCorpus {
  const rnd = seededRandom(noise.seed);
  const changed: Record<NoiseKind, number> = {
    typo: 0,
    transposition: 0,
    transliteration: 0,
    title: 0,
    initial: 0,
  };
  // unique name spans over the corpus, each with the gold mentions that share it
  const spans: { doc: number; start: number; end: number; text: string; person: boolean; n: number }[] = [];
  let named = 0;
  docs.forEach((d, di) => {
    const at = new Map<string, (typeof spans)[number]>();
    for (const g of d.mentions) {
      if (!g.name) continue;
      named++;
      const k = `${g.name.start}|${g.name.end}`;
      const s = at.get(k);
      if (s) s.n++;
      else {
        const x = { doc: di, ...g.name, person: g.type === 'PERSON', n: 1 };
        at.set(k, x);
        spans.push(x);
      }
    }
  });
  const eligible = spans.filter((s) => [...s.text.matchAll(WORD_RE)].some((m) => isEditable(m[0])));
  shuffleInPlace(eligible, rnd);
  const target = Math.round(noise.share * named);
  const chosen = new Map<number, { start: number; end: number; text: string }[]>();
  const spansTaken = new Map<number, { start: number; end: number }[]>();
  let done = 0;
  for (const s of eligible) {
    if (done >= target) break;
    const taken = chosen.get(s.doc) ?? [];
    if (spansTaken.get(s.doc)?.some((t) => t.start < s.end && s.start < t.end)) continue;
    const v = noisyName(s.text, s.person, rnd);
    if (!v) continue;
    // only the changed letters are replaced, so a nested name ending before them keeps its span
    let a = 0;
    while (a < s.text.length && a < v.text.length && s.text[a] === v.text[a]) a++;
    let b = 0;
    while (
      b < s.text.length - a &&
      b < v.text.length - a &&
      s.text[s.text.length - 1 - b] === v.text[v.text.length - 1 - b]
    )
      b++;
    // a pure insertion replaces the letter before it too, so that the edit lies inside the name's span
    if (a + b >= s.text.length && a > 0) a--;
    // an edit must not cut into another name's span (a nested "CEO" inside "CEO Petra Lind" would vanish)
    const from = s.start + a;
    const to = s.end - b;
    const cuts = (o: { start: number; end: number }) =>
      (o.start > from && o.start < to) || (o.end > from && o.end < to) || (o.start >= from && o.end <= to);
    if (spans.some((o) => o !== s && o.doc === s.doc && cuts(o))) continue;
    taken.push({ start: s.start + a, end: s.end - b, text: v.text.slice(a, v.text.length - b) });
    chosen.set(s.doc, taken);
    spansTaken.set(s.doc, [...(spansTaken.get(s.doc) ?? []), s]);
    changed[v.kind] += s.n;
    done += s.n;
  }
  const out = docs.map((d, di) => rewrite(d, chosen.get(di) ?? []));
  return {
    docs: out,
    changed,
    eligible: eligible.reduce((a, s) => a + s.n, 0),
    named,
  };
}

/** The document with spans of its text replaced, every offset moved along. */
function rewrite(d: MeantimeDoc, edits: { start: number; end: number; text: string }[]): MeantimeDoc {
  if (!edits.length) return d;
  edits.sort((a, b) => a.start - b.start);
  let text = '';
  let from = 0;
  for (const e of edits) {
    text += d.text.slice(from, e.start) + e.text;
    from = e.end;
  }
  text += d.text.slice(from);
  /** New offset of old offset p; an offset inside an edited span goes to its start (or its end). */
  const move = (p: number, isEnd: boolean): number => {
    let delta = 0;
    for (const e of edits) {
      if (p <= e.start) break;
      if (p < e.end) return e.start + delta + (isEnd ? e.text.length : 0);
      delta += e.text.length - (e.end - e.start);
    }
    return p + delta;
  };
  const mentions: GoldMention[] = d.mentions.map((g) => {
    const start = move(g.start, false);
    const end = move(g.end, true);
    const name = g.name && { start: move(g.name.start, false), end: move(g.name.end, true), text: '' };
    if (name) name.text = text.slice(name.start, name.end);
    return { ...g, start, end, text: text.slice(start, end), name };
  });
  return { ...d, text, mentions };
}
