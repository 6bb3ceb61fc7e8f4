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
import { isPostgresUrl, redactUrl, SqliteStore } from '../../store/index.js';
import { DEFAULT_BATCH_SIZE } from '../../queue/index.js';
import { clusteringScores } from '../../eval/clustering.js';
import { seededRandom, shuffleInPlace } from '../../util/random.js';
import { formatOption, intOption, parse, UsageError, type Command } from '../common.js';
import { conditionsText } from './conditions.js';
import { clusterThroughQueue, type QueueRun } from './stories-queue.js';

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
  --db postgres://...    run through the PostgreSQL job queue instead (issue 18): the batches (--batch, default
                         ${DEFAULT_BATCH_SIZE}; --order, --seed) are queued in a scratch schema of this database
                         (dropped afterwards), \`chronicle worker\` processes take them and commit them in the
                         order they finish, and the stories are read back from the store. With --analyze the
                         workers analyse each batch; without, they store the text only
  --workers N            with --db: worker processes draining the queue at once (default 1)
  --format text|json     (default text)
`;

/** A seeded Fisher-Yates shuffle of a copy of `items`. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  return shuffleInPlace([...items], seededRandom(seed));
}

/** How batches are cut: in publication-day order, or from a seeded shuffle of the articles. */
export type ArrivalOrder = { order: 'day' } | { order: 'shuffled'; seed: number };

/**
 * Cut `articles` into batches: `batch` articles each, in clustering order (publication day, then content) or
 * shuffled with a seed; or one batch per publication day.
 */
export function cutBatches(
  articles: Article[],
  batch: number | 'day',
  arrival: ArrivalOrder = { order: 'day' },
): Article[][] {
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
  return batches;
}

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
  return storeBatches(cutBatches(articles, batch, arrival), params);
}

/** Ingest `batches` in this order into a fresh in-memory store; return article id -> story id as it assigned them. */
export async function storeBatches(
  batches: Article[][],
  params: StoryParams = STORY_PARAMS,
): Promise<Map<string, string>> {
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

/** How the articles are clustered: in one go, through an in-memory store in batches, or through the queue. */
interface RunMode {
  params: StoryParams;
  batch?: number | 'day';
  arrival: ArrivalOrder;
  queue?: { url: string; workers: number };
}

/** The options that choose the run mode, checked. */
function runMode(values: Record<string, string | boolean | undefined>): RunMode {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const params = { ...STORY_PARAMS };
  if (str('threshold') !== undefined) params.threshold = Number(str('threshold'));
  if (str('merge') !== undefined) params.mergeThreshold = Number(str('merge'));
  const db = str('db');
  if (db !== undefined && !isPostgresUrl(db))
    throw new UsageError('--db takes a PostgreSQL URL (postgres://user:password@host/db)');
  const workers = intOption(values.workers, 'workers', 1);
  if (workers !== undefined && db === undefined) throw new UsageError('--workers needs --db postgres://...');
  if (db !== undefined && (str('threshold') !== undefined || str('merge') !== undefined))
    throw new UsageError(
      '--threshold and --merge apply in this process only: not with --db (the workers cluster)',
    );
  let batch: number | 'day' | undefined = db === undefined ? undefined : DEFAULT_BATCH_SIZE;
  const b = str('batch');
  if (b !== undefined) {
    batch = b === 'day' ? 'day' : Number(b);
    if (batch !== 'day' && !(Number.isInteger(batch) && batch > 0))
      throw new UsageError(`--batch: expected a positive number of articles or "day", got ${b}`);
  }
  const order = str('order') ?? 'day';
  if (order !== 'day' && order !== 'shuffled')
    throw new UsageError(`--order must be day or shuffled, got "${order}"`);
  if (order === 'shuffled' && typeof batch !== 'number')
    throw new UsageError('--order shuffled needs --batch N (a number of articles per batch)');
  const seed = str('seed') === undefined ? 1 : Number(str('seed'));
  if (!Number.isInteger(seed)) throw new UsageError(`--seed: expected an integer, got ${str('seed')}`);
  if (str('seed') !== undefined && order !== 'shuffled')
    throw new UsageError('--seed applies to --order shuffled only');
  const arrival: ArrivalOrder = order === 'shuffled' ? { order, seed } : { order: 'day' };
  return { params, batch, arrival, ...(db !== undefined && { queue: { url: db, workers: workers ?? 1 } }) };
}

/** How the run was made, for the text output's header line. */
function modeText(mode: RunMode, run: QueueRun | null): string {
  if (mode.batch === undefined) return '(one batch)';
  const a = mode.arrival;
  const batches = `${mode.batch === 'day' ? 'one per day' : `${mode.batch}${a.order === 'shuffled' ? `, shuffled, seed ${a.seed}` : ''}`}`;
  if (!run) return `(store, batches: ${batches})`;
  return `(queue: ${run.workers} worker${run.workers === 1 ? '' : 's'}, batches: ${batches})`;
}

/** The conditions of a queue run. */
function queueConditions(mode: RunMode, run: QueueRun, analyzed: boolean): string[] {
  return [
    `through the PostgreSQL job queue (${redactUrl(mode.queue!.url)}, a scratch schema dropped afterwards): ` +
      `${run.batches} batches queued in ${mode.arrival.order === 'day' ? 'publication-day' : 'shuffled'} order, ` +
      `taken by ${run.workers} \`chronicle worker\` process${run.workers === 1 ? '' : 'es'} and committed in the ` +
      `order they finished (${run.committedLate} batch${run.committedLate === 1 ? '' : 'es'} after one queued later); ` +
      'stories read back from the store',
    analyzed
      ? 'the workers analysed each batch (entities found per batch, then linked to stored ones at commit)'
      : 'text only: the workers stored the articles unanalysed',
  ];
}

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
      db: { type: 'string' },
      workers: { type: 'string' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const dir = positionals[0];
    if (!dir) throw new UsageError('give the Timeline17 directory (e.g. ../shared/datasets/timeline17)');
    const mode = runMode(values);
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
    const analyzed = Boolean(values.analyze);
    // Through the queue, the workers analyse (as `chronicle worker` does); else this process does.
    if (analyzed && !mode.queue) runPipeline(articles);
    else if (!analyzed) for (const a of articles) a.mentions = [];
    const { params, batch, arrival } = mode;
    const t1 = performance.now();
    let run: QueueRun | null = null;
    let assigned: Map<string, string>;
    if (mode.queue) {
      const r = await clusterThroughQueue(cutBatches(articles, batch!, arrival), {
        ...mode.queue,
        analyze: analyzed,
      });
      ({ assigned, run } = r);
    } else
      assigned =
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
    const conditions = run ? [...CONDITIONS, ...queueConditions(mode, run, analyzed)] : CONDITIONS;
    const result = {
      dataset: dir,
      ...scores,
      threshold: params.threshold,
      mergeThreshold: params.mergeThreshold,
      batch: batch ?? null,
      order: batch === undefined ? null : arrival.order,
      seed: arrival.order === 'shuffled' ? arrival.seed : null,
      analyzed,
      queue: run,
      conditions,
      clusterSeconds,
      seconds,
    };
    if (format === 'json') io.stdout(JSON.stringify(result) + '\n');
    else {
      const p = (x: number) => x.toFixed(4);
      const lock = run
        ? `\nworkers         ${run.workerSeconds.toFixed(2)} s (write lock held ${run.lockedSeconds.toFixed(2)} s, waited ${run.lockWaitSeconds.toFixed(2)} s${run.workerCpuSeconds === null ? '' : `; CPU ${run.workerCpuSeconds.toFixed(2)} s`})`
        : '';
      io.stdout(
        [
          `Story clustering on ${dir}`,
          `articles ${scores.items}   topics ${scores.classes}   stories ${scores.clusters}   threshold ${params.threshold}${analyzed ? '   (with entities)' : '   (text only)'}   ${modeText(mode, run)}`,
          `purity          ${p(scores.purity)}`,
          `inverse purity  ${p(scores.inversePurity)}`,
          `B-cubed P       ${p(scores.bcubedPrecision)}`,
          `B-cubed R       ${p(scores.bcubedRecall)}`,
          `B-cubed F1      ${p(scores.bcubedF1)}`,
          `seconds         ${seconds.toFixed(2)} (clustering ${clusterSeconds.toFixed(2)})${lock}`,
          '',
        ].join('\n') + conditionsText(conditions),
      );
    }
    return 0;
  },
};
