/**
 * MEANTIME (NewsReader, Minard et al. 2016) reader for cross-document entity coreference.
 *
 * Each CAT XML file holds `<token t_id sentence number>` elements, `<ENTITY_MENTION m_id
 * syntactic_type>` markables anchored to tokens (`<token_anchor t_id>`), `<ENTITY m_id ent_type
 * instance_id>` elements (instance_id is the corpus-level entity, shared across documents) and
 * `<REFERS_TO>` relations from mention `source`s to an ENTITY `target`. The gold cluster of a mention is
 * its target's instance_id (or, for an ENTITY without one, that document-local entity).
 *
 * The text of a document is rebuilt from its tokens (space-separated, one sentence per line), so
 * offsets are ours; each mention also records the last run of capitalised tokens inside it (its proper
 * name, "General Motors" in "the largest car manufacturer General Motors"), or none for pronouns and
 * common-noun phrases.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type EntityType } from '../model.js';

export interface GoldMention {
  id: string;
  docId: string;
  start: number;
  end: number;
  text: string;
  syntacticType: string;
  /** Gold entity (cross-document instance id, or doc#m_id). */
  cluster: string;
  goldType: string;
  type: EntityType;
  /** The proper-name part of the mention (offsets into the document text), or null. */
  name: { start: number; end: number; text: string } | null;
}

export interface MeantimeDoc {
  id: string;
  path: string;
  /** The corpus (topic folder) it belongs to: "airbus" for `corpus_airbus/…` (else ""). */
  corpus: string;
  text: string;
  mentions: GoldMention[];
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attrs = (s: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w.:-]+)="([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
};

export function mapType(t: string): EntityType {
  if (t === 'PER') return 'PERSON';
  if (t === 'ORG') return 'ORG';
  if (t === 'LOC') return 'LOC';
  return 'MISC';
}

const NOT_NAMES = new Set(
  'i we you he she it they me us him her them my our your his its their this that these those another other both each all some many most one two three company firm'.split(
    ' ',
  ),
);
const LEADING_DET = /^(?:the|a|an|this|that|its|their|his|her|our)$/i;
const CAP_RE = /^\p{Lu}/u;
/** Inner capitals of brand names written in lower case first ("zPad", "eKart"). */
const CAMEL_RE = /^\p{Ll}+\p{Lu}/u;
/** Model numbers after a name ("Halvard 797", "Tarn 900", "797-800", "797s"); not amounts ("US$ 40"). */
const MODEL_NO_RE = /^(?:\d{3,}(?:-\d+)?\p{Ll}?|\d+\p{Lu}+)$/u;
/** Short version numbers after a brand name written with inner capitals ("iPhone 4", "iOS 5"). */
const VERSION_NO_RE = /^\d{1,2}$/;
const GLUE_RE = /^(?:of|and|&|-|de|du|von|van|der|la)$/i;
/** Words that open a post-modifier: the mention's head (and its name) comes before them. */
const POST_MODIFIER = new Set(
  'which that who whom whose where when of with to for from in on at by regarding including capable worth built as than like'.split(
    ' ',
  ),
);

/**
 * How a gold mention (a noun phrase) is represented by its name:
 *  - 'head' (default): the name at the phrase's head: the phrase is cut before its first post-modifier
 *    (a comma, parenthesis, relative pronoun or preposition that does not glue two capitalised words), and
 *    the last run of name tokens before the cut is the name: capitalised words, brand names with inner
 *    capitals ("zPad") and model numbers right after a name word ("Halvard 797"); a run that is only the
 *    possessor of a common noun ("Halvard 's newest ferry") is no name.
 *  - 'last-caps' (the earlier rule, kept to reproduce earlier figures): the last run of capitalised tokens
 *    anywhere in the phrase ("November" in "the ferry they will launch in November", "Corvane" in "Corvane 's zPad").
 */
export type NameRule = 'head' | 'last-caps';

/** Token indices [first, last] of the name of a mention's tokens under `rule`, or null. */
export function nameRun(toks: string[], rule: NameRule = 'head'): [number, number] | null {
  const head = rule === 'head';
  let cut = toks.length;
  if (head)
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i];
      const glue = GLUE_RE.test(t) && CAP_RE.test(toks[i - 1]) && CAP_RE.test(toks[i + 1] ?? '');
      if (/^[,(;:]$|^--$/.test(t) || (POST_MODIFIER.has(t) && !glue)) {
        cut = i;
        break;
      }
    }
  const nameWord = (i: number) =>
    (CAP_RE.test(toks[i]) || (head && CAMEL_RE.test(toks[i]))) && !(i === 0 && LEADING_DET.test(toks[i]));
  let runEnd = -1;
  let runStart = -1;
  for (let i = cut - 1; i >= 0; i--) {
    const t = toks[i];
    const word =
      nameWord(i) ||
      (head &&
        i > 0 &&
        nameWord(i - 1) &&
        !/\$$/.test(toks[i - 1]) &&
        (MODEL_NO_RE.test(t) || (VERSION_NO_RE.test(t) && CAMEL_RE.test(toks[i - 1]))));
    const glue = runEnd >= 0 && GLUE_RE.test(t) && i > 0 && CAP_RE.test(toks[i - 1]);
    if (word || glue) {
      if (runEnd < 0) runEnd = i;
      runStart = i;
    } else if (runEnd >= 0) break;
  }
  if (runEnd < 0) return null;
  // "Halvard 's newest ferry": the name only owns the head noun
  if (head && /^['’]s?$/.test(toks[runEnd + 1] ?? '') && runEnd + 2 < cut) return null;
  return [runStart, runEnd];
}

/** Parse one CAT XML document. */
export function parseMeantime(
  path: string,
  xml: string,
  nameRule: NameRule = 'head',
): { doc: MeantimeDoc; errors: InputError[] } {
  const errors: InputError[] = [];
  const head = /<Document\b([^>]*)>/.exec(xml);
  if (!head) throw new InputError(path, 'not a MEANTIME CAT XML file (no <Document> element)');
  const docId = attrs(head[1]).doc_name ?? attrs(head[1]).doc_id ?? path;
  const lineOf = (idx: number) => xml.slice(0, idx).split('\n').length;
  // tokens
  const tokens = new Map<string, { start: number; end: number; text: string; sentence: string }>();
  let text = '';
  let sentence: string | null = null;
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const a = attrs(m[1]);
    if (!a.t_id) {
      errors.push(new InputError(path, 'token without t_id', lineOf(m.index ?? 0)));
      continue;
    }
    const t = decode(m[2]);
    if (sentence !== null) text += a.sentence !== sentence ? '\n' : ' ';
    sentence = a.sentence ?? '0';
    tokens.set(a.t_id, { start: text.length, end: text.length + t.length, text: t, sentence });
    text += t;
  }
  // ENTITY elements (targets)
  const entities = new Map<string, { instance: string | null; type: string }>();
  for (const m of xml.matchAll(/<ENTITY\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.m_id) entities.set(a.m_id, { instance: a.instance_id || null, type: a.ent_type ?? '' });
  }
  // REFERS_TO: source mention → target entity
  const refers = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target\s+m_id="([^"]+)"/.exec(m[1])?.[1];
    if (!target) continue;
    for (const s of m[1].matchAll(/<source\s+m_id="([^"]+)"/g)) refers.set(s[1], target);
  }
  const mentions: GoldMention[] = [];
  for (const m of xml.matchAll(/<ENTITY_MENTION\b([^>]*?)(?:\/>|>([\s\S]*?)<\/ENTITY_MENTION>)/g)) {
    const a = attrs(m[1]);
    const anchors = [...(m[2] ?? '').matchAll(/t_id="([^"]+)"/g)].map((x) => x[1]);
    if (!a.m_id || !anchors.length) continue;
    const toks = anchors.map((t) => tokens.get(t));
    if (toks.some((t) => !t)) {
      errors.push(
        new InputError(
          path,
          `mention ${a.m_id} is anchored to a token that does not exist`,
          lineOf(m.index ?? 0),
        ),
      );
      continue;
    }
    const target = refers.get(a.m_id);
    const ent = target ? entities.get(target) : undefined;
    if (!target || !ent) continue; // not linked to an entity: not part of the coreference gold
    const ts = toks as { start: number; end: number; text: string }[];
    const start = Math.min(...ts.map((t) => t.start));
    const end = Math.max(...ts.map((t) => t.end));
    const run = nameRun(
      ts.map((t) => t.text),
      nameRule,
    );
    let name = run
      ? { start: ts[run[0]].start, end: ts[run[1]].end, text: text.slice(ts[run[0]].start, ts[run[1]].end) }
      : null;
    // a capitalised pronoun or determiner at the start of a sentence is not a name
    if (name && NOT_NAMES.has(name.text.toLowerCase())) name = null;
    mentions.push({
      id: `${docId}#${a.m_id}`,
      docId,
      start,
      end,
      text: text.slice(start, end),
      syntacticType: a.syntactic_type ?? '',
      cluster: ent.instance ?? `${docId}#${target}`,
      goldType: ent.type,
      type: mapType(ent.type),
      name,
    });
  }
  return { doc: { id: docId, path, corpus: corpusOf(path), text, mentions }, errors };
}

/** The MEANTIME corpus (topic folder) of a file: "airbus" for `…/corpus_airbus/x.xml`, else "". */
export function corpusOf(path: string): string {
  return /(?:^|[\\/])corpus_([^\\/]+)[\\/][^\\/]*$/.exec(path)?.[1] ?? '';
}

function xmlFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) xmlFiles(p, out);
    else if (f.endsWith('.xml')) out.push(p);
  }
  return out;
}

/**
 * Read the MEANTIME English corpus. `dir` may be the dataset root (…/meantime), the release folder, or
 * the `intra_cross-doc_annotation` folder itself; the cross-document annotation is used.
 */
export function readMeantime(
  dir: string,
  nameRule: NameRule = 'head',
): { docs: MeantimeDoc[]; errors: InputError[] } {
  if (!existsSync(dir)) throw new InputError(dir, 'no such folder');
  let root = dir;
  const find = (d: string, depth: number): string | null => {
    if (/intra_cross-doc_annotation$/.test(d)) return d;
    if (depth > 2) return null;
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) {
        const r = find(p, depth + 1);
        if (r) return r;
      }
    }
    return null;
  };
  root = find(dir, 0) ?? dir;
  const files = xmlFiles(root);
  if (!files.length)
    throw new InputError(
      dir,
      'no MEANTIME .xml files found (expected intra_cross-doc_annotation/corpus_*/…xml)',
    );
  const docs: MeantimeDoc[] = [];
  const errors: InputError[] = [];
  for (const f of files) {
    try {
      const { doc, errors: errs } = parseMeantime(f, readFileSync(f, 'utf8'), nameRule);
      docs.push(doc);
      errors.push(...errs);
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  }
  return { docs, errors };
}
