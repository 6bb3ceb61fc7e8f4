/**
 * The entity tagger: two passes of the structured perceptron over a document. The first pass tags each
 * sentence from its own words plus document spelling evidence and gazetteer hits; the second pass adds,
 * for each capitalised word, the label the first pass gave the same word elsewhere in the document
 * (names are usually repeated, and the clearest mention disambiguates the others).
 *
 * Speed: tagDocumentBilou caches weight rows and pre-summed scores per word type, word pair, shape
 * triple and small categorical value (see "The fast path" below), so tagging builds almost no feature
 * strings; tagDocumentReference is the plain feature-string path it is tested against.
 */
import {
  AFTER,
  BEFORE,
  CONTEXT_OFFSETS,
  contextFeatures,
  documentEvidence,
  hasLetter,
  intrinsicFeatures,
  isCapsSentence,
  isUpperInitial,
  prepareDocument,
  sentenceFeatures,
  viewOf,
  type DocumentEvidence,
} from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { viterbi, type FrozenWeights } from './perceptron.js';
import { refineDocument, type Span } from './refine.js';
import { ALLOWED, CAN_END, CAN_START, NUM_TAGS, TAGS, spansFromBilou } from './tags.js';

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
}

/** Merge per-pass frozen weights into one model with a shared feature index. */
export function combinePasses(passes: FrozenWeights[], gazetteer: Gazetteer | null): NerModel {
  const index = new Map<string, number>();
  for (const p of passes) for (const f of p.index.keys()) if (!index.has(f)) index.set(f, index.size);
  const out: PassWeights[] = passes.map((p) => {
    const weights = new Float32Array(index.size * T);
    for (const [f, row] of p.index) weights.set(p.weights.subarray(row * T, row * T + T), index.get(f)! * T);
    return { weights, transitions: p.transitions, start: p.start };
  });
  return { index, passes: out, gazetteer };
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
): string[][][] {
  return doc.map((words, s) => {
    const feats = sentenceFeatures(words, evidence, gazetteer);
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
/** A word pair without features (see TagCache.pair). */
const NO_PAIR = new Int32Array(1);
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
 * of two not above the smallest |weight|; a token has at most 41 features per pass, so every partial sum
 * is such a multiple below 2^53 units, which float64 holds exactly, whenever max |w| / min |w| < 2^20
 * (checked per model by `exactSums`; a model failing the check is tagged by the reference path). Exact
 * sums do not depend on their order, so Viterbi sees the same numbers and returns the same tags.
 */

/** A word type as the tagger sees it (one per spelling and caps-headline flag). Ids 0 and 1 are <s>, </s>. */
interface WordEntry {
  id: number;
  /** Pre-summed scores [pass * T + tag]: intrinsic features at 0, context features of CONTEXT_OFFSETS[k] at PT * (k + 1). */
  sums: Float64Array;
  normLower: string;
  shape: string;
  shapeId: number;
  lower: string;
  hasLetter: boolean;
  upper: boolean;
  /** Rows of 'first|sh=' (when the word opens its sentence). */
  firstRows: Int32Array;
  /** Rows of the word's name roles as 'gr=', 'gr-1=' and 'gr+1=' features (empty if none). */
  roleRows: [Int32Array, Int32Array, Int32Array];
  /** Which sides of which word-pair features the word occurs in (PAIR_TEMPLATES bits). */
  pairBits: number;
  /** Rows of the pair this word forms with a following word, by that word's id (see TagCache.pair). */
  next: Map<number, Int32Array> | null;
}

/**
 * The features of two adjacent words a, b, and the bits a word needs (as a, as b) for the feature to
 * possibly exist in the model: a pair whose words cannot occur in a template builds no string for it.
 */
const PAIR_TEMPLATES = [
  { prefix: 'l-1|l=', a: 1, b: 2 },
  { prefix: 'l-1|sh=', a: 4, b: 0 },
  { prefix: 'l|l+1=', a: 8, b: 16 },
  { prefix: 'sh|l+1=', a: 0, b: 32 },
] as const;
const [LL_A, LL_B] = [1, 2];
const LS_A = 4;
const LN_A = 8;
const LN_B = 16;
const SL_B = 32;

/** Word (lowercase, digits as 0) -> PAIR_TEMPLATES bits, from the model's feature names. */
function pairVocabulary(index: Map<string, number>): Map<string, number> {
  const bits = new Map<string, number>();
  const mark = (w: string, b: number) => bits.set(w, (bits.get(w) ?? 0) | b);
  for (const f of index.keys())
    for (const t of PAIR_TEMPLATES) {
      if (!f.startsWith(t.prefix)) continue;
      const rest = f.slice(t.prefix.length);
      // Words may contain '|': mark every split (a superset is safe, it only costs a look-up).
      for (let k = rest.indexOf('|'); k >= 0; k = rest.indexOf('|', k + 1)) {
        if (t.a) mark(rest.slice(0, k), t.a);
        if (t.b) mark(rest.slice(k + 1), t.b);
      }
    }
  return bits;
}

/**
 * Bounds of the caches (checked between documents; each word is about 1.5 KB, so the full caches hold
 * about 200 MB; over all of Timeline17 the larger bounds cut cache-miss work more than they cost).
 */
const WORD_LIMIT = 80_000;
const PAIR_LIMIT = 1_000_000;
const SHAPE_LIMIT = 20_000;
/** Trigram keys are shape id * SHAPE_SPAN + shape id (larger ids, which would take 2 million shapes, skip the cache). */
const SHAPE_SPAN = 2 ** 21;
/** Labels from labelsElsewhere, as small integers. */
const LABELS = ['', 'O', 'PER', 'ORG', 'LOC', 'MISC'];
const LABEL_ID = new Map(LABELS.map((l, k) => [l, k]));
/** First-pass tag index, or NONE for a sentence boundary. */
const NONE = T;

class TagCache {
  readonly PT: number;
  readonly words = new Map<string, WordEntry>();
  /** Word pairs cached in the entries' `next` maps. */
  pairCount = 0;
  readonly trigrams = new Map<number, Map<number, Int32Array>>();
  readonly shapes = new Map<string, number>();
  readonly shapeNames: string[] = [];
  /** Rows of the 'doc=' feature, by the code computed in doc(). */
  readonly docRows: Array<Int32Array | undefined> = [];
  /** Second-pass scores, by the code computed in secondScores(). */
  readonly second: Array<Float64Array | undefined> = [];
  nextId = 0;
  before!: WordEntry;
  after!: WordEntry;
  readonly exact: boolean;
  private readonly pairVocab: Map<string, number>;
  /** Every pass's weights side by side: weights[row * PT + pass * T + tag]. */
  readonly weights: Float32Array;

  constructor(readonly model: NerModel) {
    const PT = (this.PT = model.passes.length * T);
    const rows = model.index.size;
    this.weights = new Float32Array(rows * PT);
    model.passes.forEach((p, k) => {
      for (let r = 0; r < rows; r++) this.weights.set(p.weights.subarray(r * T, r * T + T), r * PT + k * T);
    });
    this.exact = exactSums(model);
    this.pairVocab = pairVocabulary(model.index);
    this.reset();
  }

  /** Forget every word, pair and shape (between documents, when a cache is full). */
  reset(): void {
    this.words.clear();
    this.pairCount = 0;
    this.trigrams.clear();
    this.shapes.clear();
    this.shapeNames.length = 0;
    this.nextId = 0;
    this.before = this.boundary(BEFORE);
    this.after = this.boundary(AFTER);
  }

  maybeReset(): void {
    if (this.words.size > WORD_LIMIT || this.shapes.size > SHAPE_LIMIT || this.pairCount > PAIR_LIMIT)
      this.reset();
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

  private boundary(which: string): WordEntry {
    const sums = new Float64Array(this.PT * (1 + CONTEXT_OFFSETS.length));
    CONTEXT_OFFSETS.forEach((d, k) =>
      summedInto(this.model, contextFeatures(which, which, d), sums, this.PT * (k + 1)),
    );
    return {
      id: this.nextId++,
      sums,
      normLower: which,
      shape: which,
      shapeId: this.shapeId(which),
      lower: which,
      hasLetter: false,
      upper: false,
      firstRows: NO_ROWS,
      roleRows: [NO_ROWS, NO_ROWS, NO_ROWS],
      pairBits: this.pairVocab.get(which) ?? 0,
      next: null,
    };
  }

  word(w: string, caps: boolean): WordEntry {
    const key = caps ? '\u0001' + w : w;
    let e = this.words.get(key);
    if (e) return e;
    const { model, PT } = this;
    const v = viewOf([w]);
    const norm = v.norm[0];
    const normLower = v.normLower[0];
    const shape = v.shape[0];
    const sums = new Float64Array(PT * (1 + CONTEXT_OFFSETS.length));
    summedInto(model, intrinsicFeatures(norm, normLower, shape, caps), sums, 0);
    CONTEXT_OFFSETS.forEach((d, k) =>
      summedInto(model, contextFeatures(normLower, shape, d), sums, PT * (k + 1)),
    );
    const upper = isUpperInitial(w);
    const role = upper && model.gazetteer ? (model.gazetteer.roles.get(v.lower[0]) ?? '') : '';
    e = {
      id: this.nextId++,
      sums,
      normLower,
      shape,
      shapeId: this.shapeId(shape),
      lower: v.lower[0],
      hasLetter: hasLetter(w),
      upper,
      firstRows: rowArray(model.index, ['first|sh=' + shape]),
      roleRows: role
        ? [
            rowArray(model.index, ['gr=' + role]),
            rowArray(model.index, ['gr-1=' + role]),
            rowArray(model.index, ['gr+1=' + role]),
          ]
        : [NO_ROWS, NO_ROWS, NO_ROWS],
      pairBits: this.pairVocab.get(normLower) ?? 0,
      next: null,
    };
    this.words.set(key, e);
    return e;
  }

  /** Rows of the features the pair (a, b) of adjacent words gives: [count of b's rows, b's rows..., a's rows...]. */
  pair(a: WordEntry, b: WordEntry): Int32Array {
    const ab = a.pairBits;
    const bb = b.pairBits;
    const ll = ab & LL_A && bb & LL_B;
    const ln = ab & LN_A && bb & LN_B;
    const ls = ab & LS_A;
    const sl = bb & SL_B;
    if (!(ll || ln || ls || sl)) return NO_PAIR;
    let next = a.next;
    if (!next) a.next = next = new Map();
    let rows = next.get(b.id);
    if (!rows) {
      const found: number[] = [0];
      if (ll) this.lookUp('l-1|l=' + a.normLower + '|' + b.normLower, found);
      if (ls) this.lookUp('l-1|sh=' + a.normLower + '|' + b.shape, found);
      found[0] = found.length - 1;
      if (ln) this.lookUp('l|l+1=' + a.normLower + '|' + b.normLower, found);
      if (sl) this.lookUp('sh|l+1=' + a.shape + '|' + b.normLower, found);
      rows = found.length > 1 ? Int32Array.from(found) : NO_PAIR;
      next.set(b.id, rows);
      this.pairCount++;
    }
    return rows;
  }

  private lookUp(feature: string, rows: number[]): void {
    const r = this.model.index.get(feature);
    if (r !== undefined) rows.push(r);
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

/**
 * Tagging's Viterbi: the same comparisons, in the same order and on the same numbers as perceptron.ts's
 * viterbi (which training uses and which is left as it is), so the same tags on ties too; it only walks
 * flat arrays and writes the tags into `out` instead of allocating.
 */
function decode(
  emit: Float64Array,
  n: number,
  d: Decoder,
  stride: number,
  offset: number,
  out: Int32Array,
  at: number,
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
  for (let c = 0; c < T; c++) score[c] = CAN_START[c] ? emit[offset + c] + start[c] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prevBase = (i - 1) * T;
    const curBase = i * T;
    const eBase = i * stride + offset;
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
    if (!CAN_END[c]) continue;
    const s = score[last + c];
    if (s > best) {
      best = s;
      arg = c;
    }
  }
  out[at + n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[at + i - 1] = back[i * T + out[at + i]];
}

/** BILOU tag strings for every token of a document (sentences of words). */
export function tagDocumentBilou(model: NerModel, rawDoc: string[][]): string[][] {
  const cache = cacheOf(model);
  if (!cache.exact) return tagDocumentReference(model, rawDoc);
  return tagPrepared(cache, prepareDocument(rawDoc));
}

function cacheOf(model: NerModel): TagCache {
  let cache = tagCaches.get(model);
  if (!cache) tagCaches.set(model, (cache = new TagCache(model)));
  return cache;
}

/** Per-document work arrays, reused from document to document (grown as needed). */
let docEmits = new Float64Array(0);
let docTags = new Int32Array(0);

/** tagDocumentBilou's fast path over a document already through prepareDocument. */
function tagPrepared(cache: TagCache, doc: string[][]): string[][] {
  const model = cache.model;
  cache.maybeReset();
  const evidence = documentEvidence(doc).spelling;
  const gazetteer = model.gazetteer;
  const P2 = model.passes[1] ?? null;
  const W = cache.weights;
  const PT = cache.PT;
  const { before, after } = cache;
  let total = 0;
  for (const words of doc) total += words.length;
  if (docEmits.length < total * PT) docEmits = new Float64Array(2 * total * PT);
  if (docTags.length < total) docTags = new Int32Array(2 * total);
  // Emissions of every pass side by side ([(token in document) * PT + pass * T + tag]): the second pass's
  // static part is filled in alongside the first pass, its first-pass features are added below.
  const E = docEmits;
  const tags = docTags;
  const dec1 = decoderOf(model.passes[0]);
  let first = 0;
  for (const words of doc) {
    const n = words.length;
    const caps = isCapsSentence(words);
    const entries: WordEntry[] = new Array<WordEntry>(n);
    for (let i = 0; i < n; i++) entries[i] = cache.word(words[i], caps);
    const gaz = gazetteer
      ? gazetteer.tag(
          entries.map((e) => e.lower),
          words,
        )
      : null;
    for (let i = 0; i < n; i++) {
      const o = (first + i) * PT;
      const e = entries[i];
      const prev = i ? entries[i - 1] : before;
      const next = i + 1 < n ? entries[i + 1] : after;
      // The word's own scores, then its context words' (in CONTEXT_OFFSETS order, as before): the same
      // sums in the same order, written at once (this also clears the reused buffer).
      const s0 = e.sums;
      const s1 = (i < 2 ? before : entries[i - 2]).sums;
      const s2 = prev.sums;
      const s3 = next.sums;
      const s4 = (i + 2 < n ? entries[i + 2] : after).sums;
      for (let t = 0; t < PT; t++)
        E[o + t] = s0[t] + s1[PT + t] + s2[2 * PT + t] + s3[3 * PT + t] + s4[4 * PT + t];
      const left = cache.pair(prev, e);
      addRowsAll(W, PT, left, 1, 1 + left[0], E, o);
      const right = cache.pair(e, next);
      addRowsAll(W, PT, right, 1 + right[0], right.length, E, o);
      const tri = cache.trigram(prev, e, next);
      addRowsAll(W, PT, tri, 0, tri.length, E, o);
      if (i === 0) addRowsAll(W, PT, e.firstRows, 0, e.firstRows.length, E, o);
      if (e.hasLetter) {
        const d = cache.doc(evidence.get(e.lower) ?? 0, caps ? 0 : i === 0 ? 1 : 2, e.upper);
        addRowsAll(W, PT, d, 0, d.length, E, o);
      }
      if (gaz && gaz[i]) {
        const g = rowArray(model.index, ['gz=' + gaz[i], 'gz|sh=' + gaz[i] + '|' + e.shape]);
        addRowsAll(W, PT, g, 0, g.length, E, o);
      }
      if (gazetteer) {
        const r0 = e.roleRows[0];
        const r1 = prev.roleRows[1];
        const r2 = next.roleRows[2];
        addRowsAll(W, PT, r0, 0, r0.length, E, o);
        addRowsAll(W, PT, r1, 0, r1.length, E, o);
        addRowsAll(W, PT, r2, 0, r2.length, E, o);
      }
    }
    decode(E.subarray(first * PT), n, dec1, PT, 0, tags, first);
    first += n;
  }
  const firstPass = tagRows(doc, tags);
  if (!P2) return firstPass;
  const labels = labelsElsewhere(doc, firstPass);
  const dec2 = decoderOf(P2);
  first = 0;
  for (let s = 0; s < doc.length; s++) {
    const n = doc[s].length;
    const ls = labels[s];
    for (let i = 0; i < n; i++) {
      const k = first + i;
      const v = cache.secondScores(
        LABEL_ID.get(ls[i])!,
        i ? tags[k - 1] : NONE,
        tags[k],
        i + 1 < n ? tags[k + 1] : NONE,
      );
      const o = k * PT + T;
      for (let t = 0; t < T; t++) E[o + t] += v[t];
    }
    first += n;
  }
  // Second pass: every sentence's first-pass tags have been read above, so they may be overwritten now.
  first = 0;
  for (const words of doc) {
    decode(E.subarray(first * PT), words.length, dec2, PT, T, tags, first);
    first += words.length;
  }
  return tagRows(doc, tags);
}

/** Tag strings per sentence from the document's tag indices. */
function tagRows(doc: string[][], tags: Int32Array): string[][] {
  let k = 0;
  return doc.map((words) => {
    const out = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) out[i] = TAGS[tags[k++]];
    return out;
  });
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
  let tags = run(model.passes[0], featuresOfDocument(doc, model.gazetteer, evidence, null));
  if (model.passes[1])
    tags = run(
      model.passes[1],
      featuresOfDocument(doc, model.gazetteer, evidence, {
        labels: labelsElsewhere(doc, tags),
        firstPass: tags,
      }),
    );
  return tags;
}

/** Entity spans per sentence: the model's tags, then the refiners (see refine.ts). */
export function entitiesOfDocument(model: NerModel, doc: string[][]): Span[][] {
  const prepared = prepareDocument(doc);
  const cache = cacheOf(model);
  // The fast path tags the prepared document directly (tagDocumentBilou would prepare it again).
  const tags = cache.exact ? tagPrepared(cache, prepared) : tagDocumentReference(model, doc);
  return refineDocument(prepared, tags.map(spansFromBilou));
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
