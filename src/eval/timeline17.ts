/**
 * The Timeline17 timeline-summarisation protocol (Tran et al. 2013; tilse / news-tls convention):
 *  - source folders are merged by topic prefix (bpoil_bbc, bpoil_guardian, ... → bpoil): 9 topics;
 *  - one task per reference timeline (19): the topic's articles restricted to the reference's first..last
 *    date, the topic's keywords (keywords.json) as the query;
 *  - the system outputs as many dates as the reference has, and k sentences per date with k = the average
 *    sentences per reference date, rounded as news-tls rounds it (Python's round: half to even; the
 *    protocol of the published DATEWISE and SUnSET figures) or floored (tilse's rule), at least 1;
 *  - scores: tilse's align_date_content_costs_many_to_one with ROUGE-1/2 (AR-1, AR-2), date F1, plus
 *    concat and agreement; precision and recall are averaged over tasks and F1 is taken of the averages.
 * Each topic is analysed once (the same pipeline as `chronicle timeline`) and reused for its timelines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Analysis, type Article, type Timeline, type TimelineOptions } from '../model.js';
import { readTimeline17Dir } from '../ingest/timeline17.js';
import {
  averagePRF,
  readTilseTimelineText,
  scoreTimeline,
  type TilseTimeline,
  type TimelineScores,
} from './tilse.js';
import type { PRF } from './rouge.js';

export interface Timeline17Task {
  topic: string;
  /** Source folder holding the reference (e.g. bpoil_bbc). */
  folder: string;
  /** Reference file name (e.g. bbc.txt). */
  timeline: string;
  path: string;
  reference: TilseTimeline;
  warnings: string[];
}

export interface Timeline17Topic {
  name: string;
  folders: string[];
  keywords: string[];
  tasks: Timeline17Task[];
}

/** Topic of a source folder: its name up to the first underscore. */
export function topicOf(folder: string): string {
  const i = folder.indexOf('_');
  return i > 0 ? folder.slice(0, i) : folder;
}

/**
 * Find the topics and tasks under a Timeline17 root. Layout problems are errors naming the path;
 * a reference that cannot be read is reported in `errors` and its task skipped.
 */
export function readTimeline17Layout(root: string): { topics: Timeline17Topic[]; errors: InputError[] } {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new InputError(root, 'not a directory');
  const errors: InputError[] = [];
  const topics = new Map<string, Timeline17Topic>();
  const folders = readdirSync(root)
    .filter((f) => statSync(join(root, f)).isDirectory())
    .sort();
  for (const folder of folders) {
    const dir = join(root, folder);
    if (!existsSync(join(dir, 'InputDocs'))) {
      errors.push(new InputError(dir, 'no InputDocs/ folder: not a Timeline17 topic folder; skipped'));
      continue;
    }
    const name = topicOf(folder);
    let topic = topics.get(name);
    if (!topic) {
      topic = { name, folders: [], keywords: [], tasks: [] };
      topics.set(name, topic);
    }
    topic.folders.push(folder);
    const kw = join(dir, 'keywords.json');
    if (existsSync(kw)) {
      try {
        const list = JSON.parse(readFileSync(kw, 'utf8')) as unknown;
        if (!Array.isArray(list)) throw new Error('expected a JSON array of strings');
        for (const k of list)
          if (typeof k === 'string' && !topic.keywords.includes(k)) topic.keywords.push(k);
      } catch (e) {
        errors.push(new InputError(kw, (e as Error).message));
      }
    }
    const tlDir = join(dir, 'timelines');
    if (!existsSync(tlDir)) continue;
    for (const file of readdirSync(tlDir).sort()) {
      const path = join(tlDir, file);
      try {
        const { timeline, warnings } = readTilseTimelineText(readFileSync(path, 'utf8'), path);
        if (timeline.size === 0) throw new InputError(path, 'empty reference timeline');
        topic.tasks.push({ topic: name, folder, timeline: file, path, reference: timeline, warnings });
      } catch (e) {
        errors.push(e instanceof InputError ? e : new InputError(path, (e as Error).message));
      }
    }
  }
  const list = [...topics.values()];
  if (!list.length)
    throw new InputError(
      root,
      'no Timeline17 topic folders (<topic>_<source>/InputDocs/<YYYY-MM-DD>/...) found',
    );
  return { topics: list, errors };
}

/** All articles of a topic (every source folder), in path order. */
export function readTopicArticles(
  root: string,
  topic: Timeline17Topic,
  onError: (e: InputError) => void,
): Article[] {
  return topic.folders.flatMap((f) => readTimeline17Dir(join(root, f), onError).articles);
}

/** How k (sentences per date) is derived from the reference's average: news-tls rounds, tilse floors. */
export type KRule = 'round' | 'floor';
export const K_RULES: readonly KRule[] = ['round', 'floor'];

/** Python 3's round() of a non-negative number: to the nearest integer, halves to the even neighbour. */
export function pythonRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** k of a reference timeline under a rule: its average sentences per date, rounded or floored, at least 1. */
export function sentencesPerDate(reference: TilseTimeline, rule: KRule): number {
  let sentences = 0;
  for (const s of reference.values()) sentences += s.length;
  const avg = sentences / reference.size;
  return Math.max(1, rule === 'round' ? pythonRound(avg) : Math.floor(avg));
}

/** The options a task gives the timeline strategy. */
export function taskOptions(
  task: Timeline17Task,
  keywords: string[],
  rule: KRule = 'round',
): TimelineOptions {
  const dates = [...task.reference.keys()].sort();
  return {
    dates: dates.length,
    sentences: sentencesPerDate(task.reference, rule),
    query: keywords,
    from: dates[0],
    to: dates[dates.length - 1],
  };
}

/** A predicted timeline in tilse's form (date → summary sentences). */
export function toTilse(t: Timeline): TilseTimeline {
  const out: TilseTimeline = new Map();
  for (const e of t.entries)
    out.set(
      e.date,
      e.summary.map((s) => s.replace(/\s+/g, ' ').trim()),
    );
  return out;
}

export interface TaskResult {
  topic: string;
  folder: string;
  timeline: string;
  scores: TimelineScores;
  predicted: TilseTimeline;
  articlesInRange: number;
}

export interface Timeline17Summary {
  tasks: TaskResult[];
  mean: { ar1: PRF; ar2: PRF; date: PRF; concat1: PRF; concat2: PRF; agreement1: PRF; agreement2: PRF };
}

/** Score one task's predicted timeline. */
export function scoreTask(
  task: Timeline17Task,
  predicted: Timeline,
  analysis: Analysis,
  opts: TimelineOptions,
): TaskResult {
  const pred = toTilse(predicted);
  const inRange = analysis.articles.filter(
    (a) => a.publishedAt && a.publishedAt >= opts.from! && a.publishedAt <= opts.to!,
  ).length;
  return {
    topic: task.topic,
    folder: task.folder,
    timeline: task.timeline,
    scores: scoreTimeline(pred, [task.reference]),
    predicted: pred,
    articlesInRange: inRange,
  };
}

export function summarise(tasks: TaskResult[]): Timeline17Summary {
  return { tasks, mean: meanScores(tasks) };
}

/** The mean of each reported metric over tasks' scores. */
export function meanScores(tasks: readonly { scores: TimelineScores }[]): Timeline17Summary['mean'] {
  const avg = (f: (s: TimelineScores) => PRF) => averagePRF(tasks.map((t) => f(t.scores)));
  return {
    ar1: avg((s) => s.alignM1.rouge1),
    ar2: avg((s) => s.alignM1.rouge2),
    date: avg((s) => s.date),
    concat1: avg((s) => s.concat.rouge1),
    concat2: avg((s) => s.concat.rouge2),
    agreement1: avg((s) => s.agreement.rouge1),
    agreement2: avg((s) => s.agreement.rouge2),
  };
}
