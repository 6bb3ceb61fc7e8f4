/**
 * The entity tagger: two passes of the structured perceptron over a document. The first pass tags each
 * sentence from its own words plus document spelling evidence and gazetteer hits; the second pass adds,
 * for each capitalised word, the label the first pass gave the same word elsewhere in the document
 * (names are usually repeated, and the clearest mention disambiguates the others).
 *
 * Speed: the features of a word on its own and as a neighbour are looked up once per distinct word and
 * cached as weight-row numbers, and both passes share one feature index, so tagging does a handful of
 * hash look-ups per token instead of one per feature and pass.
 */
import {
  AFTER,
  BEFORE,
  CONTEXT_OFFSETS,
  contextFeatures,
  documentEvidence,
  intrinsicFeatures,
  localFeatures,
  prepareDocument,
  sentenceFeatures,
  viewOf,
  type DocumentEvidence,
} from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { viterbi, type FrozenWeights } from './perceptron.js';
import { refineDocument, type Span } from './refine.js';
import { NUM_TAGS, TAGS, spansFromBilou } from './tags.js';

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

/**
 * A word's emission scores, pre-summed per pass ([pass * T + tag]): on its own, and as the neighbour at
 * offset CONTEXT_OFFSETS[k].
 */
interface WordRows {
  intrinsic: Float64Array;
  context: Float64Array[];
}

/** Per-model cache of word -> pre-summed scores (about 2 KB a word; cleared when it reaches the limit). */
const caches = new WeakMap<NerModel, Map<string, WordRows>>();
const CACHE_LIMIT = 20_000;

function rowsOf(index: Map<string, number>, feats: string[], out?: number[]): number[] {
  const rows = out ?? [];
  for (const f of feats) {
    const r = index.get(f);
    if (r !== undefined) rows.push(r);
  }
  return rows;
}

function wordRows(model: NerModel, norm: string, normLower: string, shape: string, caps: boolean): WordRows {
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = new Map()));
  const key = caps ? '\u0001' + norm : norm;
  let e = cache.get(key);
  if (!e) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const PT = model.passes.length * T;
    const buf = new Float64Array(PT * (1 + CONTEXT_OFFSETS.length));
    e = {
      intrinsic: buf.subarray(0, PT),
      context: CONTEXT_OFFSETS.map((_, k) => buf.subarray(PT * (k + 1), PT * (k + 2))),
    };
    summed(model, rowsOf(model.index, intrinsicFeatures(norm, normLower, shape, caps)), e.intrinsic);
    CONTEXT_OFFSETS.forEach((d, k) =>
      summed(model, rowsOf(model.index, contextFeatures(normLower, shape, d)), e!.context[k]),
    );
    cache.set(key, e);
  }
  return e;
}

/** Sum of the given rows' weights, per pass. */
function summed(model: NerModel, rows: number[], into?: Float64Array): Float64Array {
  const out = into ?? new Float64Array(model.passes.length * T);
  model.passes.forEach((p, k) => addRows(p.weights, rows, out, k * T));
  return out;
}

function boundaryRows(model: NerModel, which: string): Float64Array[] {
  return CONTEXT_OFFSETS.map((d) => summed(model, rowsOf(model.index, contextFeatures(which, which, d))));
}

/** Add pre-summed per-pass scores to both passes' emissions at offset o. */
function addSummed(v: Float64Array, e1: Float64Array, e2: Float64Array | null, o: number): void {
  for (let t = 0; t < T; t++) e1[o + t] += v[t];
  if (e2) for (let t = 0; t < T; t++) e2[o + t] += v[T + t];
}

function addRows(W: Float32Array, rows: ArrayLike<number>, out: Float64Array, o: number): void {
  for (let k = 0; k < rows.length; k++) {
    const base = rows[k] * T;
    for (let t = 0; t < T; t++) out[o + t] += W[base + t];
  }
}

const secondRowCaches = new WeakMap<NerModel, Map<string, Int32Array>>();

/** Emission scores of both passes at once (rows are shared, so each row is read once). */
function addRowsBoth(
  W1: Float32Array,
  W2: Float32Array | null,
  rows: ArrayLike<number>,
  e1: Float64Array,
  e2: Float64Array | null,
  o: number,
): void {
  if (!W2 || !e2) return addRows(W1, rows, e1, o);
  for (let k = 0; k < rows.length; k++) {
    const base = rows[k] * T;
    for (let t = 0; t < T; t++) {
      e1[o + t] += W1[base + t];
      e2[o + t] += W2[base + t];
    }
  }
}

/** BILOU tag strings for every token of a document (sentences of words). */
export function tagDocumentBilou(model: NerModel, rawDoc: string[][]): string[][] {
  const doc = prepareDocument(rawDoc);
  const evidence = documentEvidence(doc);
  const before = boundaryRows(model, BEFORE);
  const after = boundaryRows(model, AFTER);
  const P1 = model.passes[0];
  const P2 = model.passes[1] ?? null;
  // Second-pass emissions from the static features, filled in alongside the first pass.
  const emit2: Float64Array[] = [];
  const local: number[] = [];
  let tags: string[][] = doc.map((words) => {
    const n = words.length;
    const v = viewOf(words);
    const gaz = model.gazetteer ? model.gazetteer.tag(v.lower, words) : null;
    const entries = words.map((_, i) => wordRows(model, v.norm[i], v.normLower[i], v.shape[i], v.caps));
    const e1 = new Float64Array(n * T);
    const e2 = P2 ? new Float64Array(n * T) : null;
    if (e2) emit2.push(e2);
    for (let i = 0; i < n; i++) {
      const o = i * T;
      addSummed(entries[i].intrinsic, e1, e2, o);
      for (let k = 0; k < CONTEXT_OFFSETS.length; k++) {
        const j = i + CONTEXT_OFFSETS[k];
        addSummed(j < 0 ? before[k] : j >= n ? after[k] : entries[j].context[k], e1, e2, o);
      }
      local.length = 0;
      addRowsBoth(
        P1.weights,
        P2?.weights ?? null,
        rowsOf(
          model.index,
          localFeatures(v, i, evidence, gaz, model.gazetteer ? model.gazetteer.roles : null),
          local,
        ),
        e1,
        e2,
        o,
      );
    }
    return viterbi(e1, n, P1.transitions, P1.start).map((t) => TAGS[t]);
  });
  if (P2) {
    const labels = labelsElsewhere(doc, tags);
    const firstPass = tags;
    // The second-pass features of a token depend only on its label and the first-pass tags around it.
    let secondRows = secondRowCaches.get(model);
    if (!secondRows) secondRowCaches.set(model, (secondRows = new Map()));
    tags = doc.map((words, s) => {
      const n = words.length;
      const emit = emit2[s];
      for (let i = 0; i < n; i++) {
        const fp = firstPass[s];
        const key =
          labels[s][i] +
          ' ' +
          (i ? fp[i - 1] : '') +
          ' ' +
          fp[i] +
          ' ' +
          (i + 1 < n ? fp[i + 1] : '') +
          (i ? '' : ' 0');
        let rows = secondRows.get(key);
        if (!rows)
          secondRows.set(
            key,
            (rows = Int32Array.from(rowsOf(model.index, secondPassFeatures(labels[s][i], fp, i)))),
          );
        addRows(P2.weights, rows, emit, i * T);
      }
      return viterbi(emit, n, P2.transitions, P2.start).map((t) => TAGS[t]);
    });
  }
  return tags;
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
  return refineDocument(prepared, tagDocumentBilou(model, doc).map(spansFromBilou));
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
