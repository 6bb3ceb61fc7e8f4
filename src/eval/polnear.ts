/**
 * PolNeAR (Newell, Margolin & Ruths 2018) reader and attribution scorer.
 *
 * A split folder holds `text/<doc>.txt` and `attributions/<doc>_<annotator>.ann` (brat standoff):
 * `T<n>\t<Label> <start> <end>[;<start> <end>...]\t<text>` spans (Source, Cue, Content, Attribution...) and
 * `E<n>\tAttribution:T.. Content:T.. Cue:T.. Source:T..` relations. Some texts were annotated by more than
 * one annotator; we score the first annotation file (by name) of each text, so every text counts once.
 *
 * Scoring (our definitions, stated in `chronicle eval quotes --help`):
 * - content match: a predicted content span matches a gold one when they overlap (one-to-one, greedy by
 *   overlap size); "exact" when they are equal after trimming whitespace, quotation marks and , . ; : at
 *   both ends. Discontinuous gold contents ("A," X said, "B.") are scored by their covering span.
 * - direct: an attribution whose content is in quotation marks (starts and ends at a quotation mark, marks
 *   inside or just outside the span). Precision counts predicted contents that are themselves in quotation
 *   marks, recall counts gold direct contents; both may match any span of the other side.
 * - source accuracy: over matched pairs whose gold attribution has a source, the share whose predicted
 *   source span overlaps the gold source span; also given for the gold attributions not in quotation marks
 *   (indirect).
 * - speakers: predicted speakers that are neither an entity nor a description with a head noun
 *   (`speakerIssue`: fragments, clauses, bare nationality adjectives...).
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { InputError } from '../model.js';

export interface Span {
  start: number;
  end: number;
}

export interface GoldAttribution {
  /** Covering span of the content (fragments joined). */
  content: Span;
  source: Span[] | null;
  cue: Span[] | null;
  direct: boolean;
}

export interface PolnearDoc {
  id: string;
  textPath: string;
  annPath: string;
  text: string;
  attributions: GoldAttribution[];
}

export interface PolnearSplit {
  docs: PolnearDoc[];
  errors: InputError[];
}

const OPEN_Q = new Set(['"', '“', '‘', "'", '«', '„']);
const CLOSE_Q = new Set(['"', '”', '’', "'", '»', '“']);
const EDGE_PUNCT = /[\s,.;:!?…—–-]/u;

/** True when text[start,end) is in quotation marks (marks inside the span or right outside it). */
export function isQuoted(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s])) s++;
  while (e > s && /\s/u.test(text[e - 1])) e--;
  if (e - s < 2) return false;
  const opens =
    OPEN_Q.has(text[s]) || (s > 0 && OPEN_Q.has(text[s - 1]) && !/\p{L}/u.test(text[s - 2] ?? ' '));
  let k = e - 1;
  let closes = CLOSE_Q.has(text[k]);
  if (!closes) {
    // `... words.”` with the span ending before the mark, or `... words,” ` ending after punctuation.
    let j = e;
    while (j < text.length && j < e + 2 && /[,.;:!?]/.test(text[j])) j++;
    closes = CLOSE_Q.has(text[j] ?? '');
    while (!closes && k > s && /[,.;:!?]/.test(text[k])) k--;
    if (!closes) closes = CLOSE_Q.has(text[k]);
  }
  return opens && closes;
}

/** Span trimmed of whitespace, quotation marks and edge punctuation (for "exact" comparison). */
export function trimSpan(text: string, sp: Span): Span {
  let { start, end } = sp;
  while (start < end && (EDGE_PUNCT.test(text[start]) || OPEN_Q.has(text[start]) || CLOSE_Q.has(text[start])))
    start++;
  while (
    end > start &&
    (EDGE_PUNCT.test(text[end - 1]) || OPEN_Q.has(text[end - 1]) || CLOSE_Q.has(text[end - 1]))
  )
    end--;
  return { start, end };
}

/** Parse one brat .ann file against its text. Bad lines become InputErrors naming file and line. */
export function parseAnn(
  annPath: string,
  ann: string,
  text: string,
): { attributions: GoldAttribution[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const spans = new Map<string, { label: string; frags: Span[] }>();
  const relations: { line: number; args: Map<string, string[]> }[] = [];
  const lines = ann.split(/\r?\n/);
  let mismatches = 0;
  lines.forEach((line, i) => {
    const ln = i + 1;
    if (!line.trim()) return;
    const cols = line.split('\t');
    const id = cols[0];
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(cols[1] ?? '');
      if (!m || cols.length < 3) {
        errors.push(new InputError(annPath, `malformed span line: ${JSON.stringify(line.slice(0, 80))}`, ln));
        return;
      }
      const frags = m[2].split(';').map((p) => {
        const [a, b] = p.split(' ').map(Number);
        return { start: a, end: b };
      });
      const bad = frags.find((f) => f.end < f.start || f.end > text.length);
      if (bad) {
        errors.push(
          new InputError(
            annPath,
            `span ${bad.start}-${bad.end} is beyond the text (${text.length} characters)`,
            ln,
          ),
        );
        return;
      }
      const got = frags.map((f) => text.slice(f.start, f.end)).join(' ');
      if (got.replace(/\s+/g, ' ').trim() !== cols.slice(2).join('\t').replace(/\s+/g, ' ').trim())
        mismatches++;
      spans.set(id, { label: m[1], frags });
    } else if (id.startsWith('E')) {
      const args = new Map<string, string[]>();
      for (const part of (cols[1] ?? '').trim().split(/\s+/)) {
        const mm = /^([A-Za-z-]+?)\d*:(T\d+)$/.exec(part);
        if (!mm) continue;
        const role = mm[1];
        args.set(role, [...(args.get(role) ?? []), mm[2]]);
      }
      if (!args.size) {
        errors.push(
          new InputError(annPath, `malformed relation line: ${JSON.stringify(line.slice(0, 80))}`, ln),
        );
        return;
      }
      relations.push({ line: ln, args });
    } else if (!/^[#AMRN*]/.test(id)) {
      errors.push(new InputError(annPath, `unrecognised line: ${JSON.stringify(line.slice(0, 80))}`, ln));
    }
  });
  const total = spans.size;
  if (total >= 4 && mismatches > total / 2)
    errors.unshift(
      new InputError(
        annPath,
        `${mismatches} of ${total} spans do not match the text: wrong text file for this annotation?`,
      ),
    );
  const attributions: GoldAttribution[] = [];
  for (const r of relations) {
    const contentIds = r.args.get('Content') ?? [];
    const frags = contentIds.flatMap((c) => spans.get(c)?.frags ?? []);
    if (!frags.length) {
      errors.push(new InputError(annPath, 'attribution without a known content span', r.line));
      continue;
    }
    const content = {
      start: Math.min(...frags.map((f) => f.start)),
      end: Math.max(...frags.map((f) => f.end)),
    };
    const get = (role: string) => {
      const f = (r.args.get(role) ?? []).flatMap((x) => spans.get(x)?.frags ?? []);
      return f.length ? f : null;
    };
    attributions.push({
      content,
      source: get('Source'),
      cue: get('Cue'),
      direct: isQuoted(text, content.start, content.end),
    });
  }
  return { attributions, errors };
}

/** Read a PolNeAR split folder (the one holding text/ and attributions/). */
export function readPolnearSplit(dir: string): PolnearSplit {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(dir, 'not a folder');
  if (!existsSync(textDir) || !existsSync(annDir))
    throw new InputError(
      dir,
      'not a PolNeAR split: expected text/ and attributions/ inside (e.g. polnear/data/dev)',
    );
  const errors: InputError[] = [];
  const texts = new Set(readdirSync(textDir).filter((f) => f.endsWith('.txt')));
  const docs: PolnearDoc[] = [];
  const seen = new Set<string>();
  for (const f of readdirSync(annDir)
    .filter((x) => x.endsWith('.ann'))
    .sort()) {
    const annPath = join(annDir, f);
    const base = f.replace(/\.ann$/, '').replace(/_[^_]+$/, '');
    if (!texts.has(base + '.txt')) {
      errors.push(new InputError(annPath, `no matching text file ${join(textDir, base + '.txt')}`));
      continue;
    }
    if (seen.has(base)) continue;
    seen.add(base);
    const textPath = join(textDir, base + '.txt');
    const text = readFileSync(textPath, 'utf8');
    const { attributions, errors: errs } = parseAnn(annPath, readFileSync(annPath, 'utf8'), text);
    errors.push(...errs);
    docs.push({ id: basename(base), textPath, annPath, text, attributions });
  }
  return { docs, errors };
}

export interface PredictedAttribution {
  content: Span;
  source: Span | null;
  /** The speaker given (canonical name or description) and whether it is an entity; for the speaker check. */
  speaker?: string | null;
  speakerEntityId?: string | null;
}

/** Closed-class words (our list): a speaker ending in one is a fragment ("of an", "the head of"). */
const CLOSED_CLASS = new Set(
  (
    'a an the of to in on at for with by from into about and or but that which who whose this these those ' +
    'its his her their our my your is are was were be been has have had do does did will would can could ' +
    'may might must shall should not'
  ).split(' '),
);
/** Auxiliaries and modals: a speaker holding one is a clause, not a noun phrase. */
const AUXILIARY =
  /^(?:will|would|can|could|may|might|must|shall|should|is|are|was|were|has|have|had|did|does)$/;
/** Nationality adjectives and country abbreviations said alone (the evaluation's own short list). */
const BARE_NATIONALITY = new Set(
  (
    'us u.s u.s. usa uk u.k u.k. american british french german russian chinese italian spanish mexican ' +
    'canadian israeli iranian iraqi syrian turkish saudi european ukrainian japanese korean indian dutch ' +
    'swiss polish greek irish arab african asian'
  ).split(' '),
);

/**
 * Why a predicted speaker is not an entity or a description with a head noun, or null when it is one: a
 * fragment (ends in a closed-class word), a clause (holds an auxiliary), a lone adverb, a number, or a bare
 * nationality adjective or country abbreviation. Speakers resolved to an entity are fine. This check is the
 * evaluation's own, independent of the rules it checks (src/nlp/quotes/speakers.ts).
 */
export function speakerIssue(speaker: string | null | undefined, entityId?: string | null): string | null {
  if (!speaker || entityId) return null;
  const words = speaker.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (!words.length) return 'empty';
  const lower = words.map((w) => w.toLowerCase().replace(/[,;:]$/, ''));
  const last = lower[lower.length - 1];
  if (CLOSED_CLASS.has(last)) return 'fragment';
  if (lower.some((w) => AUXILIARY.test(w))) return 'clause';
  if (/^\p{N}[\p{N},.]*$/u.test(last)) return 'number';
  if (words.length === 1 && /ly$/.test(last) && !/^\p{Lu}/u.test(words[0])) return 'adverb';
  if (words.length === 1 && BARE_NATIONALITY.has(last)) return 'nationality';
  return null;
}

export interface PRF {
  p: number;
  r: number;
  f: number;
  tp: number;
  predicted: number;
  gold: number;
}

export interface AttributionScores {
  content: PRF & { exact: PRF };
  source: { acc: number; n: number };
}

export interface QuoteScores {
  direct: AttributionScores;
  all: AttributionScores;
  /** Source accuracy over matched gold attributions that are not in quotation marks. */
  indirectSource: { acc: number; n: number };
  /** Predicted speakers (non-null) and those that are not an entity or a headed description, by reason. */
  speakers: { predicted: number; bad: number; reasons: Record<string, number>; examples: string[] };
}

function prf(tpP: number, predicted: number, tpG: number, gold: number): PRF {
  const p = predicted ? tpP / predicted : 0;
  const r = gold ? tpG / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp: tpG, predicted, gold };
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Running totals over documents; `score()` gives the figures. */
export class QuoteScorer {
  private c = {
    all: { pred: 0, gold: 0, tp: 0, exP: 0, exG: 0, srcN: 0, srcOk: 0 },
    direct: { pred: 0, gold: 0, tpP: 0, tpG: 0, exP: 0, exG: 0, srcN: 0, srcOk: 0 },
    indirect: { srcN: 0, srcOk: 0 },
    speakers: { predicted: 0, bad: 0, reasons: {} as Record<string, number>, examples: [] as string[] },
  };

  add(text: string, gold: GoldAttribution[], pred: PredictedAttribution[]): void {
    // Greedy one-to-one matching by overlap size.
    const pairs: { g: number; p: number; o: number }[] = [];
    gold.forEach((g, gi) =>
      pred.forEach((p, pi) => {
        const o = overlap(g.content, p.content);
        if (o > 0) pairs.push({ g: gi, p: pi, o });
      }),
    );
    pairs.sort((a, b) => b.o - a.o);
    const gm = new Map<number, number>();
    const pm = new Map<number, number>();
    for (const x of pairs) {
      if (gm.has(x.g) || pm.has(x.p)) continue;
      gm.set(x.g, x.p);
      pm.set(x.p, x.g);
    }
    const predDirect = pred.map((p) => isQuoted(text, p.content.start, p.content.end));
    const exact = (g: GoldAttribution, p: PredictedAttribution) => {
      const a = trimSpan(text, g.content);
      const b = trimSpan(text, p.content);
      return a.start === b.start && a.end === b.end;
    };
    const A = this.c.all;
    const D = this.c.direct;
    A.pred += pred.length;
    A.gold += gold.length;
    D.pred += predDirect.filter(Boolean).length;
    D.gold += gold.filter((g) => g.direct).length;
    for (const [gi, pi] of gm) {
      const g = gold[gi];
      const p = pred[pi];
      const ex = exact(g, p);
      A.tp++;
      if (ex) A.exG++;
      if (g.direct) {
        D.tpG++;
        if (ex) D.exG++;
      }
      if (predDirect[pi]) {
        D.tpP++;
        if (ex) D.exP++;
      }
      if (g.source) {
        const ok = !!p.source && g.source.some((s) => overlap(s, p.source!) > 0);
        A.srcN++;
        if (ok) A.srcOk++;
        if (g.direct) {
          D.srcN++;
          if (ok) D.srcOk++;
        } else {
          this.c.indirect.srcN++;
          if (ok) this.c.indirect.srcOk++;
        }
      }
    }
    A.exP = A.exG;
    const S = this.c.speakers;
    for (const p of pred) {
      if (!p.speaker) continue;
      S.predicted++;
      const why = speakerIssue(p.speaker, p.speakerEntityId);
      if (!why) continue;
      S.bad++;
      S.reasons[why] = (S.reasons[why] ?? 0) + 1;
      if (S.examples.length < 10) S.examples.push(p.speaker);
    }
  }

  score(): QuoteScores {
    const A = this.c.all;
    const D = this.c.direct;
    return {
      direct: {
        content: { ...prf(D.tpP, D.pred, D.tpG, D.gold), exact: prf(D.exP, D.pred, D.exG, D.gold) },
        source: { acc: D.srcN ? D.srcOk / D.srcN : 0, n: D.srcN },
      },
      all: {
        content: { ...prf(A.tp, A.pred, A.tp, A.gold), exact: prf(A.exP, A.pred, A.exG, A.gold) },
        source: { acc: A.srcN ? A.srcOk / A.srcN : 0, n: A.srcN },
      },
      indirectSource: {
        acc: this.c.indirect.srcN ? this.c.indirect.srcOk / this.c.indirect.srcN : 0,
        n: this.c.indirect.srcN,
      },
      speakers: {
        ...this.c.speakers,
        reasons: { ...this.c.speakers.reasons },
        examples: [...this.c.speakers.examples],
      },
    };
  }
}
