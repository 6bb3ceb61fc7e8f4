/**
 * The page-text benchmark (pages copied from news sites with their furniture, gold `articleBody`): the
 * dataset reader, per-line gold labels for training the furniture classifier, and folds grouped by site
 * for cross-validation. Scoring reuses the article-extraction shingle metric (./extract.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, shingleMatch, tokenize, type PRF, type TpFpFn } from './extract.js';
import { applyCleanRules, cleanRules } from '../clean/index.js';
import type { FurnitureModel } from '../clean/furniture/model.js';
import { DEFAULT_TRAIN, trainFurnitureModel, type TrainingPage } from '../clean/furniture/train.js';
import { readTextArticle } from '../ingest/text.js';
import type { Article } from '../model.js';
import { runPipeline, type StageName } from '../pipeline.js';
import { seededRandom, shuffleInPlace } from '../util/random.js';

const STAGES_AFTER_CLEAN: StageName[] = ['sentences', 'timex', 'mentions', 'entities', 'quotes', 'dedup'];

export interface PageTextPage {
  id: string;
  /** Path of pages/<id>.txt. */
  file: string;
  url: string | null;
  /** Registrable domain of the URL (the unit of cross-validation folds). */
  site: string;
  goldBody: string;
}

/**
 * Second-level labels under a country-code TLD that registries sell names under ("example.co.uk",
 * "example.com.br"): the usual public-suffix pattern, enough to group pages by site without shipping the
 * Public Suffix List.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go']);

/** "https://www.news.example.co.uk/a" -> "example.co.uk"; an unparsable URL is its own site. */
export function registrableDomain(url: string | null): string {
  if (!url) return '';
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const n = labels.length;
  const take = labels[n - 1].length === 2 && SECOND_LEVEL.has(labels[n - 2]) ? 3 : 2;
  return labels.slice(n - take).join('.');
}

/** Read a folder laid out like page-text: pages/<id>.txt + ground-truth.json ({id: {articleBody, url}}). */
export function loadPageTextDataset(dir: string): PageTextPage[] {
  const gtPath = join(dir, 'ground-truth.json');
  if (!existsSync(gtPath)) throw new Error(`${gtPath}: not found (expected a page-text benchmark folder)`);
  let gt: Record<string, { articleBody?: string; url?: string }>;
  try {
    gt = JSON.parse(readFileSync(gtPath, 'utf8'));
  } catch (e) {
    throw new Error(`${gtPath}: invalid JSON: ${(e as Error).message}`);
  }
  const pagesDir = join(dir, 'pages');
  const files = new Set(existsSync(pagesDir) ? readdirSync(pagesDir) : []);
  const pages: PageTextPage[] = [];
  for (const [id, rec] of Object.entries(gt)) {
    if (!files.has(`${id}.txt`)) throw new Error(`${join(pagesDir, id + '.txt')}: missing page for id ${id}`);
    const url = rec.url ?? null;
    pages.push({
      id,
      file: join(pagesDir, `${id}.txt`),
      url,
      site: registrableDomain(url) || id,
      goldBody: rec.articleBody ?? '',
    });
  }
  return pages.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Cross-validation folds grouped by site: every page of a site lands in the same fold. Sites are shuffled
 * with the seed, then each goes to the fold with the fewest pages so far (ties: the lowest fold number).
 * Returns the fold number of each page, in the order given.
 */
export function foldsBySite(pages: { site: string }[], k: number, seed: number): number[] {
  const counts = new Map<string, number>();
  for (const p of pages) counts.set(p.site, (counts.get(p.site) ?? 0) + 1);
  const sites = [...counts.keys()].sort();
  shuffleInPlace(sites, seededRandom(seed));
  const size = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const s of sites) {
    let best = 0;
    for (let f = 1; f < k; f++) if (size[f] < size[best]) best = f;
    foldOf.set(s, best);
    size[best] += counts.get(s)!;
  }
  return pages.map((p) => foldOf.get(p.site)!);
}

/** Word n-gram length the labels are matched with (the metric's shingle length). */
const LABEL_SHINGLE = 4;
/** A line is content when at least this share of its tokens is covered by gold shingles. */
export const CONTENT_COVERAGE = 0.5;

/**
 * Per-line gold labels (true = article body) for the given lines of a page. The labelling rule: the
 * page's tokens (the metric's tokens, read across line ends in page order) are covered when some 4-token
 * window holding them is a 4-gram of the gold body; a line is content when at least half of its tokens
 * are covered. Windows span line ends, so a short line ("US FALLS", a subheading) is content only when
 * the body has it between the same words as the page, and a menu word that also occurs in the body is
 * not. Lines without tokens are furniture. When the body has fewer than 4 tokens, its whole token run
 * is the one shingle. Repeats are not counted: every copy of a body passage on the page is content.
 * Also returns the share of each line's tokens that is covered.
 */
export function lineLabels(lines: string[], goldBody: string): { content: boolean[]; coverage: number[] } {
  const gold = tokenize(goldBody);
  const n = Math.min(LABEL_SHINGLE, Math.max(1, gold.length));
  const goldSet = new Set<string>();
  for (let i = 0; i + n <= gold.length; i++) goldSet.add(gold.slice(i, i + n).join('\u0001'));
  const toks: string[] = [];
  const lineOf: number[] = [];
  lines.forEach((l, li) => {
    for (const t of tokenize(l)) {
      toks.push(t);
      lineOf.push(li);
    }
  });
  const covered = new Uint8Array(toks.length);
  for (let i = 0; i + n <= toks.length; i++)
    if (goldSet.has(toks.slice(i, i + n).join('\u0001'))) covered.fill(1, i, i + n);
  const total = new Array<number>(lines.length).fill(0);
  const hit = new Array<number>(lines.length).fill(0);
  for (let i = 0; i < toks.length; i++) {
    total[lineOf[i]]++;
    hit[lineOf[i]] += covered[i];
  }
  const coverage = total.map((t, i) => (t ? hit[i] / t : 0));
  return { content: coverage.map((c) => c >= CONTENT_COVERAGE), coverage };
}

/** The page as `chronicle analyze` reads it: an undated plain-text file. */
export function readPage(page: PageTextPage): Article {
  return readTextArticle(page.file, readFileSync(page.file, 'utf8'));
}

/** The cleaned text of a page (`articles[].text`), with the given furniture model (null: rules only). */
export function cleanPage(page: PageTextPage, furniture?: FurnitureModel | null): string {
  const a = readPage(page);
  runPipeline([a], { disable: STAGES_AFTER_CLEAN, clean: { furniture } });
  return a.text;
}

/** A page as training material: its lines after the rules, with gold labels and token counts. */
export function trainingPage(page: PageTextPage): TrainingPage {
  const a = readPage(page);
  const lines = applyCleanRules(a, cleanRules);
  const texts = lines.map((l) => l.text);
  return {
    lines,
    content: lineLabels(texts, page.goldBody).content,
    group: page.site,
    tokens: texts.map((t) => tokenize(t).length),
  };
}

export interface CleanScores {
  /** Pages scored. */
  pages: number;
  /** The page text as read, nothing removed. */
  raw: PRF;
  /** The named rules alone. */
  rules: PRF;
  /** Rules + the shipped furniture model (trained on this dataset when it is page-text: in-sample). */
  shipped: PRF;
  /** Rules + models trained with the shipped settings on the other folds' sites: held out. */
  cv?: PRF & { folds: number; seed: number };
  /** Per page F1 of the shipped model and of the held-out one (for error analysis). */
  perPage: { id: string; site: string; shipped: TpFpFn; cv?: TpFpFn }[];
  /** The shipped model's cleaned text of each page. */
  outputs: Record<string, string>;
}

export interface CleanEvalOptions {
  /** Also train and score models cross-validated by site with this many folds. */
  cvFolds?: number;
  seed?: number;
  /** The model to score as "shipped" (default: models/clean/). */
  model?: FurnitureModel;
  onProgress?: (what: string, done: number, total: number) => void;
}

/** Score the clean stage on a page-text folder. */
export function evaluateClean(dir: string, opts: CleanEvalOptions = {}): CleanScores {
  const pages = loadPageTextDataset(dir);
  const raw: TpFpFn[] = [];
  const rules: TpFpFn[] = [];
  const shipped: TpFpFn[] = [];
  const outputs: Record<string, string> = {};
  const perPage: CleanScores['perPage'] = [];
  pages.forEach((p, i) => {
    raw.push(shingleMatch(p.goldBody, readPage(p).rawText));
    rules.push(shingleMatch(p.goldBody, cleanPage(p, null)));
    outputs[p.id] = cleanPage(p, opts.model);
    shipped.push(shingleMatch(p.goldBody, outputs[p.id]));
    perPage.push({ id: p.id, site: p.site, shipped: shipped[i] });
    opts.onProgress?.('score', i + 1, pages.length);
  });
  const out: CleanScores = {
    pages: pages.length,
    raw: aggregate(raw),
    rules: aggregate(rules),
    shipped: aggregate(shipped),
    perPage,
    outputs,
  };
  if (opts.cvFolds) {
    const k = opts.cvFolds;
    const seed = opts.seed ?? DEFAULT_TRAIN.seed;
    const folds = foldsBySite(pages, k, seed);
    const training = pages.map(trainingPage);
    for (let f = 0; f < k; f++) {
      const model = trainFurnitureModel(
        training.filter((_, i) => folds[i] !== f),
        { ...DEFAULT_TRAIN, seed },
      );
      pages.forEach((p, i) => {
        if (folds[i] === f) perPage[i].cv = shingleMatch(p.goldBody, cleanPage(p, model));
      });
      opts.onProgress?.('cross-validation', f + 1, k);
    }
    out.cv = { ...aggregate(perPage.map((r) => r.cv!)), folds: k, seed };
  }
  return out;
}
