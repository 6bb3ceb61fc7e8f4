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
import { clusterArticles, STORY_PARAMS } from '../../stories/index.js';
import { clusteringScores } from '../../eval/clustering.js';
import { formatOption, parse, UsageError, type Command } from '../common.js';

const help = `Usage: chronicle eval stories <timeline17-dir> [--format text|json] [--analyze]

Mixes every Timeline17 article (all source folders), clusters them with the story clustering used by
the store (global parameters, see src/stories/cluster.ts) and scores the clusters against the 9 topics
(source folders merged by topic prefix): purity, inverse purity, B-cubed precision/recall/F1, seconds.

Options:
  --analyze              run the analysis pipeline first, so entity mentions count too (slower)
  --threshold X          override the join threshold (for studying the parameter; the default is global)
  --merge X              override the story merge threshold (likewise)
  --format text|json     (default text)
`;

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

export const command: Command = {
  summary: 'story clustering on Timeline17 (purity, inverse purity, B-cubed)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      analyze: { type: 'boolean' },
      threshold: { type: 'string' },
      merge: { type: 'string' },
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
    const t1 = performance.now();
    const assigned = clusterArticles(articles, params);
    const clusterSeconds = (performance.now() - t1) / 1000;
    const scores = clusteringScores(
      articles.map((a) => assigned.get(a.id)!),
      articles.map((a) => topicOf(a.topic!)),
    );
    const seconds = (performance.now() - t0) / 1000;
    const result = {
      dataset: dir,
      ...scores,
      threshold: params.threshold,
      mergeThreshold: params.mergeThreshold,
      analyzed: Boolean(values.analyze),
      clusterSeconds,
      seconds,
    };
    if (format === 'json') io.stdout(JSON.stringify(result) + '\n');
    else {
      const p = (x: number) => x.toFixed(4);
      io.stdout(
        [
          `Story clustering on ${dir}`,
          `articles ${scores.items}   topics ${scores.classes}   stories ${scores.clusters}   threshold ${params.threshold}${values.analyze ? '   (with entities)' : '   (text only)'}`,
          `purity          ${p(scores.purity)}`,
          `inverse purity  ${p(scores.inversePurity)}`,
          `B-cubed P       ${p(scores.bcubedPrecision)}`,
          `B-cubed R       ${p(scores.bcubedRecall)}`,
          `B-cubed F1      ${p(scores.bcubedF1)}`,
          `seconds         ${seconds.toFixed(2)} (clustering ${clusterSeconds.toFixed(2)})`,
          '',
        ].join('\n'),
      );
    }
    return 0;
  },
};
