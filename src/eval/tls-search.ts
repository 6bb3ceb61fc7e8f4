/**
 * Choosing the timeline method's parameters on Timeline17 tasks, and the nested leave-one-topic-out
 * (LOTO) estimate that makes the choice honest.
 *
 * The search is coordinate ascent over SEARCH_SPACE from a fixed START (not from the shipped values): each
 * parameter in turn takes the value of its axis that maximises the selection score, ties keep the current
 * value, until a full round changes nothing (at most MAX_ROUNDS). Selection score = AR-1 F1 + AR-2 F1 +
 * Date F1 over the tasks searched on (P and R averaged over tasks, F1 of the averages, as reported). While
 * searching on a set of topics, every task is scored with models trained on the OTHER topics of that set
 * (inner leave-one-topic-out), so the choice sees how well the models transfer, not how well they fit.
 *
 * `searchParams(all topics)` chose the shipped DEFAULT_PARAMS (scripts/train-tls.ts). `nestedLoto` runs the
 * same search once per topic on the other 8 topics, trains the models on those 8 with the values chosen,
 * and scores the held-out topic's tasks: their mean is the held-out figure. Nothing in a fold reads the
 * held-out topic's reference (test/timeline/tls-loto.test.ts checks it with garbled references and with references that throw when read).
 *
 * Costs: contexts, features and training rows are memoised on each task; trained models by (feature
 * parameters, penalties, training topics); scores by (parameters, models, task, k rule).
 */
import { timelineParams, type TimelineParams } from '../timeline/params.js';
import { datewiseEntries } from '../timeline/index.js';
import type { LinearModel, TimelineModels } from '../timeline/models.js';
import type { PRF } from './rouge.js';
import { averagePRF, scoreAlignment, scoreTimeline, type TimelineScores } from './tilse.js';
import { sentencesPerDate, toTilse, type KRule } from './timeline17.js';
import {
  contextFor,
  dateFeatureKey,
  featureKey,
  trainDateModel,
  trainSentenceModel,
  type TlsTask,
} from './tls-train.js';

/** The values each parameter may take in a search (the first is not special; START says where to begin). */
export const SEARCH_SPACE: Readonly<Partial<Record<keyof TimelineParams, readonly number[]>>> = {
  offQueryWeight: [0.1, 0.3, 1],
  laterAfterDays: [1, 3, 7],
  leadSentences: [3, 5, 8],
  minWords: [4, 6, 8],
  maxWords: [40, 60, 100],
  eventSimilarity: [0.4, 0.5, 0.6, 2],
  redundancy: [0.3, 0.4, 0.5, 0.6],
  dateL2: [0.01, 0.03, 0.1, 0.3],
  sentenceL2: [0.001, 0.01, 0.1],
  sentenceTemperature: [0.05, 0.1, 0.2],
};

/** Where every search starts: the middle of each axis, fixed before any search was run. */
export const SEARCH_START: Readonly<Partial<TimelineParams>> = {
  offQueryWeight: 0.3,
  laterAfterDays: 3,
  leadSentences: 5,
  minWords: 6,
  maxWords: 60,
  eventSimilarity: 0.5,
  redundancy: 0.5,
  dateL2: 0.03,
  sentenceL2: 0.01,
  sentenceTemperature: 0.1,
};

export const MAX_ROUNDS = 1;

export interface HeadlineScores {
  ar1: PRF;
  ar2: PRF;
  date: PRF;
}

export interface SearchLog {
  (line: string): void;
}

/** Shared memo of a run: models and scores. */
export class TlsEvaluator {
  private dateModels = new Map<string, LinearModel>();
  private sentenceModels = new Map<string, LinearModel>();
  private scores = new Map<string, HeadlineScores>();
  evaluations = 0;
  trainings = 0;

  constructor(
    readonly tasks: readonly TlsTask[],
    readonly rule: KRule,
  ) {}

  /** Models trained on the tasks of the given topics (each model memoised on what it depends on). */
  modelsFor(topics: readonly string[], params: Readonly<TimelineParams>): TimelineModels {
    const set = new Set(topics);
    const names = [...set].sort().join(',');
    const train = () => this.tasks.filter((t) => set.has(t.topic));
    const dateKey = `${dateFeatureKey(params)} ${params.dateL2} | ${names}`;
    const sentenceKey = `${featureKey(params)} ${params.sentenceL2} ${params.sentenceTemperature} | ${names}`;
    let date = this.dateModels.get(dateKey);
    if (!date) {
      this.dateModels.set(dateKey, (date = trainDateModel(train(), params)));
      this.trainings++;
    }
    let sentence = this.sentenceModels.get(sentenceKey);
    if (!sentence) {
      this.sentenceModels.set(sentenceKey, (sentence = trainSentenceModel(train(), params)));
      this.trainings++;
    }
    return { format: 1, date, sentence };
  }

  /** The task's predicted timeline (tilse form) with the parameters and models. */
  predict(t: TlsTask, params: Readonly<TimelineParams>, models: TimelineModels) {
    const ctx = contextFor(t, params);
    const entries = datewiseEntries(
      ctx,
      models,
      t.task.reference.size,
      sentencesPerDate(t.task.reference, this.rule),
    );
    return toTilse({ entries, entities: [], quotes: [] });
  }

  /** Headline scores of a task with the parameters and models trained on `trainTopics` (memoised). */
  score(t: TlsTask, params: Readonly<TimelineParams>, trainTopics: readonly string[]): HeadlineScores {
    const key = `${JSON.stringify(params)} | ${[...trainTopics].sort().join(',')} | ${t.index}`;
    let s = this.scores.get(key);
    if (!s) {
      const pred = this.predict(t, params, this.modelsFor(trainTopics, params));
      const r = scoreAlignment(pred, [t.task.reference]);
      s = { ar1: r.alignM1.rouge1, ar2: r.alignM1.rouge2, date: r.date };
      this.scores.set(key, s);
      this.evaluations++;
    }
    return s;
  }

  /** Full scores (concat and agreement too) of a task, for reports. */
  fullScore(t: TlsTask, params: Readonly<TimelineParams>, models: TimelineModels): TimelineScores {
    return scoreTimeline(this.predict(t, params, models), [t.task.reference]);
  }
}

export function meanHeadline(items: readonly HeadlineScores[]): HeadlineScores {
  return {
    ar1: averagePRF(items.map((s) => s.ar1)),
    ar2: averagePRF(items.map((s) => s.ar2)),
    date: averagePRF(items.map((s) => s.date)),
  };
}

export const selectionScore = (m: HeadlineScores): number => m.ar1.f + m.ar2.f + m.date.f;

/**
 * Coordinate ascent on the tasks of `topics` (each scored with models trained on the other topics of the
 * set). Reads no task outside `topics`.
 */
export function searchParams(
  ev: TlsEvaluator,
  topics: readonly string[],
  log: SearchLog = () => {},
  verbose?: SearchLog,
): { params: Readonly<TimelineParams>; score: number } {
  const set = new Set(topics);
  const tasks = ev.tasks.filter((t) => set.has(t.topic));
  const objective = (p: Readonly<TimelineParams>) =>
    selectionScore(
      meanHeadline(
        tasks.map((t) =>
          ev.score(
            t,
            p,
            topics.filter((x) => x !== t.topic),
          ),
        ),
      ),
    );
  let current = timelineParams(SEARCH_START);
  let best = objective(current);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const [name, values] of Object.entries(SEARCH_SPACE) as [
      keyof TimelineParams,
      readonly number[],
    ][]) {
      let bestValue = current[name];
      for (const v of values) {
        if (v === current[name]) continue;
        const s = objective(timelineParams({ ...current, [name]: v }));
        verbose?.(`    ${name}=${v}: ${s.toFixed(4)}`);
        if (s > best + 1e-12) {
          best = s;
          bestValue = v;
        }
      }
      if (bestValue !== current[name]) {
        current = timelineParams({ ...current, [name]: bestValue });
        changed = true;
        log(`  ${name} = ${bestValue} (selection ${best.toFixed(4)})`);
      }
    }
    if (!changed) break;
  }
  return { params: current, score: best };
}

export interface LotoFold {
  topic: string;
  params: Readonly<TimelineParams>;
  /** Selection score on the 8 training topics (inner leave-one-topic-out). */
  trainScore: number;
  tasks: { task: TlsTask; scores: TimelineScores }[];
}

/**
 * One fold's choice: the parameters searched and the models trained on every topic but `held`. Reads no task
 * of the held-out topic (test/timeline/tls-loto.test.ts runs it with that topic's references made to throw).
 */
export function lotoFold(
  ev: TlsEvaluator,
  held: string,
  log: SearchLog = () => {},
): { params: Readonly<TimelineParams>; score: number; models: TimelineModels; train: string[] } {
  const train = [...new Set(ev.tasks.map((t) => t.topic))].filter((t) => t !== held);
  log(`fold ${held}: searching on ${train.length} topics`);
  const { params, score } = searchParams(ev, train, log);
  return { params, score, models: ev.modelsFor(train, params), train };
}

/** Nested leave-one-topic-out: per topic, search and train on the others, then score the held-out tasks. */
export function nestedLoto(ev: TlsEvaluator, log: SearchLog = () => {}): LotoFold[] {
  const topics = [...new Set(ev.tasks.map((t) => t.topic))];
  const folds: LotoFold[] = [];
  for (const held of topics) {
    const { params, score, models } = lotoFold(ev, held, log);
    // only now, with the choice made, is the held-out topic's reference read (to score it)
    const tasks = ev.tasks
      .filter((t) => t.topic === held)
      .map((task) => ({ task, scores: ev.fullScore(task, params, models) }));
    folds.push({ topic: held, params, trainScore: score, tasks });
  }
  return folds;
}
