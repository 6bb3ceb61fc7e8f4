/**
 * Running the Timeline17 benchmark: tasks topic by topic (one analysis in memory at a time, for the plain
 * benchmark) or all at once (for searches and the leave-one-topic-out estimate), and the in-sample scores of
 * the shipped method. Shared by `chronicle eval tls` and scripts/tls-*.ts, train-tls.ts.
 */
import type { InputError } from '../model.js';
import type { StageName } from '../pipeline.js';
import { shippedModels, type TimelineModels } from '../timeline/models.js';
import { DEFAULT_PARAMS, type TimelineParams } from '../timeline/params.js';
import type { Timeline17Topic } from './timeline17.js';
import { cachedTopicAnalysis } from './tls-prepare.js';
import { makeTask, type TlsTask } from './tls-train.js';

export interface TaskLoading {
  /** Analyses are cached here (a directory outside the repository), when given. */
  cacheDir?: string;
  onError?: (e: InputError) => void;
  onProgress?: (topic: string, stage: StageName, done: number, total: number) => void;
  /** Called after each topic is ready. */
  onTopic?: (topic: string, articles: number, fromCache: boolean) => void;
}

/** The tasks of each topic with tasks, one topic at a time; task indexes run over the whole benchmark. */
export function* topicTasks(
  root: string,
  topics: readonly Timeline17Topic[],
  o: TaskLoading = {},
): Generator<TlsTask[]> {
  let index = 0;
  for (const topic of topics) {
    if (!topic.tasks.length) continue;
    const { analysis, fromCache } = cachedTopicAnalysis(
      root,
      topic,
      o.cacheDir,
      o.onError ?? (() => {}),
      o.onProgress ? (stage, done, total) => o.onProgress!(topic.name, stage, done, total) : undefined,
    );
    o.onTopic?.(topic.name, analysis.articles.length, fromCache);
    yield topic.tasks.map((task) => makeTask(index++, topic.name, task, topic.keywords, analysis));
  }
}

/** Every task of the benchmark, all analyses in memory. */
export function loadTasks(root: string, topics: readonly Timeline17Topic[], o: TaskLoading = {}): TlsTask[] {
  const all: TlsTask[] = [];
  for (const tasks of topicTasks(root, topics, o)) all.push(...tasks);
  return all;
}

/** The shipped method: DEFAULT_PARAMS and the shipped models. */
export function shippedMethod(): { params: Readonly<TimelineParams>; models: TimelineModels } {
  return { params: DEFAULT_PARAMS, models: shippedModels() };
}
