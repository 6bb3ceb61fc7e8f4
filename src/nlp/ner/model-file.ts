/**
 * The shipped model file (`models/ner/ner.bin.gz`): a gzip'd binary with
 *   u32 header length, header JSON (format, tag set, per-pass scale and value count, training settings),
 *   feature names (UTF-8, '\n'-joined, shared by the passes),
 *   per pass: a u32 bitmask per feature of its non-zero tags, the non-zero weights as int16
 *   (weight = value * scale), f32 transition and start weights,
 *   then the gazetteer as UTF-8 lines "types\tlowercase name",
 *   then the word clusters as UTF-8 lines "bits\tword" (clusters.ts; the header says which cluster
 *   features the weights use).
 * Weights below the pruning threshold are dropped before quantising, which keeps the file small.
 * The gazetteer holds names seen in the training data's entity annotations (which names are entities of
 * which type), not its sentences; the cluster table holds words and bit strings, not sentences.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { WordClusters, type ClusterFeatureSpec } from './clusters.js';
import { Gazetteer } from './gazetteer.js';
import type { NerModel, PassWeights } from './tagger.js';
import { NUM_TAGS, TAGS } from './tags.js';

const T = NUM_TAGS;
const FORMAT = 'chronicle-ner/3';
/** Formats decodeModel reads: /2 is /3 without the cluster section (models made before clusters). */
const READABLE = ['chronicle-ner/2', FORMAT];

interface Header {
  format: string;
  tags: string[];
  features: number;
  namesBytes: number;
  passes: Array<{ values: number; scale: number }>;
  gazetteerBytes: number;
  /** Absent in chronicle-ner/2 files. */
  clustersBytes?: number;
  clusterFeatures?: ClusterFeatureSpec | null;
  meta: Record<string, unknown>;
}

/** Serialise a model; weights with |w| < prune are dropped, features left without weights are removed. */
export function encodeModel(model: NerModel, prune: number, meta: Record<string, unknown>): Buffer {
  const scales = model.passes.map((p) => {
    let maxAbs = 0;
    for (let k = 0; k < p.weights.length; k++) maxAbs = Math.max(maxAbs, Math.abs(p.weights[k]));
    return maxAbs / 32767 || 1;
  });
  const quant = (p: number, row: number, k: number) => {
    const v = model.passes[p].weights[row * T + k];
    return Math.abs(v) < prune ? 0 : Math.round(v / scales[p]);
  };
  const names: string[] = [];
  const masks: number[][] = model.passes.map(() => []);
  const vals: number[][] = model.passes.map(() => []);
  for (const [f, row] of model.index) {
    const rowMasks = model.passes.map((_, p) => {
      let m = 0;
      for (let k = 0; k < T; k++) if (quant(p, row, k) !== 0) m |= 1 << k;
      return m;
    });
    if (rowMasks.every((m) => m === 0)) continue;
    names.push(f);
    rowMasks.forEach((m, p) => {
      masks[p].push(m);
      for (let k = 0; k < T; k++) if (m & (1 << k)) vals[p].push(quant(p, row, k));
    });
  }
  const gazBuf = Buffer.from(
    model.gazetteer
      ? model.gazetteer
          .entries()
          .map(([n, t]) => `${t}\t${n}`)
          .join('\n')
      : '',
    'utf8',
  );
  const namesBuf = Buffer.from(names.join('\n'), 'utf8');
  const clustersBuf = Buffer.from(model.clusters ? model.clusters.toText() : '', 'utf8');
  const header: Header = {
    format: FORMAT,
    tags: TAGS,
    features: names.length,
    namesBytes: namesBuf.length,
    passes: model.passes.map((_, p) => ({ values: vals[p].length, scale: scales[p] })),
    gazetteerBytes: gazBuf.length,
    clustersBytes: clustersBuf.length,
    clusterFeatures: model.clusters ? model.clusters.spec : null,
    meta,
  };
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(headerBuf.length, 0);
  const parts: Buffer[] = [len, headerBuf];
  let size = 4 + headerBuf.length;
  // Typed arrays start 4-byte aligned in the decoded buffer.
  const push = (b: Buffer) => {
    const pad = (4 - (size % 4)) % 4;
    if (pad) parts.push(Buffer.alloc(pad));
    parts.push(b);
    size += pad + b.length;
  };
  push(namesBuf);
  model.passes.forEach((p, k) => {
    push(Buffer.from(Uint32Array.from(masks[k]).buffer));
    push(Buffer.from(Int16Array.from(vals[k]).buffer));
    push(Buffer.from(Float32Array.from(p.transitions).buffer));
    push(Buffer.from(Float32Array.from(p.start).buffer));
  });
  push(gazBuf);
  push(clustersBuf);
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(gz: Buffer, file = 'model'): NerModel & { meta: Record<string, unknown> } {
  let buf: Buffer;
  try {
    buf = gunzipSync(gz);
  } catch {
    throw new Error(`${file}: not a gzip'd NER model`);
  }
  const headerLen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headerLen).toString('utf8')) as Header;
  if (!READABLE.includes(header.format))
    throw new Error(`${file}: not a ${FORMAT} model (format ${header.format})`);
  if (header.tags.join() !== TAGS.join())
    throw new Error(`${file}: tag set differs from this version of the tagger`);
  // A fresh, aligned ArrayBuffer for the typed-array views.
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
  let pos = 4 + headerLen;
  const take = (bytes: number) => {
    pos += (4 - (pos % 4)) % 4;
    const at = pos;
    pos += bytes;
    return at;
  };
  const nAt = take(header.namesBytes);
  const names = buf
    .subarray(nAt, nAt + header.namesBytes)
    .toString('utf8')
    .split('\n');
  const F = header.features;
  const index = new Map<string, number>();
  for (let r = 0; r < F; r++) index.set(names[r], r);
  const passes: PassWeights[] = header.passes.map((ph) => {
    const masks = new Uint32Array(ab, take(F * 4), F);
    const vals = new Int16Array(ab, take(ph.values * 2), ph.values);
    const transitions = new Float32Array(ab.slice(take(T * T * 4), pos));
    const start = new Float32Array(ab.slice(take(T * 4), pos));
    const weights = new Float32Array(F * T);
    let v = 0;
    for (let r = 0; r < F; r++) {
      const m = masks[r];
      if (!m) continue;
      for (let k = 0; k < T; k++) if (m & (1 << k)) weights[r * T + k] = vals[v++] * ph.scale;
    }
    return { weights, transitions, start };
  });
  const gAt = take(header.gazetteerBytes);
  const gazText = buf.subarray(gAt, gAt + header.gazetteerBytes).toString('utf8');
  const gazetteer = gazText
    ? Gazetteer.fromEntries(
        gazText.split('\n').map((line) => {
          const tab = line.indexOf('\t');
          return [line.slice(tab + 1), line.slice(0, tab)] as [string, string];
        }),
      )
    : null;
  const cBytes = header.clustersBytes ?? 0;
  const cAt = take(cBytes);
  const clusters = header.clusterFeatures
    ? WordClusters.fromText(buf.subarray(cAt, cAt + cBytes).toString('utf8'), header.clusterFeatures, file)
    : null;
  return { index, passes, gazetteer, clusters, meta: header.meta };
}
