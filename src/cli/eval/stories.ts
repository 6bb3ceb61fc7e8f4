/**
 * `chronicle eval stories <timeline17-dir>`: mixes all Timeline17 articles, clusters them into stories and
 * scores the clusters against the topics (source folders merged by topic prefix: 9 topics).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../model.js';
import { newArticle } from '../../model.js';
import { readInputs } from '../../ingest/index.js';
import { runPipeline } from '../../pipeline.js';
import { clusterArticles, clusterOrder, STORY_PARAMS, type StoryParams } from '../../stories/index.js';
import { SqliteStore } from '../../store/index.js';
import { clusteringScores } from '../../eval/clustering.js';
import { seededRandom, shuffleInPlace } from '../../util/random.js';
import { formatOption, parse, UsageError, type Command } from '../common.js';
import { conditionsText } from './conditions.js';

const help = `Usage: chronicle eval stories <timeline17-dir> [--format text|json] [--analyze]

Mixes every Timeline17 article (all source folders), clusters them with the story clustering used by
the store (global parameters, see src/stories/params.ts) and scores the clusters against the 9 topics
(source folders merged by topic prefix): purity, inverse purity, B-cubed precision/recall/F1, seconds.

Options:
  --analyze              run the analysis pipeline first, so entity mentions count too (slower)
  --threshold X          override the join threshold (for studying the parameter; the default is global)
  --merge X              override the story merge threshold (likewise)
  --batch N|day          ingest through a temporary store in batches instead of clustering in one go:
                         N articles per batch in publication-day order, or one batch per publication day
                         (the way a newsroom adds articles daily): scores the store's incremental
                         clustering, which should match one batch
  --order day|shuffled   with --batch N: the order articles arrive in, batch after batch: publication day
                         (default) or shuffled (an archive of several stories ingested in arbitrary order;
                         every batch then spans the whole period)
  --seed K               with --order shuffled: the shuffle's seed (an integer, default 1), so a run can be
                         repeated exactly
  --format text|json     (default text)
`;

/** A seeded Fisher-Yates shuffle of a copy of `items`. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  return shuffleInPlace([...items], seededRandom(seed));
}

/** How batches are cut: in publication-day order, or from a seeded shuffle of the articles. */
export type ArrivalOrder = { order: 'day' } | { order: 'shuffled'; seed: number };

/**
 * Ingest `articles` into a fresh in-memory store in batches (`batch` articles each, in publication-day order or
 * shuffled with a seed; or one batch per day) and return article id -> story id as the store assigned them.
 */
export async function clusterThroughStore(
  articles: Article[],
  batch: number | 'day',
  params: StoryParams = STORY_PARAMS,
  arrival: ArrivalOrder = { order: 'day' },
): Promise<Map<string, string>> {
  // The shuffle starts from clusterOrder, so it does not depend on the order inputs were read in.
  const ordered =
    arrival.order === 'shuffled' ? shuffled(clusterOrder(articles), arrival.seed) : clusterOrder(articles);
  const batches: Article[][] = [];
  if (batch === 'day') {
    for (const a of ordered) {
      const last = batches.at(-1);
      if (last && last[0].publishedAt === a.publishedAt) last.push(a);
      else batches.push([a]);
    }
  } else for (let i = 0; i < ordered.length; i += batch) batches.push(ordered.slice(i, i + batch));
  const saved = { ...STORY_PARAMS };
  // The store clusters with the global STORY_PARAMS: study overrides apply for the run only.
  Object.assign(STORY_PARAMS, params);
  try {
    const store = new SqliteStore(':memory:', {
      analyzer: () => {
        throw new Error('eval stories: articles are analysed (or not) before ingest');
      },
    });
    try {
      for (const b of batches) await store.ingest(b, { analyze: 'never', refreshTimelines: false });
      const rows = store.db
        .prepare('SELECT a.id id, s.id story FROM articles a JOIN stories s ON s.rowid = a.story_rowid')
        .all() as { id: string; story: string }[];
      return new Map(rows.map((r) => [r.id, r.story]));
    } finally {
      await store.close();
    }
  } finally {
    Object.assign(STORY_PARAMS, saved);
  }
}

/** Topic of a Timeline17 source folder: its prefix before "_" (bpoil_bbc -> bpoil). */
export function topicOf(folder: string): string {
  return folder.split(/[\\/]/).filter(Boolean).pop()!.split('_')[0];
}

/** Read the Timeline17 layout directly: <dir>/<topic_source>/InputDocs/<YYYY-MM-DD>/<file>. */
export function readTimeline17(dir: string): Article[] {
  const out: Article[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const docs = join(dir, folder, 'InputDocs');
    if (!existsSync(docs) || !statSync(docs).isDirectory()) continue;
    for (const day of readdirSync(docs).sort()) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
      for (const file of readdirSync(join(docs, day)).sort()) {
        const path = join(docs, day, file);
        const text = readFileSync(path, 'utf8');
        out.push(
          newArticle({
            id: `${folder}/${day}/${file}`,
            path,
            rawText: text,
            text,
            publishedAt: day,
            publishedAtEvidence: 'folder',
            topic: folder,
            linesAreSentences: true,
          }),
        );
      }
    }
  }
  return out;
}

/** What the figures are (see conditions.ts). */
const CONDITIONS = [
  "gold clusters are Timeline17's topics (source folders merged by topic); near-duplicates are kept",
  'in-sample: the clustering parameters (thresholds, settle rules) were chosen on Timeline17 itself',
];

export const command: Command = {
  summary: 'story clustering on Timeline17 (purity, inverse purity, B-cubed)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      analyze: { type: 'boolean' },
      threshold: { type: 'string' },
      merge: { type: 'string' },
      batch: { type: 'string' },
      order: { type: 'string' },
      seed: { type: 'string' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const dir = positionals[0];
    if (!dir) throw new UsageError('give the Timeline17 directory (e.g. ../shared/datasets/timeline17)');
    if (!existsSync(dir)) {
      io.stderr(`chronicle eval stories: ${dir}: no such directory (Timeline17 data missing)\n`);
      return 1;
    }
    const t0 = performance.now();
    let articles = (await readInputs([dir])).articles.filter((a) => a.topic);
    if (!articles.length) articles = readTimeline17(dir);
    if (!articles.length) {
      io.stderr(
        `chronicle eval stories: ${dir}: no Timeline17 articles found (expected <topic_source>/InputDocs/<date>/<file>)\n`,
      );
      return 1;
    }
    if (values.analyze) runPipeline(articles);
    else for (const a of articles) a.mentions = [];
    const params = { ...STORY_PARAMS };
    if (values.threshold !== undefined) params.threshold = Number(values.threshold);
    if (values.merge !== undefined) params.mergeThreshold = Number(values.merge);
    let batch: number | 'day' | undefined;
    if (values.batch !== undefined) {
      batch = values.batch === 'day' ? 'day' : Number(values.batch);
      if (batch !== 'day' && !(Number.isInteger(batch) && batch > 0))
        throw new UsageError(`--batch: expected a positive number of articles or "day", got ${values.batch}`);
    }
    const order = values.order ?? 'day';
    if (order !== 'day' && order !== 'shuffled')
      throw new UsageError(`--order must be day or shuffled, got "${order}"`);
    if (order === 'shuffled' && typeof batch !== 'number')
      throw new UsageError('--order shuffled needs --batch N (a number of articles per batch)');
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed: expected an integer, got ${values.seed}`);
    if (values.seed !== undefined && order !== 'shuffled')
      throw new UsageError('--seed applies to --order shuffled only');
    const arrival: ArrivalOrder = order === 'shuffled' ? { order, seed } : { order: 'day' };
    const t1 = performance.now();
    const assigned =
      batch === undefined
        ? clusterArticles(articles, params)
        : await clusterThroughStore(articles, batch, params, arrival);
    const clusterSeconds = (performance.now() - t1) / 1000;
    // The store drops duplicate articles: score the articles it kept.
    const kept = articles.filter((a) => assigned.has(a.id));
    const scores = clusteringScores(
      kept.map((a) => assigned.get(a.id)!),
      kept.map((a) => topicOf(a.topic!)),
    );
    const seconds = (performance.now() - t0) / 1000;
    const result = {
      dataset: dir,
      ...scores,
      threshold: params.threshold,
      mergeThreshold: params.mergeThreshold,
      batch: batch ?? null,
      order: batch === undefined ? null : order,
      seed: order === 'shuffled' ? seed : null,
      analyzed: Boolean(values.analyze),
      conditions: CONDITIONS,
      clusterSeconds,
      seconds,
    };
    if (format === 'json') io.stdout(JSON.stringify(result) + '\n');
    else {
      const p = (x: number) => x.toFixed(4);
      io.stdout(
        [
          `Story clustering on ${dir}`,
          `articles ${scores.items}   topics ${scores.classes}   stories ${scores.clusters}   threshold ${params.threshold}${values.analyze ? '   (with entities)' : '   (text only)'}${batch === undefined ? '   (one batch)' : `   (store, batches: ${batch === 'day' ? 'one per day' : `${batch}${order === 'shuffled' ? `, shuffled, seed ${seed}` : ''}`})`}`,
          `purity          ${p(scores.purity)}`,
          `inverse purity  ${p(scores.inversePurity)}`,
          `B-cubed P       ${p(scores.bcubedPrecision)}`,
          `B-cubed R       ${p(scores.bcubedRecall)}`,
          `B-cubed F1      ${p(scores.bcubedF1)}`,
          `seconds         ${seconds.toFixed(2)} (clustering ${clusterSeconds.toFixed(2)})`,
          '',
        ].join('\n') + conditionsText(CONDITIONS),
      );
    }
    return 0;
  },
};
