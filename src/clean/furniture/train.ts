/**
 * Training the furniture model from pages whose lines carry gold labels. The second pass must learn how
 * far to trust the first pass's answers on lines it has not seen, so its inputs come from first-pass
 * models trained on the other sites only (inner folds grouped by site, as stacking does); the first pass
 * shipped is then trained on every page.
 */
import { seededRandom, shuffleInPlace } from '../../util/random.js';
import type { CleanLine } from '../types.js';
import { contextFeatures, pageFeatures, type PageLines } from './features.js';
import { DEFAULT_BOOST, predictMargin, sigmoid, trainBoostedTrees, type BoostOptions } from './gbdt.js';
import { FEATURE_NAMES, type Decoding, type FurnitureModel } from './model.js';

export interface TrainingPage {
  /** The page's lines after the clean rules ran (removed lines are not classified). */
  lines: CleanLine[];
  /** Gold label of every line of `lines` (true = article text). */
  content: boolean[];
  /** Grouping key for the inner folds (the page's site). */
  group: string;
  /** Token count of every line of `lines` (for weighting). */
  tokens: number[];
}

export interface FurnitureTrainOptions {
  boost: BoostOptions;
  /** Inner folds (by group) for the second pass's first-pass inputs. */
  folds: number;
  seed: number;
  decode: Decoding;
  /** Total weight of each derived page (body only, body with head or tail furniture) relative to a real one. */
  augmentWeight: number;
}

export const DEFAULT_TRAIN: FurnitureTrainOptions = {
  boost: DEFAULT_BOOST,
  folds: 5,
  seed: 1,
  decode: { region: 0.5, inside: 0.4, outside: 0.9 },
  augmentWeight: 0.5,
};

interface Prepared {
  page: PageLines;
  y: number[];
  w: number[];
  group: string;
}

/** A copy of the page keeping only the lines `keep` accepts (labels and token counts follow). */
function subPage(p: TrainingPage, keep: (i: number) => boolean): TrainingPage {
  const idx = p.lines.map((_, i) => i).filter(keep);
  return {
    lines: idx.map((i) => ({ ...p.lines[i] })),
    content: idx.map((i) => p.content[i]),
    group: p.group,
    tokens: idx.map((i) => p.tokens[i]),
  };
}

/**
 * Pages derived from a labelled page so the model also sees text that is already (nearly) clean, as
 * users give it: the body alone, its first three lines alone (a short item), the body with only the
 * furniture above it, and with only the furniture below it. Without them every training page is a full page copy, and the model learns that the last
 * paragraphs of a short text or its first line are furniture. Blank and rule-removed lines stay.
 */
export function derivedPages(p: TrainingPage): TrainingPage[] {
  const live = (i: number) => !p.lines[i].removedBy && p.lines[i].text.trim() !== '';
  const contentIdx = p.content.map((c, i) => (c && live(i) ? i : -1)).filter((i) => i >= 0);
  if (!contentIdx.length) return [];
  const first = contentIdx[0];
  const last = contentIdx[contentIdx.length - 1];
  const lead = contentIdx[Math.min(2, contentIdx.length - 1)];
  return [
    subPage(p, (i) => i >= first && i <= last && (!live(i) || p.content[i])),
    subPage(p, (i) => i >= first && i <= lead && (!live(i) || p.content[i])),
    subPage(p, (i) => i <= last),
    subPage(p, (i) => i >= first),
  ];
}

/**
 * Line weights: each page weighs the same in total (the metric averages precision and recall over pages),
 * and within a page a line weighs one plus its token count (the metric counts word shingles, so a long
 * paragraph matters more than a menu word). Scaled so the mean line weight is about 1.
 */
function prepare(pages: TrainingPage[], augmentWeight: number): Prepared[] {
  const all = pages.map((p) => ({ p, scale: 1 }));
  if (augmentWeight > 0)
    for (const p of pages) for (const d of derivedPages(p)) all.push({ p: d, scale: augmentWeight });
  const prepared = all.map(({ p, scale }) => {
    const page = pageFeatures(p.lines);
    return {
      page,
      y: page.indices.map((i) => (p.content[i] ? 1 : 0)),
      raw: page.indices.map((i) => 1 + p.tokens[i]),
      group: p.group,
      scale,
    };
  });
  const real = prepared.filter((p) => p.scale === 1);
  const meanLines = real.reduce((a, p) => a + p.y.length, 0) / Math.max(1, real.length);
  return prepared.map(({ page, y, raw, group, scale }) => {
    const sum = raw.reduce((a, b) => a + b, 0) || 1;
    return { page, y, w: raw.map((r) => (r / sum) * meanLines * scale), group };
  });
}

function stack<T>(xs: T[][]): T[] {
  const out: T[] = [];
  for (const x of xs) for (const v of x) out.push(v);
  return out;
}

/** Fold of each group: groups sorted, shuffled with the seed, dealt round-robin. */
function groupFolds(groups: string[], k: number, seed: number): Map<string, number> {
  const distinct = [...new Set(groups)].sort();
  shuffleInPlace(distinct, seededRandom(seed));
  return new Map(distinct.map((g, i) => [g, i % k]));
}

/** Page number of every line, for subsampling whole pages. */
function pageOfLine(prepared: Prepared[]): number[] {
  return stack(prepared.map((p, k) => p.y.map(() => k)));
}

function trainPass1(prepared: Prepared[], boost: BoostOptions) {
  return trainBoostedTrees(
    stack(prepared.map((p) => p.page.features)),
    stack(prepared.map((p) => p.y)),
    stack(prepared.map((p) => p.w)),
    boost,
    pageOfLine(prepared),
  );
}

/** Train both passes on the pages; `log` receives progress lines. */
export function trainFurnitureModel(
  pages: TrainingPage[],
  opts: FurnitureTrainOptions = DEFAULT_TRAIN,
  log: (s: string) => void = () => {},
): FurnitureModel {
  const prepared = prepare(pages, opts.augmentWeight);
  const foldOf = groupFolds(
    prepared.map((p) => p.group),
    opts.folds,
    opts.seed,
  );
  // Out-of-fold first-pass probabilities for every training line.
  const oof: number[][] = prepared.map((p) => new Array<number>(p.y.length).fill(0));
  for (let f = 0; f < opts.folds; f++) {
    const train = prepared.filter((p) => foldOf.get(p.group) !== f);
    const held = prepared.map((p, i) => [p, i] as const).filter(([p]) => foldOf.get(p.group) === f);
    if (!held.length || !train.length) continue;
    const m = trainPass1(train, opts.boost);
    for (const [p, i] of held) oof[i] = p.page.features.map((x) => sigmoid(predictMargin(m, x)));
    log(`inner fold ${f + 1}/${opts.folds}: first pass on ${train.length} pages`);
  }
  const pass1 = trainPass1(prepared, opts.boost);
  log(`first pass on all ${prepared.length} pages`);
  const pass2 = trainBoostedTrees(
    stack(prepared.map((p, i) => contextFeatures(p.page, oof[i]))),
    stack(prepared.map((p) => p.y)),
    stack(prepared.map((p) => p.w)),
    opts.boost,
    pageOfLine(prepared),
  );
  log('second pass');
  return {
    format: 'chronicle-furniture-1',
    features: FEATURE_NAMES,
    pass1,
    pass2,
    decode: opts.decode,
    meta: {
      pages: pages.length,
      groups: new Set(pages.map((p) => p.group)).size,
      lines: prepared.reduce((a, p) => a + p.y.length, 0),
      boost: opts.boost,
      innerFolds: opts.folds,
      seed: opts.seed,
    },
  };
}
