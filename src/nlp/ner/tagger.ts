/**
 * The entity tagger: two passes of the structured perceptron over a document. The first pass tags each
 * sentence from its own words plus document spelling evidence and gazetteer hits; the second pass adds,
 * for each capitalised word, the label the first pass gave the same word elsewhere in the document
 * (names are usually repeated, and the clearest mention disambiguates the others).
 *
 * Speed: tagDocumentBilou caches weight rows and pre-summed scores per word type, word pair, shape
 * triple and small categorical value (see "The fast path" below), so tagging builds almost no feature
 * strings; tagDocumentReference is the plain feature-string path it is tested against. entitiesOfDocument
 * (what the pipeline runs) decodes only the segments of a sentence that can hold a name and fixes the
 * long lower-case stretches between them to O (see "Segments" below).
 */
import {
  AFTER,
  BEFORE,
  CONTEXT_OFFSETS,
  contextFeatures,
  digitsAsZero,
  documentEvidence,
  hasLetter,
  isUpperInitial,
  prepareDocument,
  sentenceFeatures,
  shapeOf,
  type DocumentEvidence,
} from './features.js';
import type { WordClusters } from './clusters.js';
import type { Gazetteer } from './gazetteer.js';
import { viterbi, type FrozenWeights } from './perceptron.js';
import { refineDocument, type Span } from './refine.js';
import { ALLOWED, CAN_END, CAN_START, ENTITY_TYPES, NUM_TAGS, TAGS, spansFromBilou } from './tags.js';

const T = NUM_TAGS;

export interface PassWeights {
  /** weights[row * T + tag]; rows are shared by all passes through NerModel.index. */
  weights: Float32Array;
  transitions: Float32Array;
  start: Float32Array;
}

export interface NerModel {
  /** Feature name -> row. */
  index: Map<string, number>;
  /** First pass, and optionally the second (document-consistency) pass. */
  passes: PassWeights[];
  gazetteer: Gazetteer | null;
  /** Word clusters and which cluster features the model uses (null: none). */
  clusters: WordClusters | null;
}

/** Merge per-pass frozen weights into one model with a shared feature index. */
export function combinePasses(
  passes: FrozenWeights[],
  gazetteer: Gazetteer | null,
  clusters: WordClusters | null = null,
): NerModel {
  const index = new Map<string, number>();
  for (const p of passes) for (const f of p.index.keys()) if (!index.has(f)) index.set(f, index.size);
  const out: PassWeights[] = passes.map((p) => {
    const weights = new Float32Array(index.size * T);
    for (const [f, row] of p.index) weights.set(p.weights.subarray(row * T, row * T + T), index.get(f)! * T);
    return { weights, transitions: p.transitions, start: p.start };
  });
  return { index, passes: out, gazetteer, clusters };
}

/** For each token: the entity type the other capitalised occurrences of the same word got ('O' if none), or '' when it has none. */
export function labelsElsewhere(doc: string[][], tags: string[][]): string[][] {
  const counts = new Map<string, Map<string, number>>();
  const typeAt = (s: number, i: number): string => {
    const t = tags[s][i];
    return t === 'O' ? 'O' : t.slice(2);
  };
  const capitalised = (w: string) => w[0] !== w[0].toLowerCase();
  for (let s = 0; s < doc.length; s++)
    for (let i = 0; i < doc[s].length; i++) {
      const w = doc[s][i];
      if (!capitalised(w)) continue;
      const key = w.toLowerCase();
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      const t = typeAt(s, i);
      m.set(t, (m.get(t) ?? 0) + 1);
    }
  return doc.map((words, s) =>
    words.map((w, i) => {
      if (!capitalised(w)) return '';
      const m = counts.get(w.toLowerCase());
      if (!m) return '';
      const own = typeAt(s, i);
      let best = '';
      let bestC = 0;
      for (const [t, c0] of m) {
        const c = t === own ? c0 - 1 : c0;
        // Prefer an entity type over O on ties: one clear mention outweighs an unsure one.
        if (c > bestC || (c === bestC && c > 0 && best === 'O')) {
          best = t;
          bestC = c;
        }
      }
      return bestC > 0 ? best : '';
    }),
  );
}

/** Second-pass features of token i: the label its word got elsewhere, and the first pass's own tags around it. */
export function secondPassFeatures(label: string, firstPass: string[], i: number): string[] {
  const f = [
    'p1=' + firstPass[i],
    'p1-1|p1=' + (i ? firstPass[i - 1] : '<s>') + '|' + firstPass[i],
    'p1|p1+1=' + firstPass[i] + '|' + (i + 1 < firstPass.length ? firstPass[i + 1] : '</s>'),
  ];
  if (label)
    f.push('dl=' + label, 'dl|first=' + label + (i === 0 ? '1' : '0'), 'dl|p1=' + label + '|' + firstPass[i]);
  return f;
}

/** All feature strings of a document (the training path). */
export function featuresOfDocument(
  doc: string[][],
  gazetteer: Gazetteer | null,
  evidence: DocumentEvidence,
  secondPass: { labels: string[][]; firstPass: string[][] } | null,
  clusters: WordClusters | null = null,
): string[][][] {
  return doc.map((words, s) => {
    const feats = sentenceFeatures(words, evidence, gazetteer, clusters);
    if (secondPass)
      for (let i = 0; i < words.length; i++)
        feats[i].push(...secondPassFeatures(secondPass.labels[s][i], secondPass.firstPass[s], i));
    return feats;
  });
}

/** Sum of the given feature names' weight rows, per pass ([pass * T + tag]), into `out` at `at`. */
function summedInto(model: NerModel, feats: string[], out: Float64Array, at: number): void {
  const rows = rowsOf(model.index, feats);
  model.passes.forEach((p, k) => addRows(p.weights, rows, out, at + k * T));
}

function addRows(W: Float32Array, rows: ArrayLike<number>, out: Float64Array, o: number): void {
  for (let k = 0; k < rows.length; k++) {
    const base = rows[k] * T;
    for (let t = 0; t < T; t++) out[o + t] += W[base + t];
  }
}

/** Rows of the feature names the model knows. */
function rowsOf(index: Map<string, number>, feats: string[], out?: number[]): number[] {
  const rows = out ?? [];
  for (const f of feats) {
    const r = index.get(f);
    if (r !== undefined) rows.push(r);
  }
  return rows;
}

const NO_ROWS = new Int32Array(0);
const rowArray = (index: Map<string, number>, feats: string[]): Int32Array => {
  const rows = rowsOf(index, feats);
  return rows.length ? Int32Array.from(rows) : NO_ROWS;
};

/*
 * The fast path. Every feature of a token is a function of its word, of the word pair it forms with each
 * neighbour, of the shapes around it, or of a few small categorical values (spelling evidence, gazetteer
 * tag, name roles, first-pass tags). So weight rows, or their pre-summed scores, are cached per word type,
 * per word pair (keyed by integer word ids), per shape triple and per category value, and feature strings
 * are only built for what has not been met before.
 *
 * Why the scores are exactly those of tagDocumentReference although rows are added in another order and
 * partly pre-summed: every weight is a float32, i.e. an integer multiple of 2^-23 times the largest power
 * of two not above the smallest |weight|; a token has at most 41 features per pass plus at most 20 cluster
 * features (clusters.ts caps them), under 2^6, so every partial sum
 * is such a multiple below 2^53 units, which float64 holds exactly, whenever max |w| / min |w| < 2^20
 * (checked per model by `exactSums`; a model failing the check is tagged by the reference path). Exact
 * sums do not depend on their order, so Viterbi sees the same numbers and returns the same tags.
 */

/** A word type as the tagger sees it (one per spelling and caps-headline flag). Ids 0 and 1 are <s>, </s>. */
interface WordEntry {
  id: number;
  /**
   * Where the word's pre-summed intrinsic scores (with its 'gr=' role) are in TagCache.sums
   * ([at + pass * T + tag]).
   */
  at: number;
  /**
   * Where the scores it gives a token as its context are: those of CONTEXT_OFFSETS[k] at ctx + PT * k
   * (with the 'gr-1=' role at offset -1 and 'gr+1=' at +1: a role feature is a function of the neighbour
   * alone). A word that no context-word feature and no role names gives only its shape's context
   * features, so it shares its shape's block (TagCache.shapeContext): most words of a large input are
   * such rare words, and one block per shape instead of one per word keeps the sums small and in cache.
   */
  ctx: number;
  normLower: string;
  shape: string;
  shapeId: number;
  lower: string;
  hasLetter: boolean;
  upper: boolean;
  /** Rows of 'first|sh=' (when the word opens its sentence). */
  firstRows: Int32Array;
  /**
   * Whether the intrinsic scores (sums at 0) and firstRows are there: they are filled by
   * TagCache.complete when the word is first tagged, not when it is only a neighbour's context.
   */
  intrinsic: boolean;
  norm: string;
  caps: boolean;
  /** Which sides of which word-pair features the word occurs in (PAIR_TEMPLATES bits). */
  pairBits: number;
  /** Ids of the word's lower case and of its shape in the PairTable (-1: in no pair feature). */
  pairWord: number;
  pairShape: number;
  /**
   * The gazetteer on the word alone (filled on first use): 'U-<types>' if it is a one-word name, else '';
   * and whether it starts a longer name.
   */
  gzUnit: string | null;
  gzPrefix: boolean;
  /** The word's cluster bit string ('' if none, see clusters.ts). */
  cluster: string;
}

/**
 * The features of two adjacent words a, b, and the bits a word needs (as a, as b) for the feature to
 * possibly exist in the model: a pair whose words cannot occur in a template builds no string for it.
 */
const PAIR_TEMPLATES = [
  { prefix: 'l-1|l=', a: 1, b: 2, aShape: false, bShape: false },
  { prefix: 'l-1|sh=', a: 4, b: 0, aShape: false, bShape: true },
  { prefix: 'l|l+1=', a: 8, b: 16, aShape: false, bShape: false },
  { prefix: 'sh|l+1=', a: 0, b: 32, aShape: true, bShape: false },
] as const;
const [LL_A, LL_B] = [1, 2];
const LS_A = 4;
const LN_A = 8;
const LN_B = 16;
const SL_B = 32;

/**
 * The word-pair features without strings: each side of a pair feature's name (a word, or a shape) as an
 * integer id, and per template the row of (id of a) * side + (id of b). Every split of a name at a '|' is
 * entered, so (a, b) has a row exactly when prefix + a + '|' + b is a feature name.
 */
interface PairTable {
  words: Map<string, number>;
  shapes: Map<string, number>;
  /** More than any id (keys stay small integers: a few thousand words squared). */
  side: number;
  rows: Array<Map<number, number>>;
}

/** What the word entries and word pairs read from the model's feature names, built in one scan of them. */
interface ModelTables {
  /** Template name -> value -> row, for the templates in `wanted` (see below). */
  templates: Map<string, Map<string, number>>;
  /** Word (lowercase, digits as 0) -> PAIR_TEMPLATES bits. */
  pairVocab: Map<string, number>;
  pairs: PairTable;
}

/**
 * The model's feature names split at their first '=' ("l-1=" -> "brussels" -> row; names without one,
 * such as "bias", are left out). Every template the word entries read ends in its only '=', so
 * template + value is a feature name exactly when the template's map has the value: a cache miss looks
 * its features up by the word's own strings (whose hashes are computed once) instead of building a
 * string per feature. Only the `wanted` templates get a map (the others are read by their full names).
 *
 * The PAIR_TEMPLATES prefixes also end in their only '=', so the same split finds the pair features;
 * their names go to the PairTable and to the pair vocabulary instead. One pass over the names (not one
 * per table) keeps loading the model cheap for small inputs.
 */
function modelTables(index: Map<string, number>, wanted: Iterable<string>): ModelTables {
  const templates = new Map<string, Map<string, number>>();
  for (const t of wanted) templates.set(t, new Map());
  const pairTemplate = new Map<string, number>(PAIR_TEMPLATES.map((t, x) => [t.prefix, x]));
  const pairVocab = new Map<string, number>();
  const words = new Map<string, number>();
  const shapes = new Map<string, number>();
  const id = (m: Map<string, number>, key: string): number => {
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = m.size));
    return v;
  };
  const mark = (w: string, b: number) => pairVocab.set(w, (pairVocab.get(w) ?? 0) | b);
  const found: number[] = [];
  for (const [f, row] of index) {
    const k = f.indexOf('=');
    if (k < 0) continue;
    const template = f.slice(0, k + 1);
    const m = templates.get(template);
    if (m) {
      m.set(f.slice(k + 1), row);
      continue;
    }
    const x = pairTemplate.get(template);
    if (x === undefined) continue;
    const t = PAIR_TEMPLATES[x];
    const rest = f.slice(k + 1);
    // Words may contain '|': enter every split (a superset is safe, it only costs a look-up).
    for (let j = rest.indexOf('|'); j >= 0; j = rest.indexOf('|', j + 1)) {
      const a = rest.slice(0, j);
      const b = rest.slice(j + 1);
      if (t.a) mark(a, t.a);
      if (t.b) mark(b, t.b);
      found.push(x, id(t.aShape ? shapes : words, a), id(t.bShape ? shapes : words, b), row);
    }
  }
  const side = Math.max(words.size, shapes.size) + 1;
  const rows = PAIR_TEMPLATES.map(() => new Map<number, number>());
  for (let j = 0; j < found.length; j += 4)
    rows[found[j]].set(found[j + 1] * side + found[j + 2], found[j + 3]);
  return { templates, pairVocab, pairs: { words, shapes, side, rows } };
}

const NO_TEMPLATE = new Map<string, number>();

/** The template maps one word entry reads, looked up once per cache (see templateRows). */
interface WordTemplates {
  /** Per CONTEXT_OFFSETS entry: 'l<d>=' and 'sh<d>='. */
  contextWord: Array<Map<string, number>>;
  contextShape: Array<Map<string, number>>;
  l: Map<string, number>;
  sh: Map<string, number>;
  shl: Map<string, number>;
  w: Map<string, number>;
  capsL: Map<string, number>;
  capsSh: Map<string, number>;
  /** 'p<k>=' and 's<k>=' at [k - 1], k = 1..4. */
  prefix: Array<Map<string, number>>;
  suffix: Array<Map<string, number>>;
  first: Map<string, number>;
  /** Rows of 'bias' and 'hyph' (-1 if the model lacks them). */
  bias: number;
  hyph: number;
  /** The word's own cluster features: prefix length and the template's map ('c4='). */
  clusterOwn: Array<[number, Map<string, number>]>;
  /** Cluster features a neighbour gives: its CONTEXT_OFFSETS index, prefix length, map ('c-1_4='). */
  clusterContext: Array<[number, number, Map<string, number>]>;
}

/** The template names wordTemplates reads (the names contextFeatures and intrinsicFeatures build, without their values). */
const CONTEXT_TEMPLATES = CONTEXT_OFFSETS.map((d) => contextFeatures('', '', d));
const K4 = [1, 2, 3, 4];
const WORD_TEMPLATE_NAMES = [
  ...CONTEXT_TEMPLATES.flat(),
  ...['l=', 'sh=', 'shl=', 'w=', 'C|l=', 'C|sh=', 'first|sh='],
  ...K4.flatMap((k) => ['p' + k + '=', 's' + k + '=']),
];

/** The template names of the model's cluster features (none without clusters). */
function clusterTemplateNames(clusters: WordClusters | null): string[] {
  return clusters ? [...clusters.ownNames, ...clusters.contextNames.flat()] : [];
}

function wordTemplates(
  index: Map<string, number>,
  all: Map<string, Map<string, number>>,
  clusters: WordClusters | null,
): WordTemplates {
  const get = (t: string) => all.get(t) ?? NO_TEMPLATE;
  const spec = clusters?.spec;
  return {
    contextWord: CONTEXT_TEMPLATES.map(([l]) => get(l)),
    contextShape: CONTEXT_TEMPLATES.map(([, sh]) => get(sh)),
    l: get('l='),
    sh: get('sh='),
    shl: get('shl='),
    w: get('w='),
    capsL: get('C|l='),
    capsSh: get('C|sh='),
    prefix: K4.map((k) => get('p' + k + '=')),
    suffix: K4.map((k) => get('s' + k + '=')),
    first: get('first|sh='),
    bias: index.get('bias') ?? -1,
    hyph: index.get('hyph') ?? -1,
    clusterOwn: spec ? spec.own.map((k, x) => [k, get(clusters.ownNames[x])]) : [],
    clusterContext: spec
      ? spec.offsets.flatMap((d, x) =>
          spec.context.map((k, y): [number, number, Map<string, number>] => [
            CONTEXT_OFFSETS.indexOf(d as (typeof CONTEXT_OFFSETS)[number]),
            k,
            get(clusters.contextNames[x][y]),
          ]),
        )
      : [],
  };
}

/**
 * Bounds of the caches (checked between documents; each word is about 1.5 KB, so the full caches hold
 * about 200 MB; over all of Timeline17 the larger bounds cut cache-miss work more than they cost).
 */
const WORD_LIMIT = 80_000;
const PAIR_LIMIT = 1_000_000;
/** Most slots of the word-pair table (a power of two, at least twice PAIR_LIMIT). */
const PAIR_SLOTS = 2 ** 21;
/**
 * Slots it starts with: the table doubles as it fills, so a small input does not pay for clearing
 * millions of slots it never uses.
 */
const PAIR_SLOTS_FIRST = 2 ** 14;
const SHAPE_LIMIT = 20_000;
/** Trigram keys are shape id * SHAPE_SPAN + shape id (larger ids, which would take 2 million shapes, skip the cache). */
const SHAPE_SPAN = 2 ** 21;
/** Labels from labelsElsewhere, as small integers. */
const LABELS = ['', 'O', 'PER', 'ORG', 'LOC', 'MISC'];
/** First-pass tag index, or NONE for a sentence boundary. */
const NONE = T;

class TagCache {
  readonly PT: number;
  readonly words = new Map<string, WordEntry>();
  /** Word pairs cached (see pair()). */
  pairCount = 0;
  /**
   * Open-addressing table of word pairs: per slot, the ids of the first and second word (-1: free) and
   * where their rows are in pairData.
   */
  private pairKeys = new Int32Array(3 * PAIR_SLOTS_FIRST).fill(-1);
  /** Slots of pairKeys (a power of two, up to PAIR_SLOTS). */
  private pairSlots = PAIR_SLOTS_FIRST;
  /**
   * The rows of the cached pairs, one after the other (grown by doubling; one array instead of one per
   * pair keeps hundreds of thousands of small objects away from the garbage collector): at p, the count
   * of b's rows, the count of all rows, then b's rows and a's rows (see pair()). At 0: a pair without rows.
   */
  pairData = new Int32Array(1 << 16);
  private pairUsed = 2;
  readonly trigrams = new Map<number, Map<number, Int32Array>>();
  readonly shapes = new Map<string, number>();
  readonly shapeNames: string[] = [];
  /** Per shape id, where its shared context block is in `sums` (see WordEntry.ctx). */
  private readonly shapeContexts: number[] = [];
  /** Rows of gazetteer hits, by hit and shape id. */
  readonly gazetteer = new Map<string, Map<number, Int32Array>>();
  /** Rows of the 'doc=' feature, by the code computed in doc(). */
  readonly docRows: Array<Int32Array | undefined> = [];
  /** Second-pass scores, by the code computed in secondScores(). */
  readonly second: Array<Float64Array | undefined> = [];
  nextId = 0;
  before!: WordEntry;
  after!: WordEntry;
  readonly exact: boolean;
  private readonly pairVocab: Map<string, number>;
  private readonly pairs: PairTable;
  private readonly templates: WordTemplates;
  /** Every pass's weights side by side: weights[row * PT + pass * T + tag]. */
  readonly weights: Float32Array;
  /**
   * The word entries' pre-summed scores (PT numbers per word, SPAN with its own context block, see WordEntry.at and .ctx), in one array grown by
   * doubling: one allocation instead of one typed array per word, and neighbouring entries close in memory.
   */
  sums = new Float64Array(0);
  private sumsUsed = 0;
  private readonly SPAN: number;

  constructor(readonly model: NerModel) {
    const PT = (this.PT = model.passes.length * T);
    this.SPAN = PT * (1 + CONTEXT_OFFSETS.length);
    const rows = model.index.size;
    const weights = (this.weights = new Float32Array(rows * PT));
    // Plain loops (a subarray per row would be one more object per feature).
    for (let k = 0; k < model.passes.length; k++) {
      const pw = model.passes[k].weights;
      for (let r = 0; r < rows; r++) for (let t = 0; t < T; t++) weights[r * PT + k * T + t] = pw[r * T + t];
    }
    this.exact = exactSums(model);
    const tables = modelTables(model.index, [
      ...WORD_TEMPLATE_NAMES,
      ...clusterTemplateNames(model.clusters),
    ]);
    this.pairVocab = tables.pairVocab;
    this.pairs = tables.pairs;
    this.templates = wordTemplates(model.index, tables.templates, model.clusters);
    this.reset();
  }

  /** Forget every word, pair and shape (between documents, when a cache is full). */
  reset(): void {
    this.words.clear();
    if (this.pairCount) this.pairKeys.fill(-1);
    this.pairUsed = 2;
    this.pairCount = 0;
    this.trigrams.clear();
    this.shapes.clear();
    this.shapeNames.length = 0;
    this.shapeContexts.length = 0;
    this.gazetteer.clear();
    this.nextId = 0;
    this.sumsUsed = 0;
    this.before = this.boundary(BEFORE);
    this.after = this.boundary(AFTER);
  }

  maybeReset(): void {
    if (this.words.size > WORD_LIMIT || this.shapes.size > SHAPE_LIMIT || this.pairCount > PAIR_LIMIT)
      this.reset();
  }

  /** Room for `size` scores in `sums`, zeroed (it may hold a word forgotten by reset). */
  private allocSums(size: number): number {
    const at = this.sumsUsed;
    const end = at + size;
    if (end > this.sums.length) {
      // Doubling, but not far past what WORD_LIMIT words take (the cache is reset beyond it).
      let size = Math.max(1024 * this.SPAN, Math.min(2 * this.sums.length, (WORD_LIMIT + 4096) * this.SPAN));
      if (size < end) size = 2 * end;
      const grown = new Float64Array(size);
      grown.set(this.sums.subarray(0, at));
      this.sums = grown;
    }
    this.sums.fill(0, at, end);
    this.sumsUsed = end;
    return at;
  }

  private shapeId(shape: string): number {
    let id = this.shapes.get(shape);
    if (id === undefined) {
      id = this.shapeNames.length;
      this.shapes.set(shape, id);
      this.shapeNames.push(shape);
    }
    return id;
  }

  /** The shared context block of the words of a shape with no context-word feature (see WordEntry.ctx). */
  private shapeContext(shapeId: number, shape: string): number {
    let ctx = this.shapeContexts[shapeId];
    if (ctx === undefined) {
      ctx = this.shapeContexts[shapeId] = this.allocSums(this.SPAN - this.PT);
      for (let k = 0; k < CONTEXT_OFFSETS.length; k++)
        this.addRow(this.templates.contextShape[k].get(shape), ctx + this.PT * k);
    }
    return ctx;
  }

  private boundary(which: string): WordEntry {
    const at = this.allocSums(this.SPAN);
    CONTEXT_OFFSETS.forEach((d, k) =>
      summedInto(this.model, contextFeatures(which, which, d), this.sums, at + this.PT * (k + 1)),
    );
    return {
      id: this.nextId++,
      at,
      ctx: at + this.PT,
      normLower: which,
      shape: which,
      shapeId: this.shapeId(which),
      lower: which,
      hasLetter: false,
      upper: false,
      firstRows: NO_ROWS,
      intrinsic: true,
      norm: which,
      caps: false,
      pairBits: this.pairVocab.get(which) ?? 0,
      pairWord: this.pairs.words.get(which) ?? -1,
      pairShape: this.pairs.shapes.get(which) ?? -1,
      gzUnit: null,
      gzPrefix: false,
      cluster: '',
    };
  }

  word(w: string, caps: boolean): WordEntry {
    const key = caps ? '\u0001' + w : w;
    let e = this.words.get(key);
    if (e) return e;
    const { model, PT, templates } = this;
    // viewOf's strings for a one-word sentence.
    const lower = w.toLowerCase();
    const norm = digitsAsZero(w);
    const normLower = norm === w ? lower : norm.toLowerCase();
    const shape = shapeOf(norm, 1);
    const shapeId = this.shapeId(shape);
    const upper = isUpperInitial(w);
    const role = upper && model.gazetteer ? (model.gazetteer.roles.get(lower) ?? '') : '';
    const cluster = model.clusters ? model.clusters.lookup(norm) : '';
    // contextFeatures(normLower, shape, d) for each offset, through the template maps.
    const cw = templates.contextWord;
    const cc = templates.clusterContext;
    let own = role !== '';
    for (let k = 0; k < CONTEXT_OFFSETS.length && !own; k++) own = cw[k].has(normLower);
    if (cluster) for (let x = 0; x < cc.length && !own; x++) own = cc[x][2].has(cluster.slice(0, cc[x][1]));
    let at: number;
    let ctx: number;
    if (own) {
      at = this.allocSums(this.SPAN);
      ctx = at + PT;
      for (let k = 0; k < CONTEXT_OFFSETS.length; k++) {
        const o = ctx + PT * k;
        this.addRow(cw[k].get(normLower), o);
        this.addRow(templates.contextShape[k].get(shape), o);
      }
      // The cluster features the word gives its neighbours (clusters.contextFeatures).
      if (cluster) for (const [k, len, m] of cc) this.addRow(m.get(cluster.slice(0, len)), ctx + PT * k);
    } else {
      at = this.allocSums(PT);
      ctx = this.shapeContext(shapeId, shape);
    }
    if (role) {
      // The roles as the tagged word itself, as the previous word (offset -1) and as the next one (+1).
      const sums = this.sums;
      summedInto(model, ['gr=' + role], sums, at);
      summedInto(model, ['gr-1=' + role], sums, ctx + PT * CONTEXT_OFFSETS.indexOf(-1));
      summedInto(model, ['gr+1=' + role], sums, ctx + PT * CONTEXT_OFFSETS.indexOf(1));
    }
    e = {
      id: this.nextId++,
      at,
      ctx,
      normLower,
      shape,
      shapeId,
      lower,
      hasLetter: hasLetter(w),
      upper,
      firstRows: NO_ROWS,
      intrinsic: false,
      norm,
      caps,
      pairBits: this.pairVocab.get(normLower) ?? 0,
      pairWord: this.pairs.words.get(normLower) ?? -1,
      pairShape: this.pairs.shapes.get(shape) ?? -1,
      gzUnit: null,
      gzPrefix: false,
      cluster,
    };
    this.words.set(key, e);
    return e;
  }

  /** Fill in a word's intrinsic scores and first-word rows (see WordEntry.intrinsic). */
  complete(e: WordEntry): void {
    // intrinsicFeatures(e.norm, e.normLower, e.shape, e.caps), through the template maps.
    const t = this.templates;
    const { norm, normLower, shape } = e;
    const at = e.at;
    if (t.bias >= 0) this.addRow(t.bias, at);
    this.addRow(t.l.get(normLower), at);
    this.addRow(t.sh.get(shape), at);
    this.addRow(t.shl.get(shapeOf(norm, 3)), at);
    if (!e.caps) this.addRow(t.w.get(norm), at);
    else {
      this.addRow(t.capsL.get(normLower), at);
      this.addRow(t.capsSh.get(shape), at);
    }
    const len = normLower.length;
    for (let k = 1; k <= 4 && k < len; k++) {
      this.addRow(t.prefix[k - 1].get(normLower.slice(0, k)), at);
      this.addRow(t.suffix[k - 1].get(normLower.slice(len - k)), at);
    }
    if (t.hyph >= 0 && norm.includes('-')) this.addRow(t.hyph, at);
    // clusters.ownFeatures
    if (e.cluster) for (const [len, m] of t.clusterOwn) this.addRow(m.get(e.cluster.slice(0, len)), at);
    const first = t.first.get(shape);
    e.firstRows = first === undefined ? NO_ROWS : Int32Array.of(first);
    e.intrinsic = true;
  }

  /** Add a row's weights (every pass) to sums at `at`; no row, no change. */
  private addRow(row: number | undefined, at: number): void {
    if (row === undefined) return;
    const W = this.weights;
    const S = this.sums;
    const PT = this.PT;
    const base = row * PT;
    for (let t = 0; t < PT; t++) S[at + t] += W[base + t];
  }

  /**
   * Where the rows of the features the pair (a, b) of adjacent words gives are in pairData (read it after
   * the call, which may grow it): p with pairData[p] = count of b's rows, pairData[p + 1] = count of all
   * rows, then b's rows and a's rows from p + 2. A pair the full table cannot take is valid until the next call.
   */
  pair(a: WordEntry, b: WordEntry): number {
    const ab = a.pairBits;
    const bb = b.pairBits;
    const ll = ab & LL_A && bb & LL_B;
    const ln = ab & LN_A && bb & LN_B;
    const ls = ab & LS_A;
    const sl = bb & SL_B;
    if (!(ll || ln || ls || sl)) return 0;
    const ia = a.id;
    const ib = b.id;
    let keys = this.pairKeys;
    let mask = this.pairSlots - 1;
    let h = pairHash(ia, ib) & mask;
    for (;;) {
      const ka = keys[3 * h];
      if (ka === -1) break;
      if (ka === ia && keys[3 * h + 1] === ib) return keys[3 * h + 2];
      h = (h + 1) & mask;
    }
    // The features 'l-1|l=', 'l-1|sh=' (b's rows), then 'l|l+1=', 'sh|l+1=' (a's), from the PairTable.
    const p = this.pairUsed;
    if (p + 2 + PAIR_TEMPLATES.length > this.pairData.length) {
      const grown = new Int32Array(2 * this.pairData.length);
      grown.set(this.pairData.subarray(0, p));
      this.pairData = grown;
    }
    const data = this.pairData;
    const table = this.pairs.rows;
    const side = this.pairs.side;
    let end = p + 2;
    for (let x = 0; x < PAIR_TEMPLATES.length; x++) {
      if (x === 2) data[p] = end - p - 2;
      if (!(x === 0 ? ll : x === 1 ? ls : x === 2 ? ln : sl)) continue;
      const left = x === 3 ? a.pairShape : a.pairWord;
      const right = x === 1 ? b.pairShape : b.pairWord;
      if (left < 0 || right < 0) continue;
      const row = table[x].get(left * side + right);
      if (row !== undefined) data[end++] = row;
    }
    data[p + 1] = end - p - 2;
    const at = end > p + 2 ? p : 0;
    // The table is emptied between documents past PAIR_LIMIT; one huge document stops caching at 3/4 full.
    if (this.pairCount >= (this.pairSlots >> 2) * 3) {
      if (this.pairSlots >= PAIR_SLOTS) return at;
      this.growPairs();
      keys = this.pairKeys;
      mask = this.pairSlots - 1;
      h = pairHash(ia, ib) & mask;
      while (keys[3 * h] !== -1) h = (h + 1) & mask;
    }
    keys[3 * h] = ia;
    keys[3 * h + 1] = ib;
    keys[3 * h + 2] = at;
    if (at) this.pairUsed = end;
    this.pairCount++;
    return at;
  }

  /** Double the word-pair table, entering every cached pair again. */
  private growPairs(): void {
    const old = this.pairKeys;
    const slots = 2 * this.pairSlots;
    const mask = slots - 1;
    const keys = new Int32Array(3 * slots).fill(-1);
    for (let x = 0; x < old.length; x += 3) {
      const ia = old[x];
      if (ia === -1) continue;
      const ib = old[x + 1];
      let h = pairHash(ia, ib) & mask;
      while (keys[3 * h] !== -1) h = (h + 1) & mask;
      keys[3 * h] = ia;
      keys[3 * h + 1] = ib;
      keys[3 * h + 2] = old[x + 2];
    }
    this.pairKeys = keys;
    this.pairSlots = slots;
  }

  trigram(a: WordEntry, b: WordEntry, c: WordEntry): Int32Array {
    if (b.shapeId >= SHAPE_SPAN) return this.trigramRows(a, b, c);
    const key = a.shapeId * SHAPE_SPAN + b.shapeId;
    let byNext = this.trigrams.get(key);
    if (!byNext) this.trigrams.set(key, (byNext = new Map()));
    let rows = byNext.get(c.shapeId);
    if (!rows) byNext.set(c.shapeId, (rows = this.trigramRows(a, b, c)));
    return rows;
  }

  private trigramRows(a: WordEntry, b: WordEntry, c: WordEntry): Int32Array {
    return rowArray(this.model.index, ['sh-1|sh|sh+1=' + a.shape + '|' + b.shape + '|' + c.shape]);
  }

  /** Rows of the gazetteer features of a hit ('gz=' and 'gz|sh=') on a word. */
  gazetteerRows(hit: string, e: WordEntry): Int32Array {
    let byShape = this.gazetteer.get(hit);
    if (!byShape) this.gazetteer.set(hit, (byShape = new Map()));
    let rows = byShape.get(e.shapeId);
    if (!rows)
      byShape.set(
        e.shapeId,
        (rows = rowArray(this.model.index, ['gz=' + hit, 'gz|sh=' + hit + '|' + e.shape])),
      );
    return rows;
  }

  /** Rows of 'doc=d<bits><C|F|M><u|l>'; `where` is 0 for a caps sentence, 1 for its first word, 2 otherwise. */
  doc(bits: number, where: number, upper: boolean): Int32Array {
    const code = (bits * 3 + where) * 2 + (upper ? 1 : 0);
    let rows = this.docRows[code];
    if (!rows)
      this.docRows[code] = rows = rowArray(this.model.index, [
        'doc=d' + bits + 'CFM'[where] + (upper ? 'u' : 'l'),
      ]);
    return rows;
  }

  /** Pre-summed second-pass scores for a label and the first-pass tags before, at and after a token. */
  secondScores(label: number, prev: number, cur: number, next: number): Float64Array {
    const code = ((label * (T + 1) + prev) * (T + 1) + cur) * (T + 1) + next;
    let s = this.second[code];
    if (!s) {
      // secondPassFeatures reads the tags around position i of a sentence: rebuild just that window.
      const window = prev === NONE ? [] : [TAGS[prev]];
      const i = window.length;
      window.push(TAGS[cur]);
      if (next !== NONE) window.push(TAGS[next]);
      s = new Float64Array(T);
      addRows(
        this.model.passes[1].weights,
        rowsOf(this.model.index, secondPassFeatures(LABELS[label], window, i)),
        s,
        0,
      );
      this.second[code] = s;
    }
    return s;
  }
}

/**
 * Whether float64 sums of this model's weights are exact (see above): at most 2^6 features per token, each
 * weight a float32, and max |w| / min |w| below 2^20 leaves the 53-bit float64 mantissa room to spare.
 */
function exactSums(model: NerModel): boolean {
  let min = Infinity;
  let max = 0;
  for (const p of model.passes)
    for (let k = 0; k < p.weights.length; k++) {
      const a = Math.abs(p.weights[k]);
      if (a === 0) continue;
      if (a < min) min = a;
      if (a > max) max = a;
    }
  return max === 0 || max / min < 2 ** 20;
}

const tagCaches = new WeakMap<NerModel, TagCache>();

/** The word-pair table's hash of two word ids (mask it to the table's size). */
function pairHash(ia: number, ib: number): number {
  const h = Math.imul(ia, 0x9e3779b1) + Math.imul(ib, 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** Add the weights of rows[from..to) (all passes, see TagCache.weights) to a token's emissions at offset o. */
function addRowsAll(
  W: Float32Array,
  PT: number,
  rows: Int32Array,
  from: number,
  to: number,
  E: Float64Array,
  o: number,
): void {
  for (let k = from; k < to; k++) {
    const base = rows[k] * PT;
    for (let t = 0; t < PT; t++) E[o + t] += W[base + t];
  }
}

/** For each tag, the tags allowed before it, in ascending order (as perceptron.ts's viterbi visits them). */
const PRED_START = new Int32Array(T + 1);
const PRED_LIST: number[] = [];
for (let c = 0; c < T; c++) {
  PRED_START[c] = PRED_LIST.length;
  for (let p = 0; p < T; p++) if (ALLOWED[p * T + c]) PRED_LIST.push(p);
}
PRED_START[T] = PRED_LIST.length;
const PREDS = Int32Array.from(PRED_LIST);
/**
 * BILOU has one predecessor list shared by many tags (O, B-x and U-x may all follow O, L-y or U-y): the
 * decoder reads those predecessors' scores once per token, and each such tag's transitions from a packed row.
 */
const SHARED = PREDS.slice(PRED_START[0], PRED_START[1]);
const sameAsShared = (c: number): boolean =>
  PRED_START[c + 1] - PRED_START[c] === SHARED.length &&
  SHARED.every((p, x) => PREDS[PRED_START[c] + x] === p);
const SHARED_TARGETS = Int32Array.from(Array.from({ length: T }, (_, c) => c).filter(sameAsShared));
const OTHER_TARGETS = Int32Array.from(Array.from({ length: T }, (_, c) => c).filter((c) => !sameAsShared(c)));
const NS = SHARED.length;

/** A pass's transition and start weights as float64 (the same values viterbi reads from the float32 arrays). */
interface Decoder {
  trans: Float64Array;
  start: Float64Array;
  /** shared[k * NS + x]: the transition from SHARED[x] to SHARED_TARGETS[k]. */
  shared: Float64Array;
}
const decoders = new WeakMap<PassWeights, Decoder>();
function decoderOf(p: PassWeights): Decoder {
  let d = decoders.get(p);
  if (!d) {
    const shared = new Float64Array(SHARED_TARGETS.length * NS);
    SHARED_TARGETS.forEach((c, k) =>
      SHARED.forEach((q, x) => (shared[k * NS + x] = p.transitions[q * T + c])),
    );
    d = { trans: Float64Array.from(p.transitions), start: Float64Array.from(p.start), shared };
    decoders.set(p, d);
  }
  return d;
}
let decScore = new Float64Array(64 * T);
let decBack = new Int32Array(64 * T);
const SHARED_SCORE = new Float64Array(NS);

/** The O tag's index. */
const O = 0;

/**
 * Tagging's Viterbi: the same comparisons, in the same order and on the same numbers as perceptron.ts's
 * viterbi (which training uses and which is left as it is), so the same tags on ties too; it only walks
 * flat arrays and writes the tags into `out` instead of allocating. It decodes tokens [at, at + n) of the
 * document, whose emissions are emit[token * stride + offset + tag]. `openLeft` / `openRight`: the
 * tokens just before / after are fixed to O (see "Segments" below), so the first tag is scored with the
 * transition from O instead of the start weights, and the last one with the transition into O.
 */
function decode(
  emit: Float64Array,
  n: number,
  d: Decoder,
  stride: number,
  offset: number,
  out: Int32Array,
  at: number,
  openLeft = false,
  openRight = false,
): void {
  if (!n) return;
  if (decScore.length < n * T) {
    decScore = new Float64Array(2 * n * T);
    decBack = new Int32Array(2 * n * T);
  }
  const score = decScore;
  const back = decBack;
  const trans = d.trans;
  const start = d.start;
  const tshared = d.shared;
  const sharedScore = SHARED_SCORE;
  const e0 = at * stride + offset;
  if (openLeft)
    for (let c = 0; c < T; c++) score[c] = ALLOWED[O * T + c] ? emit[e0 + c] + trans[O * T + c] : -Infinity;
  else for (let c = 0; c < T; c++) score[c] = CAN_START[c] ? emit[e0 + c] + start[c] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prevBase = (i - 1) * T;
    const curBase = i * T;
    const eBase = e0 + i * stride;
    for (let x = 0; x < NS; x++) sharedScore[x] = score[prevBase + SHARED[x]];
    for (let k = 0; k < SHARED_TARGETS.length; k++) {
      const c = SHARED_TARGETS[k];
      let best = -Infinity;
      let arg = 0;
      const row = k * NS;
      for (let x = 0; x < NS; x++) {
        const s = sharedScore[x] + tshared[row + x];
        if (s > best) {
          best = s;
          arg = SHARED[x];
        }
      }
      score[curBase + c] = best + emit[eBase + c];
      back[curBase + c] = arg;
    }
    for (let k = 0; k < OTHER_TARGETS.length; k++) {
      const c = OTHER_TARGETS[k];
      let best = -Infinity;
      let arg = 0;
      const to = PRED_START[c + 1];
      for (let x = PRED_START[c]; x < to; x++) {
        const p = PREDS[x];
        const s = score[prevBase + p] + trans[p * T + c];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[curBase + c] = best + emit[eBase + c];
      back[curBase + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let c = 0; c < T; c++) {
    if (openRight) {
      if (!ALLOWED[c * T + O]) continue;
      const s = score[last + c] + trans[c * T + O];
      if (s > best) {
        best = s;
        arg = c;
      }
    } else {
      if (!CAN_END[c]) continue;
      const s = score[last + c];
      if (s > best) {
        best = s;
        arg = c;
      }
    }
  }
  out[at + n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[at + i - 1] = back[i * T + out[at + i]];
}

/** BILOU tag strings for every token of a document (sentences of words), decoding every token. */
export function tagDocumentBilou(model: NerModel, rawDoc: string[][]): string[][] {
  const cache = cacheOf(model);
  if (!cache.exact) return tagDocumentReference(model, rawDoc);
  const doc = prepareDocument(rawDoc);
  return tagRows(doc, tagPrepared(cache, doc, false));
}

function cacheOf(model: NerModel): TagCache {
  let cache = tagCaches.get(model);
  if (!cache) tagCaches.set(model, (cache = new TagCache(model)));
  return cache;
}

/*
 * Segments. Names are written with capitals (or digits), so a token that is all lower case, far from any
 * capitalised word, is O in practice: tagging decodes only the segments of a sentence that could hold a
 * name and fixes every other token to O. A segment is a run of candidate tokens: every token with a
 * capital letter or a digit, the runs of at most MAX_INNER_GAP lower-case tokens between two of them
 * ("Bank of England", "Centers for Disease Control and Prevention") and at most MAX_EDGE_GAP at either
 * end of the sentence next to one; every token of a caps headline. The tokens around a segment still give
 * it their context features (±2 words, pairs, shapes), and the decoder scores its first and last tags with
 * the transitions from and into the O beside it, so a segment's tags are exactly those the whole sentence
 * would get whenever the tokens outside are O in the whole sentence's best path too.
 */
const MAX_INNER_GAP = 2;
const MAX_EDGE_GAP = 1;

/** Token flags (see tokenFlags). */
const PLAIN = 1;
const LETTER = 2;
const ALL_CAPS = 4;
const UPPER_INITIAL = 8;
const APOSTROPHE = 16;
/** The token flags by name (for tests). */
export const TOKEN_FLAGS = { PLAIN, LETTER, ALL_CAPS, UPPER_INITIAL, APOSTROPHE } as const;

/**
 * PLAIN: no capital letter and no digit (w is its own lower case); LETTER: hasLetter(w); ALL_CAPS: a
 * letter and no lower case; UPPER_INITIAL: isUpperInitial(w); APOSTROPHE: starts with "'". ASCII words are read code by code, others
 * through the definitions in features.ts.
 */
export function tokenFlags(w: string): number {
  let upper = false;
  let lower = false;
  let digit = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return tokenFlagsSlow(w);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 48 && c <= 57) digit = true;
  }
  let f = 0;
  if (!upper && !digit) f |= PLAIN;
  if (upper || lower) f |= LETTER;
  if (upper && !lower) f |= ALL_CAPS;
  const c0 = w.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) f |= UPPER_INITIAL;
  else if (c0 === 39) f |= APOSTROPHE;
  return f;
}

function tokenFlagsSlow(w: string): number {
  let f = 0;
  if (w === w.toLowerCase() && !/\d/.test(w)) f |= PLAIN;
  if (hasLetter(w)) {
    f |= LETTER;
    if (w === w.toUpperCase()) f |= ALL_CAPS;
  }
  if (isUpperInitial(w)) f |= UPPER_INITIAL;
  if (w.charCodeAt(0) === 39) f |= APOSTROPHE;
  return f;
}

/** isCapsSentence from the flags of tokens [from, to). */
function capsFromFlags(flags: Uint8Array, from: number, to: number): boolean {
  let letters = 0;
  let caps = 0;
  for (let k = from; k < to; k++) {
    const f = flags[k];
    if (!(f & LETTER)) continue;
    letters++;
    if (f & ALL_CAPS) caps++;
  }
  return letters >= 2 && caps / letters >= 0.8;
}

/**
 * Mark the candidate tokens [from, to) of one sentence (not a caps headline) in `cand` (1 = decoded,
 * 0 = fixed to O) from their flags; returns whether there is any.
 */
export function markCandidates(flags: Uint8Array, from: number, to: number, cand: Uint8Array): boolean {
  let any = false;
  let lastName = -1;
  for (let k = from; k < to; k++) {
    if (flags[k] & PLAIN) {
      // A possessive or closing quote right after a name ("Lord 's", "Reuters '") may belong to it.
      cand[k] = lastName >= 0 && k === lastName + 1 && flags[k] & APOSTROPHE ? 1 : 0;
      continue;
    }
    cand[k] = 1;
    any = true;
    const gap = lastName < 0 ? k - from : k - lastName - 1;
    if (gap > 0 && gap <= (lastName < 0 ? MAX_EDGE_GAP : MAX_INNER_GAP)) cand.fill(1, k - gap, k);
    lastName = k;
  }
  if (any && to - lastName - 1 <= MAX_EDGE_GAP) cand.fill(1, lastName + 1, to);
  return any;
}

/** Per-document work arrays, reused from document to document (grown as needed). */
let docEmits = new Float64Array(0);
let docTags = new Int32Array(0);
let docFlags = new Uint8Array(0);
let docCand = new Uint8Array(0);
let docLabels = new Uint8Array(0);
let docEntries: WordEntry[] = [];

/** A document's decoded tags: tag indices of every token (O outside segments), and its segments. */
interface Tagged {
  tags: Int32Array;
  /** Per segment: [first token, end token (exclusive), sentence index] (document token indices). */
  segments: number[];
  /** Document index of each sentence's first token. */
  starts: Int32Array;
}

/**
 * The fast path over a document already through prepareDocument: tag indices for every token (in
 * docTags, valid until the next call). With `segmented`, only the segments are decoded (see above);
 * otherwise every sentence is one segment, and the tags are exactly tagDocumentReference's.
 */
function tagPrepared(cache: TagCache, doc: string[][], segmented: boolean): Tagged {
  const model = cache.model;
  cache.maybeReset();
  const gazetteer = model.gazetteer;
  const P2 = model.passes[1] ?? null;
  const W = cache.weights;
  const PT = cache.PT;
  const { before, after } = cache;
  let total = 0;
  for (const words of doc) total += words.length;
  if (docTags.length < total) {
    docEmits = new Float64Array(2 * total * PT);
    docTags = new Int32Array(2 * total);
    docFlags = new Uint8Array(2 * total);
    docCand = new Uint8Array(2 * total);
    docLabels = new Uint8Array(2 * total);
  }
  if (docEntries.length < total) docEntries = new Array<WordEntry>(2 * total);
  const E = docEmits;
  const tags = docTags;
  const flags = docFlags;
  const cand = docCand;
  const ent = docEntries;
  tags.fill(O, 0, total);
  // Flags, caps sentences, candidates and segments.
  const caps = new Uint8Array(doc.length);
  const segments: number[] = [];
  let first = 0;
  for (let s = 0; s < doc.length; s++) {
    const words = doc[s];
    const n = words.length;
    for (let i = 0; i < n; i++) flags[first + i] = tokenFlags(words[i]);
    caps[s] = capsFromFlags(flags, first, first + n) ? 1 : 0;
    let any = n > 0;
    if (!segmented || caps[s]) cand.fill(1, first, first + n);
    else any = markCandidates(flags, first, first + n, cand);
    if (any)
      for (let k = first; k < first + n; k++) {
        if (!cand[k]) continue;
        const a = k;
        while (k < first + n && cand[k]) k++;
        segments.push(a, k, s);
      }
    first += n;
  }
  const starts = sentenceStarts(doc);
  // Word entries of the segments and their ±2 context (so of every token that is not plain).
  for (let g = 0; g < segments.length;) {
    const s = segments[g + 2];
    const words = doc[s];
    const sStart = starts[s];
    const sEnd = sStart + words.length;
    const isCaps = caps[s] === 1;
    let filled = sStart;
    for (; g < segments.length && segments[g + 2] === s; g += 3) {
      const to = Math.min(sEnd, segments[g + 1] + 2);
      for (let k = Math.max(filled, segments[g] - 2); k < to; k++)
        ent[k] = cache.word(words[k - sStart], isCaps);
      filled = to;
    }
  }
  // documentEvidence's spelling bits, for the words of the segments only. A plain token is its own lower
  // case; the others have word entries.
  const evidence = new Map<string, number>();
  for (let g = 0; g < segments.length; g += 3)
    for (let k = segments[g]; k < segments[g + 1]; k++) if (flags[k] & LETTER) evidence.set(ent[k].lower, 0);
  first = 0;
  for (let s = 0; s < doc.length; s++) {
    const words = doc[s];
    if (!caps[s])
      for (let i = 1; i < words.length; i++) {
        const f = flags[first + i];
        if (!(f & LETTER)) continue;
        const l = f & PLAIN ? words[i] : ent[first + i].lower;
        const bits = evidence.get(l);
        if (bits !== undefined) evidence.set(l, bits | 4 | (f & UPPER_INITIAL ? 1 : 2));
      }
    first += words.length;
  }
  // First-pass emissions (and the second pass's static part) of every segment token. Only word() grows
  // cache.sums, and every word entry is made above.
  const S = cache.sums;
  const dec1 = decoderOf(model.passes[0]);
  let sentence = -1;
  let sStart = 0;
  let gaz: string[] | null = null;
  for (let g = 0; g < segments.length; g += 3) {
    const a = segments[g];
    const b = segments[g + 1];
    const s = segments[g + 2];
    const words = doc[s];
    const n = words.length;
    const isCaps = caps[s] === 1;
    const sEnd = starts[s] + n;
    if (s !== sentence) {
      sentence = s;
      sStart = starts[s];
      gaz = gazetteer ? gazetteerHits(gazetteer, words, flags, ent, sStart) : null;
    }
    // The pair (token k - 1, token k) is the right pair of token k - 1 and the left pair of token k: it is
    // looked up once, and its rows are read before the next look-up (which may reuse its place, see pair()).
    let right = 0;
    for (let k = a; k < b; k++) {
      const i = k - sStart;
      const o = k * PT;
      const e = ent[k];
      const prev = i ? ent[k - 1] : before;
      const next = i + 1 < n ? ent[k + 1] : after;
      // The word's own scores, then its context words' (in CONTEXT_OFFSETS order), name roles included,
      // written at once (this also clears the reused buffer). The sums are exact (see "The fast path"), so
      // folding the role features into the words' scores leaves them unchanged.
      if (!e.intrinsic) cache.complete(e);
      const s0 = e.at;
      const s1 = (i < 2 ? before : ent[k - 2]).ctx;
      const s2 = prev.ctx + PT;
      const s3 = next.ctx + 2 * PT;
      const s4 = (i + 2 < n ? ent[k + 2] : after).ctx + 3 * PT;
      for (let t = 0; t < PT; t++) E[o + t] = S[s0 + t] + S[s1 + t] + S[s2 + t] + S[s3 + t] + S[s4 + t];
      const left = k > a ? right : cache.pair(prev, e);
      const P = cache.pairData;
      addRowsAll(W, PT, P, left + 2, left + 2 + P[left], E, o);
      right = cache.pair(e, next);
      const Q = cache.pairData;
      addRowsAll(W, PT, Q, right + 2 + Q[right], right + 2 + Q[right + 1], E, o);
      const tri = cache.trigram(prev, e, next);
      addRowsAll(W, PT, tri, 0, tri.length, E, o);
      if (i === 0) addRowsAll(W, PT, e.firstRows, 0, e.firstRows.length, E, o);
      if (e.hasLetter) {
        const d = cache.doc(evidence.get(e.lower) ?? 0, isCaps ? 0 : i === 0 ? 1 : 2, e.upper);
        addRowsAll(W, PT, d, 0, d.length, E, o);
      }
      if (gaz && gaz[i]) {
        const gr = cache.gazetteerRows(gaz[i], e);
        addRowsAll(W, PT, gr, 0, gr.length, E, o);
      }
    }
    decode(E, b - a, dec1, PT, 0, tags, a, a > sStart, b < sEnd);
  }
  if (!P2) return { tags, segments, starts };
  const labels = labelIds(flags, ent, tags, segments);
  const dec2 = decoderOf(P2);
  for (let g = 0; g < segments.length; g += 3) {
    const a = segments[g];
    const b = segments[g + 1];
    const sStart = starts[segments[g + 2]];
    const sEnd = sStart + doc[segments[g + 2]].length;
    for (let k = a; k < b; k++) {
      const v = cache.secondScores(
        labels[k],
        k > sStart ? tags[k - 1] : NONE,
        tags[k],
        k + 1 < sEnd ? tags[k + 1] : NONE,
      );
      const o = k * PT + T;
      for (let t = 0; t < T; t++) E[o + t] += v[t];
    }
  }
  // Second pass: every segment's first-pass tags have been read above, so they may be overwritten now.
  for (let g = 0; g < segments.length; g += 3) {
    const a = segments[g];
    const b = segments[g + 1];
    const sStart = starts[segments[g + 2]];
    const sEnd = sStart + doc[segments[g + 2]].length;
    decode(E, b - a, dec2, PT, T, tags, a, a > sStart, b < sEnd);
  }
  return { tags, segments, starts };
}

/** gazetteerHits' result, reused from sentence to sentence (grown as needed). */
let gazBuffer: string[] = [];
/** The sentence gazetteerHits is reading, for hitLower (one function for every call, not a closure per sentence). */
let hitWords: string[] = [];
let hitFlags: Uint8Array = new Uint8Array(0);
let hitEnt: WordEntry[] = [];
let hitAt = 0;
/** Token k's lower case: tokens that are not plain have word entries, whose lower case is computed (and hashed) once. */
const hitLower = (k: number): string => (hitFlags[hitAt + k] & PLAIN ? hitWords[k] : hitEnt[hitAt + k].lower);

/**
 * Gazetteer.tag's hits for a sentence whose tokens start at document index `at` (in a buffer valid until
 * the next call): names are only looked up from capitalised words, and a plain token is its own lower case.
 */
function gazetteerHits(
  gazetteer: Gazetteer,
  words: string[],
  flags: Uint8Array,
  ent: WordEntry[],
  at: number,
): string[] {
  const n = words.length;
  if (gazBuffer.length < n) gazBuffer = new Array<string>(2 * n);
  const out = gazBuffer.fill('', 0, n);
  if (gazetteer.maxLen < 1) return out;
  hitWords = words;
  hitFlags = flags;
  hitEnt = ent;
  hitAt = at;
  let i = 0;
  while (i < n) {
    let hit = 0;
    if (flags[at + i] & UPPER_INITIAL) {
      // Most capitalised words start no longer name: their one-word look-up is kept with the word.
      const e = ent[at + i];
      if (e.gzUnit === null) {
        const types = gazetteer.names.get(e.lower);
        e.gzUnit = types === undefined ? '' : 'U-' + types;
        e.gzPrefix = gazetteer.isPrefix(e.lower);
      }
      if (e.gzPrefix) hit = gazetteer.longestAt(hitLower, i, n);
      else if (e.gzUnit) {
        out[i++] = e.gzUnit;
        continue;
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    const types = gazetteer.lastTypes;
    if (hit === 1) out[i] = 'U-' + types;
    else {
      out[i] = 'B-' + types;
      for (let k = 1; k < hit - 1; k++) out[i + k] = 'I-' + types;
      out[i + hit - 1] = 'L-' + types;
    }
    i += hit;
  }
  return out;
}

/** Document token index of each sentence's first token. */
function sentenceStarts(doc: string[][]): Int32Array {
  const out = new Int32Array(doc.length);
  let k = 0;
  for (let s = 0; s < doc.length; s++) {
    out[s] = k;
    k += doc[s].length;
  }
  return out;
}

/** Entity type of a tag index as a LABELS id (O is 1, PER 2, ORG 3, LOC 4, MISC 5). */
const typeId = (tag: number): number => (tag === O ? 1 : 2 + ((tag - 1) >> 2));

/**
 * labelsElsewhere's labels as LABELS ids (0 for ''), per document token. Capitalised words are never
 * plain, so they are all in segments and have word entries; every other token gets 0.
 */
function labelIds(flags: Uint8Array, ent: WordEntry[], tags: Int32Array, segments: number[]): Uint8Array {
  // lowercase word -> [type id, count, ...] in the order the types were first met (labelsElsewhere's Map order).
  const counts = new Map<string, number[]>();
  const labels = docLabels;
  for (let g = 0; g < segments.length; g += 3)
    for (let k = segments[g]; k < segments[g + 1]; k++) {
      if (!(flags[k] & UPPER_INITIAL)) continue;
      const key = ent[k].lower;
      const t = typeId(tags[k]);
      let m = counts.get(key);
      if (!m) counts.set(key, (m = []));
      let x = 0;
      while (x < m.length && m[x] !== t) x += 2;
      if (x < m.length) m[x + 1]++;
      else m.push(t, 1);
    }
  for (let g = 0; g < segments.length; g += 3)
    for (let k = segments[g]; k < segments[g + 1]; k++) {
      labels[k] = 0;
      if (!(flags[k] & UPPER_INITIAL)) continue;
      const m = counts.get(ent[k].lower)!;
      const own = typeId(tags[k]);
      let best = 0;
      let bestC = 0;
      for (let x = 0; x < m.length; x += 2) {
        const t = m[x];
        const c = t === own ? m[x + 1] - 1 : m[x + 1];
        // Prefer an entity type over O on ties: one clear mention outweighs an unsure one.
        if (c > bestC || (c === bestC && c > 0 && best === 1)) {
          best = t;
          bestC = c;
        }
      }
      labels[k] = bestC > 0 ? best : 0;
    }
  return labels;
}

/** Tag strings per sentence from the document's tag indices. */
function tagRows(doc: string[][], tagged: Tagged): string[][] {
  const tags = tagged.tags;
  let k = 0;
  return doc.map((words) => {
    const out = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) out[i] = TAGS[tags[k++]];
    return out;
  });
}

/** Entity spans per sentence from the tags of the segments (spansFromBilou on the tag strings). */
function spansOf(doc: string[][], tagged: Tagged): Span[][] {
  const { tags, segments, starts } = tagged;
  const out: Span[][] = doc.map(() => []);
  for (let g = 0; g < segments.length; g += 3) {
    const s = segments[g + 2];
    const sStart = starts[s];
    const spans = out[s];
    let open = -1;
    let openType = 0;
    const end = segments[g + 1];
    for (let k = segments[g]; k <= end; k++) {
      // The token after a segment is O (or the end of the sentence): it closes an unfinished span.
      const tag = k < end ? tags[k] : O;
      const p = tag === O ? 0 : (tag - 1) & 3; // 0 B, 1 I, 2 L, 3 U (or O)
      const type = tag === O ? -1 : (tag - 1) >> 2;
      if (open >= 0 && (tag === O || p === 0 || p === 3 || type !== openType)) {
        spans.push({ start: open - sStart, end: k - sStart, type: ENTITY_TYPES[openType] });
        open = -1;
      }
      if (tag === O) continue;
      if (p === 3) spans.push({ start: k - sStart, end: k + 1 - sStart, type: ENTITY_TYPES[type] });
      else if (p === 0 || open < 0) {
        open = k;
        openType = type;
      }
      if (p === 2 && open >= 0) {
        spans.push({ start: open - sStart, end: k + 1 - sStart, type: ENTITY_TYPES[openType] });
        open = -1;
      }
    }
  }
  return out;
}

/** The same tagging from plain feature strings (slow; the reference the fast path is tested against). */
export function tagDocumentReference(model: NerModel, rawDoc: string[][]): string[][] {
  const doc = prepareDocument(rawDoc);
  const evidence = documentEvidence(doc);
  const run = (p: PassWeights, feats: string[][][]) =>
    feats.map((sent) => {
      const emit = new Float64Array(sent.length * T);
      sent.forEach((f, i) => addRows(p.weights, rowsOf(model.index, f), emit, i * T));
      return viterbi(emit, sent.length, p.transitions, p.start).map((t) => TAGS[t]);
    });
  let tags = run(model.passes[0], featuresOfDocument(doc, model.gazetteer, evidence, null, model.clusters));
  if (model.passes[1])
    tags = run(
      model.passes[1],
      featuresOfDocument(
        doc,
        model.gazetteer,
        evidence,
        { labels: labelsElsewhere(doc, tags), firstPass: tags },
        model.clusters,
      ),
    );
  return tags;
}

/** Entity spans per sentence: the model's tags, then the refiners (see refine.ts). */
export function entitiesOfDocument(model: NerModel, doc: string[][]): Span[][] {
  const prepared = prepareDocument(doc);
  const cache = cacheOf(model);
  if (!cache.exact) return refineDocument(prepared, tagDocumentReference(model, doc).map(spansFromBilou));
  // The fast path tags the prepared document directly, segment by segment (see "Segments").
  return refineDocument(prepared, spansOf(prepared, tagPrepared(cache, prepared, true)));
}

/** IOB2 tags (B-PER, I-PER, ..., O) for every token of a document. */
export function tagDocument(model: NerModel, doc: string[][]): string[][] {
  return entitiesOfDocument(model, doc).map((spans, s) => {
    const tags = doc[s].map(() => 'O');
    for (const sp of spans)
      for (let i = sp.start; i < sp.end; i++) tags[i] = (i === sp.start ? 'B-' : 'I-') + sp.type;
    return tags;
  });
}
