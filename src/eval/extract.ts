/**
 * Main-text extraction metrics, following the scrapinghub/article-extraction-benchmark evaluation
 * (evaluate.py): tokens are runs of word characters (Python's \w), shingles are word 4-grams counted as
 * a multiset (a text shorter than 4 tokens is one shorter shingle), each page's TP/FP/FN are normalised
 * to sum to 1, precision is averaged over pages with TP+FP > 0 (so an empty output does not count
 * against precision), recall over pages with TP+FN > 0, and F1 is taken of the two averages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type TpFpFn = [number, number, number];

export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{Nl}_]+/gu) ?? [];
}

function shingles(text: string, n: number): Map<string, number> {
  const tokens = tokenize(text);
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const sh = tokens.slice(i, i + n);
    if (!sh.length) continue;
    const key = sh.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised TP/FP/FN of one page over word-n-gram shingles. */
export function shingleMatch(gold: string, pred: string, n = 4): TpFpFn {
  const g = shingles(gold, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...g.keys(), ...p.keys()])) {
    const gc = g.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(gc, pc);
    fp += Math.max(0, pc - gc);
    fn += Math.max(0, gc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function precisionScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}
function recallScore([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface PRF {
  p: number;
  r: number;
  f: number;
}

export function aggregate(pages: TpFpFn[]): PRF {
  const p = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(precisionScore));
  const r = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(recallScore));
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export interface ExtractionPage {
  id: string;
  /** Path of the (possibly gzipped) HTML file. */
  file: string;
  url: string | null;
  goldBody: string;
}

/** Read a dataset laid out like the article-extraction benchmark: html/<id>.html(.gz) + ground-truth.json. */
export function loadExtractionDataset(dir: string): ExtractionPage[] {
  const gtPath = join(dir, 'ground-truth.json');
  if (!existsSync(gtPath))
    throw new Error(`${gtPath}: not found (expected an article-extraction benchmark folder)`);
  let gt: Record<string, { articleBody?: string; url?: string }>;
  try {
    gt = JSON.parse(readFileSync(gtPath, 'utf8'));
  } catch (e) {
    throw new Error(`${gtPath}: invalid JSON: ${(e as Error).message}`);
  }
  const htmlDir = join(dir, 'html');
  const files = existsSync(htmlDir) ? readdirSync(htmlDir) : [];
  const pages: ExtractionPage[] = [];
  for (const [id, rec] of Object.entries(gt)) {
    const file = files.find((f) => f === `${id}.html.gz` || f === `${id}.html` || f === `${id}.htm`);
    if (!file) throw new Error(`${join(htmlDir, id + '.html.gz')}: missing page for ground-truth id ${id}`);
    pages.push({ id, file: join(htmlDir, file), url: rec.url ?? null, goldBody: rec.articleBody ?? '' });
  }
  return pages.sort((a, b) => a.id.localeCompare(b.id));
}
