/**
 * Training the timeline method's models on Timeline17 tasks. Labels come from the tasks' reference
 * timelines only: a candidate day is positive when the reference has it; a candidate sentence of a
 * reference day is worth its ROUGE-1 F1 + ROUGE-2 F1 (ROUGE-1.5.5 counting, src/eval/rouge.ts) against the
 * reference summary of that day. Features are the method's own (src/timeline/features.ts), computed from the
 * task's articles exactly as when a timeline is built. Used by `scripts/train-tls.ts` (the shipped models,
 * all topics) and by the leave-one-topic-out search (src/eval/tls-search.ts: only the training topics).
 */
import type { Analysis, Sentence, TimelineOptions } from '../model.js';
import { buildContext, type TimelineContext } from '../timeline/context.js';
import { DATE_FEATURES, SENTENCE_FEATURES, dateFeatures, dayCandidates } from '../timeline/features.js';
import { fitListwise } from '../timeline/learn.js';
import type { LinearModel, TimelineModels } from '../timeline/models.js';
import type { TimelineParams } from '../timeline/params.js';
import { prepareSummary, rougeNCounts, f1, type PreparedSummary } from './rouge.js';
import type { Timeline17Task } from './timeline17.js';

/** One Timeline17 task, analysed and restricted to its reference's span. */
export interface TlsTask {
  /** Position in the benchmark's task list. */
  index: number;
  topic: string;
  task: Timeline17Task;
  keywords: string[];
  /** The topic's analysis restricted to articles published in the reference's first..last date. */
  analysis: Analysis;
  /** Contexts by the parameters that shape them (see contextFor). */
  contexts: Map<string, TimelineContext>;
  /** Training rows by the parameters that shape the features. */
  training: Map<string, DateTraining | SentenceTraining>;
}

export function makeTask(
  index: number,
  topic: string,
  task: Timeline17Task,
  keywords: string[],
  analysis: Analysis,
): TlsTask {
  const days = [...task.reference.keys()].sort();
  const from = days[0]!;
  const to = days[days.length - 1]!;
  return {
    index,
    topic,
    task,
    keywords,
    analysis: {
      ...analysis,
      articles: analysis.articles.filter(
        (a) => a.publishedAt !== null && a.publishedAt >= from && a.publishedAt <= to,
      ),
    },
    contexts: new Map(),
    training: new Map(),
  };
}

/** The options of the task that shape a context (the query and span; dates and k are given later). */
export function spanOptions(t: TlsTask): TimelineOptions {
  const days = [...t.task.reference.keys()].sort();
  return { query: t.keywords, from: days[0], to: days[days.length - 1] };
}

/** Only these parameters shape a context; a context for other values of the rest is a shallow copy. */
export const contextKey = (p: Readonly<TimelineParams>) => `${p.offQueryWeight}`;
/** ...these the day feature rows... */
export const dateFeatureKey = (p: Readonly<TimelineParams>) => `${contextKey(p)} ${p.laterAfterDays}`;
/** ...and these the sentence feature rows. */
export const featureKey = (p: Readonly<TimelineParams>) =>
  `${contextKey(p)} ${p.leadSentences} ${p.minWords} ${p.maxWords} ${p.eventSimilarity}`;

/** The task's context under the parameters (built once per context-shaping values, then shared). */
export function contextFor(t: TlsTask, params: Readonly<TimelineParams>): TimelineContext {
  const key = contextKey(params);
  let base = t.contexts.get(key);
  if (!base) {
    base = buildContext(t.analysis, spanOptions(t), params);
    t.contexts.set(key, base);
  }
  return base.params === params ? base : { ...base, params };
}

export interface DateTraining {
  rows: Float64Array[];
  /** 1 when the reference has the day. */
  labels: number[];
}

export interface SentenceTraining {
  rows: Float64Array[];
  targets: number[];
  /** The reference day of each row (index into this task's reference days). */
  days: number[];
}

const preparedSentences = new WeakMap<Sentence, PreparedSummary>();
function preparedSentence(s: Sentence): PreparedSummary {
  let p = preparedSentences.get(s);
  if (!p) preparedSentences.set(s, (p = prepareSummary([s.text.replace(/\s+/g, ' ').trim()])));
  return p;
}

/** ROUGE-1 F1 + ROUGE-2 F1 of a sentence against a reference summary. */
function sentenceTarget(s: Sentence, ref: PreparedSummary): number {
  const peer = preparedSentence(s);
  let sum = 0;
  for (const n of [1, 2]) {
    const c = rougeNCounts(peer, [ref], n);
    sum += f1(c.peer ? c.hit / c.peer : 0, c.model ? c.hit / c.model : 0);
  }
  return sum;
}

/** A task's day rows and labels under the parameters (memoised on the task). */
export function dateTraining(t: TlsTask, params: Readonly<TimelineParams>): DateTraining {
  const key = `date ${dateFeatureKey(params)}`;
  let tr = t.training.get(key) as DateTraining | undefined;
  if (!tr) {
    const df = dateFeatures(contextFor(t, params));
    tr = { rows: df.rows, labels: df.days.map((d) => (t.task.reference.has(d) ? 1 : 0)) };
    t.training.set(key, tr);
  }
  return tr;
}

/** A task's candidate rows of its reference days, with their targets (memoised on the task). */
export function sentenceTraining(t: TlsTask, params: Readonly<TimelineParams>): SentenceTraining {
  const key = `sentence ${featureKey(params)}`;
  const tr = t.training.get(key) as SentenceTraining | undefined;
  if (tr) return tr;
  const ctx = contextFor(t, params);
  const ref = t.task.reference;
  const out: SentenceTraining = { rows: [], targets: [], days: [] };
  [...ref.keys()].sort().forEach((day, di) => {
    const dc = dayCandidates(ctx, day);
    if (!dc.candidates.length) return;
    const summary = prepareSummary(ref.get(day)!);
    dc.candidates.forEach((c, i) => {
      out.rows.push(dc.rows[i]!);
      out.targets.push(sentenceTarget(c.unit.sentence, summary));
      out.days.push(di);
    });
  });
  t.training.set(key, out);
  return out;
}

/**
 * Date labels are 0/1: at this temperature the target distribution of a task is uniform over its reference
 * days (the model learns to put its probability mass on them: a conditional logit over the task's days).
 */
const DATE_TEMPERATURE = 0.01;

/** The date model trained on the tasks (depends on the context parameters and dateL2 only). */
export function trainDateModel(tasks: readonly TlsTask[], params: Readonly<TimelineParams>): LinearModel {
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const groups: number[] = [];
  for (const t of tasks) {
    const tr = dateTraining(t, params);
    for (let i = 0; i < tr.rows.length; i++) {
      rows.push(tr.rows[i]!);
      labels.push(tr.labels[i]!);
      groups.push(t.index);
    }
  }
  return fitListwise(DATE_FEATURES, rows, labels, groups, params.dateL2, DATE_TEMPERATURE);
}

/** The sentence model trained on the tasks (depends on the feature parameters, sentenceL2, the temperature). */
export function trainSentenceModel(tasks: readonly TlsTask[], params: Readonly<TimelineParams>): LinearModel {
  const rows: Float64Array[] = [];
  const targets: number[] = [];
  const groups: number[] = [];
  let group = 0;
  for (const t of tasks) {
    const tr = sentenceTraining(t, params);
    for (let i = 0; i < tr.rows.length; i++) {
      rows.push(tr.rows[i]!);
      targets.push(tr.targets[i]!);
      groups.push(group + tr.days[i]!);
    }
    group += t.task.reference.size;
  }
  return fitListwise(SENTENCE_FEATURES, rows, targets, groups, params.sentenceL2, params.sentenceTemperature);
}

/** Train both models on the tasks under the parameters (deterministic: same tasks, same bytes). */
export function trainModels(
  tasks: readonly TlsTask[],
  params: Readonly<TimelineParams>,
  meta?: Record<string, unknown>,
): TimelineModels {
  return {
    format: 1,
    date: trainDateModel(tasks, params),
    sentence: trainSentenceModel(tasks, params),
    ...(meta ? { meta } : {}),
  };
}
