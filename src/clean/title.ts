/**
 * Headline detection in plain text. Pasted pages start with menus, section labels and sign-in prompts, and
 * end with related-headline lists, so "the first short line" is rarely the headline. Each line gets general
 * features (length, case, final punctuation, how much of its vocabulary the article's prose shares, how
 * close the prose starts after it, a byline or date line next to it, repetitions) and a linear model
 * trained on pasted pages (models/title/, scripts/train-title.ts) scores them against a "no headline"
 * option of score 0; the best line above it is the title. No phrase lists and no site-specific rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A line longer than this is prose, not a headline. */
export const MAX_TITLE_WORDS = 30;
const MAX_TITLE_CHARS = 250;

export const TITLE_FEATURES = [
  'bias',
  'logWords',
  'logWordsSq',
  'endsSentence',
  'capitalShare',
  'allCaps',
  'titleCaseLong',
  'quoted',
  'bodyOverlap',
  'bodyMatches',
  'bodyFrequency',
  'proseAfterShare',
  'nextProseNear',
  'beforeBody',
  'nearBodyStart',
  'inBody',
  'isMeta',
  'glued',
  'bylineNext',
  'dateNext',
  'metaPrev',
  'leadOverlap',
  'standfirstNext',
  'followsHeadline',
  'repeated',
  'containedElsewhere',
  'isProse',
  'firstLine',
  'position',
  'prevShort',
  'nextShort',
  'junk',
] as const;

export type TitleFeature = (typeof TITLE_FEATURES)[number];

export interface TitleCandidate {
  /** Index into the lines given. */
  index: number;
  text: string;
  features: number[];
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const TOKEN_RE = /\p{L}{3,}/gu;
const SENTENCE_END_RE = /[.!?。！？]["'”’»)\]]*$/u;
/** A web or mail address: link furniture, never a headline. */
const ADDRESS_RE = /https?:\/\/|www\.|\S@\S/i;
const JUNK_RE = /https?:\/\/|www\.|@\w|©|\|/i;
const BYLINE_RE = /^(?:by|von|por|par|oleh|di|door)\s+\p{Lu}/iu;
const MONTH_RE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const DATE_TIME_RE =
  /\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b(?:updated|published|posted|ago)\b/i;

function words(s: string): number {
  return s.match(WORD_RE)?.length ?? 0;
}

/** Prose: a line that is a paragraph (of the article or of anything else): a long line or a full sentence. */
function isProseLine(s: string, n: number): boolean {
  return (n >= 12 && s.length >= 60) || s.length >= 160 || (n >= 8 && SENTENCE_END_RE.test(s));
}

/** A byline or a short line dating the article: headlines sit next to them. */
function isMetaLine(s: string, n: number): boolean {
  if (n > 20) return false;
  return (BYLINE_RE.test(s) && n <= 12) || MONTH_RE.test(s) || DATE_TIME_RE.test(s);
}

/** Prose lines this far apart (in non-prose lines between them) still belong to one block. */
const BODY_GAP = 1;
/** An earlier block this close before the body, with at least this share of its words, is its start. */
const LEAD_REACH = 8;
const LEAD_SHARE = 0.3;

/**
 * The article's body: the block of consecutive prose lines (a single non-prose line between two is allowed:
 * a caption, a subhead) with the most words, extended back over a sizeable block just before it (the lead,
 * cut off by a photo or an advertisement). Teaser lists, which alternate a headline, a one-line summary and a
 * time, make many small blocks instead.
 */
function mainBody(prose: boolean[], wc: number[]): { start: number; end: number } {
  const blocks: { start: number; end: number; words: number }[] = [];
  for (let j = 0; j < prose.length; j++) {
    if (!prose[j]) continue;
    const last = blocks[blocks.length - 1];
    if (last && j - last.end - 1 <= BODY_GAP) {
      last.end = j;
      last.words += wc[j];
    } else blocks.push({ start: j, end: j, words: wc[j] });
  }
  if (!blocks.length) return { start: prose.length, end: -1 };
  let best = 0;
  for (let b = 1; b < blocks.length; b++) if (blocks[b].words > blocks[best].words) best = b;
  let first = best;
  while (
    first > 0 &&
    blocks[first].start - blocks[first - 1].end <= LEAD_REACH &&
    blocks[first - 1].words >= LEAD_SHARE * blocks[best].words
  )
    first--;
  return { start: blocks[first].start, end: blocks[best].end };
}

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Candidate lines and their features, in the order of TITLE_FEATURES. `lines` are the text's lines as
 * read (empty ones are skipped); `live` says which may be chosen (furniture already removed may not).
 */
export function titleCandidates(lines: string[], live?: (index: number) => boolean): TitleCandidate[] {
  const idx: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].trim()) idx.push(i);
  const n = idx.length;
  if (!n) return [];
  const text = idx.map((i) => lines[i].trim().replace(/\s+/g, ' '));
  const wc = text.map(words);
  const prose = text.map((t, j) => isProseLine(t, wc[j]));
  const meta = text.map((t, j) => isMetaLine(t, wc[j]));
  const tokens = text.map((t) => (t.toLowerCase().match(TOKEN_RE) ?? []) as string[]);
  // How many prose lines use each token (a candidate's own line is subtracted when it is prose).
  const proseDf = new Map<string, number>();
  for (let j = 0; j < n; j++)
    if (prose[j]) for (const tok of new Set(tokens[j])) proseDf.set(tok, (proseDf.get(tok) ?? 0) + 1);
  const proseWords = wc.map((w, j) => (prose[j] ? w : 0));
  const totalProse = proseWords.reduce((a, b) => a + b, 0);
  const proseAfter = new Array<number>(n + 1).fill(0);
  for (let j = n - 1; j >= 0; j--) proseAfter[j] = proseAfter[j + 1] + proseWords[j];
  const nextProse = new Array<number>(n + 1).fill(Infinity);
  for (let j = n - 1; j >= 0; j--) nextProse[j] = prose[j] ? j : nextProse[j + 1];
  const body = mainBody(prose, wc);
  const bodyCount = new Map<string, number>();
  for (let j = body.start; j <= body.end; j++)
    if (prose[j]) for (const tok of tokens[j]) bodyCount.set(tok, (bodyCount.get(tok) ?? 0) + 1);
  // The lead: the body's first three prose lines, which a headline summarises.
  const lead = new Map<string, number>();
  for (let j = body.start, k = 0; j <= body.end && k < 3; j++)
    if (prose[j]) {
      k++;
      for (const tok of new Set(tokens[j])) lead.set(tok, j);
    }
  const byline = text.map((t, j) => BYLINE_RE.test(t) && wc[j] <= 12);
  const norm = text.map(normal);
  const seen = new Map<string, number>();
  for (const s of norm) seen.set(s, (seen.get(s) ?? 0) + 1);
  const lineCount = text.length;
  const lower = norm.map((s) => ` ${s} `);

  const longTokens = tokens.map((ts) => new Set(ts.filter((t) => t.length >= 4)));
  const shares = (a: number, b: number) => [...longTokens[a]].some((t) => longTokens[b].has(t));
  // A standfirst: one sentence under the headline that elaborates it.
  const isStandfirst = (k: number) => wc[k] >= 8 && wc[k] <= 60 && SENTENCE_END_RE.test(text[k]);
  const headlineShaped = (k: number) => wc[k] >= 4 && wc[k] <= 20 && !SENTENCE_END_RE.test(text[k]);
  const out: TitleCandidate[] = [];
  // A headline heads something: the last line of a text is never one.
  for (let j = 0; j < n - 1; j++) {
    const t = text[j];
    const w = wc[j];
    if (w < 2 || w > MAX_TITLE_WORDS || t.length > MAX_TITLE_CHARS || ADDRESS_RE.test(t)) continue;
    if (live && !live(idx[j])) continue;
    const ws = t.match(WORD_RE) ?? [];
    const lettered = ws.filter((x) => /\p{L}/u.test(x));
    const caps = lettered.filter((x) => /^\p{Lu}/u.test(x)).length;
    const letters = t.replace(/[^\p{L}]/gu, '');
    const own = new Set(tokens[j]);
    let matched = 0;
    let frequency = 0;
    for (const tok of own) {
      if ((proseDf.get(tok) ?? 0) - (prose[j] ? 1 : 0) > 0) matched++;
      if (tok.length >= 4) frequency += Math.log(1 + (bodyCount.get(tok) ?? 0));
    }
    const near = nextProse[j + 1] - j;
    const long = [...own].filter((tok) => tok.length >= 4);
    const leadShare = long.length
      ? long.filter((tok) => lead.has(tok) && lead.get(tok) !== j).length / long.length
      : 0;
    let contained = 0;
    if (norm[j].length >= 12)
      for (let k = 0; k < lineCount && !contained; k++)
        if (k !== j && lower[k].length > lower[j].length && lower[k].includes(lower[j])) contained = 1;
    const logW = Math.log(w) / Math.log(MAX_TITLE_WORDS);
    const f: Record<TitleFeature, number> = {
      bias: 1,
      logWords: logW,
      logWordsSq: logW * logW,
      endsSentence: SENTENCE_END_RE.test(t) && !/\.\.\.$|…$/.test(t) ? 1 : 0,
      capitalShare: lettered.length ? caps / lettered.length : 0,
      titleCaseLong: lettered.length >= 5 && caps / lettered.length >= 0.6 ? 1 : 0,
      quoted: /^["“”'‘„«]/u.test(t) ? 1 : 0,
      allCaps:
        letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() ? 1 : 0,
      bodyOverlap: own.size ? matched / own.size : 0,
      bodyMatches: Math.min(matched, 6) / 6,
      bodyFrequency: Math.min(1, frequency / 10),
      proseAfterShare: totalProse ? proseAfter[j + 1] / totalProse : 0,
      nextProseNear: Number.isFinite(near) ? 1 / near : 0,
      beforeBody: j < body.start ? 1 : 0,
      nearBodyStart: j < body.start ? 1 / (body.start - j) : 0,
      inBody: j >= body.start && j <= body.end ? 1 : 0,
      isMeta: meta[j] ? 1 : 0,
      glued: /\p{Ll}\p{Lu}\p{Ll}/u.test(t) ? 1 : 0,
      bylineNext: byline.slice(j + 1, j + 4).some(Boolean) ? 1 : 0,
      dateNext: meta.slice(j + 1, j + 4).some((m, k) => m && !byline[j + 1 + k]) ? 1 : 0,
      leadOverlap: leadShare,
      standfirstNext: [j + 1, j + 2].some((k) => k < n && isStandfirst(k) && shares(j, k)) ? 1 : 0,
      followsHeadline: j > 0 && headlineShaped(j - 1) && shares(j - 1, j) ? 1 : 0,
      metaPrev: meta.slice(Math.max(0, j - 2), j).some(Boolean) ? 1 : 0,
      repeated: Math.min(1, Math.log((seen.get(norm[j]) ?? 1) as number)),
      containedElsewhere: contained,
      isProse: prose[j] ? 1 : 0,
      firstLine: j === 0 ? 1 : 0,
      position: n > 1 ? j / (n - 1) : 0,
      prevShort: j > 0 && wc[j - 1] <= 3 ? 1 : 0,
      nextShort: j + 1 < n && wc[j + 1] <= 3 ? 1 : 0,
      junk: JUNK_RE.test(t) ? 1 : 0,
    };
    out.push({ index: idx[j], text: t, features: TITLE_FEATURES.map((k) => f[k]) });
  }
  return out;
}

export interface TitleModel {
  features: string[];
  weights: number[];
  meta?: Record<string, unknown>;
}

export const TITLE_MODEL_FILE = join('models', 'title', 'title.json');

/** Read and check a title model file; a mismatch with TITLE_FEATURES is an error naming the file. */
export function loadTitleModel(path: string): TitleModel {
  let m: TitleModel;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as TitleModel;
  } catch (e) {
    throw new Error(`${path}: cannot read the title model (${(e as Error).message})`);
  }
  if (
    !Array.isArray(m.features) ||
    !Array.isArray(m.weights) ||
    m.features.join() !== TITLE_FEATURES.join() ||
    m.weights.length !== TITLE_FEATURES.length
  )
    throw new Error(`${path}: the title model's features do not match this Chronicle (retrain it)`);
  return m;
}

let shipped: TitleModel | null = null;

/** The shipped model (models/title/title.json above this module, from src/ or dist/src/). */
export function shippedTitleModel(): TitleModel {
  if (shipped) return shipped;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const p = join(dir, TITLE_MODEL_FILE);
    if (existsSync(p)) return (shipped = loadTitleModel(p));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(
    `title model ${TITLE_MODEL_FILE} not found above ${dirname(fileURLToPath(import.meta.url))}`,
  );
}

export function scoreCandidate(c: TitleCandidate, model: TitleModel): number {
  let s = 0;
  for (let k = 0; k < c.features.length; k++) s += c.features[k] * model.weights[k];
  return s;
}

/** The headline among the lines: the best-scoring candidate when it beats "no headline" (score 0). */
export function findTitle(
  lines: string[],
  live?: (index: number) => boolean,
  model: TitleModel = shippedTitleModel(),
): TitleCandidate | null {
  let best: TitleCandidate | null = null;
  let bestScore = 0;
  for (const c of titleCandidates(lines, live)) {
    const s = scoreCandidate(c, model);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
