/**
 * Features of one page's lines for the furniture classifier (content vs page furniture), in the spirit of
 * jusText and boilerpipe but for copied text, where there are no tags: the shape of the line (length,
 * words, terminal punctuation, title case, digits, link- and menu-like marks), the shape of its block
 * (consecutive lines without a blank line between them: menus and headline lists come as runs of short
 * lines, paragraphs as lone long lines), where it sits relative to the page's main run of prose, and how
 * much of its vocabulary the article's own prose shares. Nothing here is English-specific: the "function
 * words" are the page's own most frequent words in its prose lines, so the same features work on a
 * German, Portuguese or Indonesian page.
 *
 * The second pass (`contextFeatures`) adds the first pass's probabilities of the neighbouring lines and of
 * the line's block, so a short line between two paragraphs and the same line inside a menu get different
 * answers.
 */
import type { CleanLine } from '../types.js';
import { isSpaceCode } from '../types.js';
import { SHAPE_FEATURES, lineStats, type LineStats } from './line-shape.js';

/** The first-pass feature names, in vector order (the model file lists them and is checked against them). */
export const LINE_FEATURES = [
  ...SHAPE_FEATURES,
  'stopRatio',
  'contentOverlap',
  'hasContentWords',
  'inMainRun',
  'logDistToMainRun',
  'inCoreRun',
  'logDistToCoreRun',
  'relPosition',
  'relCharPosition',
  'blankBefore',
  'blankAfter',
  'ruleRemovedNear',
  'logBlockLines',
  'blockMeanLogWords',
  'blockShortShare',
  'blockSentenceShare',
  'indexInBlock',
  'repeatsInPage',
  'prevLogWords',
  'nextLogWords',
  'prevEndsSentence',
  'nextEndsSentence',
  'logPageLines',
  'pageProseShare',
  'furnitureWords',
  'dateLine',
  'logDistPrevProse',
  'logDistNextProse',
  'windowProseShare',
  'windowLogProseWords',
  'proseMassBefore',
  'isProse',
  'strongOverlap',
  'prevEndsColon',
  'prevDateLine',
  'nextDateLine',
  'prevFurnitureWords',
  'nextFurnitureWords',
] as const;

/** Second-pass features, appended to the first-pass vector. */
export const CONTEXT_FEATURES = [
  'p1Self',
  'p1Prev',
  'p1Prev2',
  'p1Next',
  'p1Next2',
  'p1BlockMean',
  'p1Window',
  'p1InRun',
  'p1LogDistToRun',
] as const;

/** How many of the page's most frequent prose words count as its function words. */
const PAGE_STOPWORDS = 30;

/** The main run: the stretch of lines that maximises the sum of their scores (empty when none is positive). */
function mainRun(scores: number[]): [number, number] {
  let best = -Infinity;
  let bestRange: [number, number] = [0, -1];
  let sum = 0;
  let start = 0;
  for (let i = 0; i < scores.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += scores[i];
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  }
  return best > 0 ? bestRange : [0, -1];
}

const log1p = Math.log1p;
const distTo = (k: number, [a, b]: [number, number]) => (b < a ? 50 : k < a ? a - k : k > b ? k - b : 0);
const inRun = (k: number, [a, b]: [number, number]) => (k >= a && k <= b ? 1 : 0);

export interface PageLines {
  /** Indices (into the article's lines) of the lines being classified, in order. */
  indices: number[];
  /** One first-pass feature vector per classified line. */
  features: Float64Array[];
  /** Block id of each classified line (lines with no blank line between them share one). */
  blocks: number[];
  /** Word count of each classified line. */
  words: number[];
}

interface Scan {
  live: LineStats[];
  /** A blank or removed line (or the page start) before each live line. */
  blankBefore: boolean[];
  /** A line removed by a rule right before or after each live line. */
  ruleNear: boolean[];
  blocks: number[];
}

function isBlank(s: string): boolean {
  for (let c = 0; c < s.length; c++) if (!isSpaceCode(s.charCodeAt(c))) return false;
  return true;
}

/** The live, non-blank lines with their gaps, blocks and neighbouring rule removals. */
function scanLines(lines: readonly CleanLine[]): Scan {
  const scan: Scan = { live: [], blankBefore: [], ruleNear: [], blocks: [] };
  let gap = true;
  let removedSince = false;
  let block = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.removedBy) {
      removedSince = true;
      gap = true;
      continue;
    }
    if (isBlank(l.text)) {
      gap = true;
      continue;
    }
    if (gap) block++;
    scan.live.push(lineStats(i, l.text));
    scan.blankBefore.push(gap);
    scan.ruleNear.push(removedSince);
    scan.blocks.push(block);
    gap = false;
    removedSince = false;
  }
  const { live, ruleNear } = scan;
  for (let k = 0; k < live.length; k++) {
    const next = k + 1 < live.length ? live[k + 1].index : lines.length;
    for (let i = live[k].index + 1; i < next; i++) if (lines[i].removedBy) ruleNear[k] = true;
  }
  return scan;
}

interface BlockSummary {
  lines: number;
  meanLogWords: number;
  shortShare: number;
  sentenceShare: number;
  first: number;
}

function blockSummaries(live: LineStats[], blocks: number[]): Map<number, BlockSummary> {
  const out = new Map<number, BlockSummary>();
  live.forEach((s, k) => {
    let b = out.get(blocks[k]);
    if (!b)
      out.set(blocks[k], (b = { lines: 0, meanLogWords: 0, shortShare: 0, sentenceShare: 0, first: k }));
    b.lines++;
    b.meanLogWords += log1p(s.words);
    b.shortShare += s.short ? 1 : 0;
    b.sentenceShare += s.endsSentence ? 1 : 0;
  });
  for (const b of out.values()) {
    b.meanLogWords /= b.lines;
    b.shortShare /= b.lines;
    b.sentenceShare /= b.lines;
  }
  return out;
}

/** The page's function words: its most frequent words in prose lines (any language). */
function pageStopwords(live: LineStats[]): Set<string> {
  const freq = new Map<string, number>();
  for (const s of live) if (s.prose) for (const w of s.lower) freq.set(w, (freq.get(w) ?? 0) + 1);
  return new Set(
    [...freq.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, PAGE_STOPWORDS)
      .map(([w]) => w),
  );
}

/** Distance (in lines) to the nearest prose line before / after each line (50: none). */
function proseDistances(live: LineStats[]): { prev: number[]; next: number[] } {
  const n = live.length;
  const prev = new Array<number>(n);
  const next = new Array<number>(n);
  for (let k = 0, last = -1; k < n; k++) {
    prev[k] = last < 0 ? 50 : k - last;
    if (live[k].prose) last = k;
  }
  for (let k = n - 1, last = -1; k >= 0; k--) {
    next[k] = last < 0 ? 50 : last - k;
    if (live[k].prose) last = k;
  }
  return { prev, next };
}

/** Share of prose words among all words in the lines within `radius` of k (k itself excluded), and their sum. */
function windowProse(live: LineStats[], k: number, radius: number): { share: number; prose: number } {
  let prose = 0;
  let all = 0;
  for (let d = -radius; d <= radius; d++)
    if (d && k + d >= 0 && k + d < live.length) {
      prose += live[k + d].proseWords;
      all += live[k + d].words;
    }
  return { share: all ? prose / all : 0, prose };
}

/**
 * First-pass features of every live, non-blank line. `lines` are the article's lines after the rules ran
 * (a removed line is skipped but counts as a gap and as "rule furniture nearby").
 */
export function pageFeatures(lines: readonly CleanLine[]): PageLines {
  const { live, blankBefore, ruleNear, blocks } = scanLines(lines);
  const n = live.length;
  const stop = pageStopwords(live);
  // The main run tolerates short lines between paragraphs; the core run (where the article's own prose
  // is densest) does not.
  const run = mainRun(live.map((s) => (s.prose ? Math.min(s.words, 60) : s.short ? -3 : -1)));
  const core = mainRun(live.map((s) => (s.prose ? Math.min(s.words, 60) : s.short ? -12 : -6)));
  // The article's vocabulary: content words of the prose lines in the core run.
  const vocab = new Map<string, number>();
  for (let k = core[0]; k <= core[1]; k++)
    if (live[k].prose) for (const w of live[k].lower) if (!stop.has(w)) vocab.set(w, (vocab.get(w) ?? 0) + 1);
  const normCount = new Map<string, number>();
  for (const s of live) if (s.norm) normCount.set(s.norm, (normCount.get(s.norm) ?? 0) + 1);
  const blockOf = blockSummaries(live, blocks);
  const near = proseDistances(live);
  const totalChars = live.reduce((a, s) => a + s.chars, 0) || 1;
  const totalProse = live.reduce((a, s) => a + s.proseWords, 0) || 1;
  const proseShare = n ? live.filter((s) => s.prose).length / n : 0;
  let charsBefore = 0;
  let proseBefore = 0;
  const features: Float64Array[] = [];
  for (let k = 0; k < n; k++) {
    const s = live[k];
    // How much of the line's vocabulary the rest of the article's prose uses (its own words do not count).
    const own = s.prose && inRun(k, core) ? 1 : 0;
    let stopHits = 0;
    let contentWords = 0;
    let shared = 0;
    let strong = 0;
    for (const w of s.lower) {
      if (stop.has(w)) stopHits++;
      else {
        contentWords++;
        const c = (vocab.get(w) ?? 0) - own;
        if (c > 0) shared++;
        if (c > 1) strong++;
      }
    }
    const b = blockOf.get(blocks[k])!;
    const prev = k > 0 ? live[k - 1] : null;
    const next = k + 1 < n ? live[k + 1] : null;
    const nTok = s.lower.length;
    const f = Float64Array.from([
      ...s.shape,
      nTok ? stopHits / nTok : 0,
      contentWords ? shared / contentWords : 0,
      contentWords ? 1 : 0,
      inRun(k, run),
      log1p(distTo(k, run)),
      inRun(k, core),
      log1p(distTo(k, core)),
      n > 1 ? k / (n - 1) : 0,
      charsBefore / totalChars,
      blankBefore[k] ? 1 : 0,
      k + 1 < n ? (blankBefore[k + 1] ? 1 : 0) : 1,
      ruleNear[k] ? 1 : 0,
      log1p(b.lines),
      b.meanLogWords,
      b.shortShare,
      b.sentenceShare,
      log1p(k - b.first),
      s.norm && (normCount.get(s.norm) ?? 0) > 1 ? 1 : 0,
      prev ? log1p(prev.words) : 0,
      next ? log1p(next.words) : 0,
      prev?.endsSentence ? 1 : 0,
      next?.endsSentence ? 1 : 0,
      log1p(n),
      proseShare,
      s.furniture,
      s.dateLine ? 1 : 0,
      log1p(near.prev[k]),
      log1p(near.next[k]),
      windowProse(live, k, 3).share,
      log1p(windowProse(live, k, 10).prose),
      proseBefore / totalProse,
      s.prose ? 1 : 0,
      contentWords ? strong / contentWords : 0,
      prev && /[:：]$/.test(prev.text) ? 1 : 0,
      prev?.dateLine ? 1 : 0,
      next?.dateLine ? 1 : 0,
      prev ? prev.furniture : 0,
      next ? next.furniture : 0,
    ]);
    features.push(f);
    charsBefore += s.chars;
    proseBefore += s.proseWords;
  }
  return { indices: live.map((s) => s.index), features, blocks, words: live.map((s) => s.words) };
}

/** Second-pass vectors: each first-pass vector followed by its neighbours' first-pass probabilities. */
export function contextFeatures(page: PageLines, p1: number[]): Float64Array[] {
  const words = page.words;
  const n = p1.length;
  const at = (k: number) => (k >= 0 && k < n ? p1[k] : 0);
  const blockSum = new Map<number, { sum: number; count: number }>();
  page.blocks.forEach((b, k) => {
    const e = blockSum.get(b) ?? { sum: 0, count: 0 };
    e.sum += p1[k];
    e.count++;
    blockSum.set(b, e);
  });
  const run = mainRun(p1.map((p, k) => (p - 0.5) * Math.min(60, 1 + words[k])));
  return page.features.map((f, k) => {
    const out = new Float64Array(f.length + CONTEXT_FEATURES.length);
    out.set(f);
    const b = blockSum.get(page.blocks[k])!;
    let w = 0;
    let wn = 0;
    for (let d = -3; d <= 3; d++)
      if (d !== 0 && k + d >= 0 && k + d < n) {
        w += p1[k + d];
        wn++;
      }
    let j = f.length;
    out[j++] = p1[k];
    out[j++] = at(k - 1);
    out[j++] = at(k - 2);
    out[j++] = at(k + 1);
    out[j++] = at(k + 2);
    out[j++] = b.count > 1 ? (b.sum - p1[k]) / (b.count - 1) : -1;
    out[j++] = wn ? w / wn : 0;
    out[j++] = k >= run[0] && k <= run[1] ? 1 : 0;
    out[j++] = log1p(distTo(k, run));
    return out;
  });
}
