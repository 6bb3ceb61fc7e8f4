/** `chronicle eval tls <timeline17-dir>`: the Timeline17 timeline-summarisation benchmark. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../common.js';
import { conditionsText } from './conditions.js';
import { formatOption, parse, progress, UsageError } from '../common.js';
import {
  buildContext,
  buildTimelineFromAnalysis,
  datewiseEntries,
  defaultStrategy,
  shippedModels,
  strategies,
} from '../../timeline/index.js';
import { PARAM_NAMES, DEFAULT_PARAMS, type TimelineParams } from '../../timeline/params.js';
import { formatTilseTimeline, scoreTimeline, type TimelineScores } from '../../eval/tilse.js';
import type { PRF } from '../../eval/rouge.js';
import {
  K_RULES,
  meanScores,
  readTimeline17Layout,
  sentencesPerDate,
  toTilse,
  type KRule,
} from '../../eval/timeline17.js';
import { loadTasks, topicTasks } from '../../eval/tls-run.js';
import { spanOptions, type TlsTask } from '../../eval/tls-train.js';
import { nestedLoto, TlsEvaluator, SEARCH_SPACE, type LotoFold } from '../../eval/tls-search.js';

const help = `Usage: chronicle eval tls <timeline17-dir> [--k round|floor] [--loto] [--cache DIR] [--out DIR]
                          [--format text|json] [--strategy NAME]

Runs the standard Timeline17 protocol from the raw files: topic folders merged by prefix (9 topics),
one task per reference timeline (19), input restricted to the reference's first..last date, as many
dates as the reference, k sentences per date, the topic's keywords.json as the query; the same pipeline
and default method as \`chronicle timeline\` (the entities and quotes stages are skipped: the method's
entries do not use them).

Prints per-task and mean AR-1, AR-2 (tilse align_date_content_costs_many_to_one, ROUGE-1/2), Date-F1,
concat and agreement ROUGE; means average precision and recall over tasks and take F1 of the averages.
The means are printed for both k rules.

The shipped method's parameters and models were chosen and trained on these same tasks, so its figure is
IN-SAMPLE. --loto adds the HELD-OUT figure: nested leave-one-topic-out, where for each topic every
parameter is chosen (src/eval/tls-search.ts) and both models are trained on the other 8 topics only, and
the topic's tasks are scored with those; the mean is over the 19 held-out task results. It analyses all
topics at once and takes a few minutes to an hour on a loaded 2-core machine (--cache makes reruns quick).

Options:
  --k round|floor    k = the reference's average sentences per date, rounded (news-tls, the protocol of the
                     published DATEWISE and SUnSET figures; default) or floored (tilse)
  --loto             also compute the nested leave-one-topic-out (held-out) figure
  --cache DIR        keep topic analyses in DIR (outside the repository) and reuse them (alias --loto-cache)
  --out DIR          write each predicted timeline in tilse's format as <topic_folder>--<timeline file>
  --format text|json (default text)
  --strategy NAME    timeline strategy (default: the default of \`chronicle timeline\`)
  -q, --quiet        no warnings or progress on stderr

A folder that is not a Timeline17 topic, or an unreadable reference timeline, is reported and skipped;
a task with no article in its date range is scored as an empty timeline (0), with a warning.
`;

const f4 = (x: number) => x.toFixed(4);
const prf = (p: PRF) => ({ p: p.p, r: p.r, f: p.f });

/** A scored task (without its articles: a topic's analysis is released once its tasks are scored). */
interface TaskRow {
  task: { index: number; topic: string; task: { folder: string; timeline: string } };
  scores: TimelineScores;
}

const rowOf = (t: TlsTask, scores: TimelineScores): TaskRow => ({
  task: { index: t.index, topic: t.topic, task: { folder: t.task.folder, timeline: t.task.timeline } },
  scores,
});

function taskJson(t: TaskRow) {
  const s = t.scores;
  return {
    topic: t.task.topic,
    folder: t.task.task.folder,
    timeline: t.task.task.timeline,
    ar1: prf(s.alignM1.rouge1),
    ar2: prf(s.alignM1.rouge2),
    date: prf(s.date),
    concat1: prf(s.concat.rouge1),
    concat2: prf(s.concat.rouge2),
    agreement1: prf(s.agreement.rouge1),
    agreement2: prf(s.agreement.rouge2),
  };
}

const meanJson = (m: ReturnType<typeof meanScores>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, prf(v)]));

/** Parameters of a fold that differ from the shipped ones (the searched ones only). */
function paramDiff(p: Readonly<TimelineParams>): string {
  const diff = PARAM_NAMES.filter((k) => k in SEARCH_SPACE && p[k] !== DEFAULT_PARAMS[k]).map(
    (k) => `${k}=${p[k]}`,
  );
  return diff.length ? diff.join(' ') : '(the shipped values)';
}

function table(rows: readonly TaskRow[]): string {
  const cells = rows.map((t) => [
    `${t.task.task.folder}/${t.task.task.timeline}`,
    ...[
      t.scores.alignM1.rouge1,
      t.scores.alignM1.rouge2,
      t.scores.date,
      t.scores.concat.rouge1,
      t.scores.concat.rouge2,
      t.scores.agreement.rouge1,
      t.scores.agreement.rouge2,
    ].map((x) => f4(x.f)),
  ]);
  const head = ['task', 'AR-1 F', 'AR-2 F', 'Date F', 'concat-1', 'concat-2', 'agree-1', 'agree-2'];
  const w0 = Math.max(head[0]!.length, ...cells.map((r) => r[0]!.length));
  const line = (r: string[]) =>
    r[0]!.padEnd(w0) +
    '  ' +
    r
      .slice(1)
      .map((c) => c.padStart(8))
      .join(' ') +
    '\n';
  return line(head) + cells.map(line).join('');
}

function meanLines(m: ReturnType<typeof meanScores>): string {
  let text = '';
  for (const [name, v] of [
    ['AR-1', m.ar1],
    ['AR-2', m.ar2],
    ['Date', m.date],
    ['concat-1', m.concat1],
    ['concat-2', m.concat2],
    ['agreement-1', m.agreement1],
    ['agreement-2', m.agreement2],
  ] as const)
    text += `  ${name.padEnd(12)} P ${f4(v.p)}  R ${f4(v.r)}  F ${f4(v.f)}\n`;
  return text;
}

const headline = (m: ReturnType<typeof meanScores>) =>
  `AR-1 ${f4(m.ar1.f)}  AR-2 ${f4(m.ar2.f)}  Date-F1 ${f4(m.date.f)}`;

/** Everything a run found, for the text and JSON reports. */
interface Report {
  rule: KRule;
  otherRule: KRule;
  results: TaskRow[];
  others: TaskRow[];
  heldOut?: { rows: TaskRow[]; folds: LotoFold[]; evaluations: number; trainings: number };
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  conditions: string[];
}

function reportJson(r: Report): string {
  const h = r.heldOut;
  return (
    JSON.stringify({
      k: r.rule,
      tasks: r.results.map(taskJson),
      mean: meanJson(meanScores(r.results)),
      otherK: { k: r.otherRule, mean: meanJson(meanScores(r.others)) },
      ...(h
        ? {
            heldOut: {
              k: r.rule,
              mean: meanJson(meanScores(h.rows)),
              tasks: h.rows.map(taskJson),
              folds: h.folds.map((f) => ({ topic: f.topic, params: f.params, trainSelection: f.trainScore })),
              evaluations: h.evaluations,
              trainings: h.trainings,
            },
          }
        : {}),
      seconds: Math.round(r.seconds * 10) / 10,
      cpuSeconds: Math.round(r.cpuSeconds * 10) / 10,
      peakRssMb: r.peakMb,
      conditions: r.conditions,
    }) + '\n'
  );
}

function reportText(r: Report): string {
  const h = r.heldOut;
  const mean = meanScores(r.results);
  const otherMean = meanScores(r.others);
  let text = '';
  if (h) text += `HELD OUT (nested leave-one-topic-out, k=${r.rule}): ${headline(meanScores(h.rows))}\n`;
  text += `IN-SAMPLE (shipped method, k=${r.rule}):              ${headline(mean)}\n`;
  text += `IN-SAMPLE (shipped method, k=${r.otherRule}):              ${headline(otherMean)}\n`;
  text += `reference points (F, published, held out): DATEWISE AR-1 0.120, AR-2 0.035, Date 0.544; SUnSET (72B LLM) 0.136, 0.044, 0.576\n\n`;
  if (h) {
    text += `held-out tasks (each scored with the parameters and models of its fold):\n${table(h.rows)}`;
    text += `\nmean over ${h.rows.length} held-out tasks (P and R averaged, F1 of the averages):\n${meanLines(meanScores(h.rows))}`;
    text += `\nper fold: parameters chosen on the other 8 topics (selection score there), where they differ from the shipped ones:\n`;
    for (const f of h.folds) text += `  ${f.topic.padEnd(16)} ${f4(f.trainScore)}  ${paramDiff(f.params)}\n`;
    text += `  (${h.evaluations} task evaluations, ${h.trainings} model trainings)\n\n`;
  }
  text += `in-sample tasks (shipped method, k=${r.rule}):\n${table(r.results)}`;
  text += `\nmean over ${r.results.length} tasks (P and R averaged, F1 of the averages), k=${r.rule}:\n${meanLines(mean)}`;
  text += `mean, k=${r.otherRule}:\n${meanLines(otherMean)}`;
  text += conditionsText(r.conditions);
  text += `wall time ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s), peak memory ${r.peakMb} MB\n`;
  return text;
}

function conditionsOf(rule: KRule, heldOut: boolean): string[] {
  return [
    ...(heldOut
      ? [
          'HELD OUT (--loto): nested leave-one-topic-out; in each fold every searched parameter was chosen and both ' +
            "models were trained on the other 8 topics only; the held-out topic's references were not read",
        ]
      : []),
    'IN-SAMPLE (shipped method): its parameters were chosen and its models trained on these same 19 tasks, so it is ' +
      "not a held-out figure; the published reference points are held out (DATEWISE's date model leaves the test topic out)",
    `k (sentences per date) = the reference's average sentences per date, ${rule === 'round' ? 'rounded (news-tls, half to even)' : "floored (tilse's rule)"}; the other rule's means are printed too`,
    "each task gets its topic's articles published within the reference timeline's first..last date",
  ];
}

/** Score the library's default method, as `chronicle timeline` runs it, on tasks, for both k rules. */
function scoreInSample(
  tasks: readonly TlsTask[],
  strategy: string,
  rows: Record<KRule, TaskRow[]>,
  warn: (s: string) => void,
  written: KRule,
  write?: (t: TlsTask, pred: ReturnType<typeof toTilse>) => void,
): void {
  for (const t of tasks) {
    for (const w of t.task.warnings) warn(`warning: ${w}`);
    if (!t.analysis.articles.length)
      warn(
        `warning: ${t.task.path}: no article published in the reference's span; scored as an empty timeline`,
      );
    // the default strategy's entries from one context for both rules; another strategy builds twice
    const ctx =
      strategy === defaultStrategy.name ? buildContext(t.analysis, spanOptions(t), DEFAULT_PARAMS) : null;
    for (const r of K_RULES) {
      const options = {
        ...spanOptions(t),
        dates: t.task.reference.size,
        sentences: sentencesPerDate(t.task.reference, r),
        strategy,
      };
      const tl = ctx
        ? {
            entries: datewiseEntries(ctx, shippedModels(), options.dates, options.sentences),
            entities: [],
            quotes: [],
          }
        : buildTimelineFromAnalysis(t.analysis, options);
      const pred = toTilse(tl);
      rows[r].push(rowOf(t, scoreTimeline(pred, [t.task.reference])));
      if (r === written) write?.(t, pred);
    }
  }
}

export const command: Command = {
  summary: 'Timeline17 timeline summarisation (AR-1, AR-2, Date-F1), in-sample and held out (--loto)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      out: { type: 'string' },
      strategy: { type: 'string' },
      k: { type: 'string' },
      loto: { type: 'boolean' },
      cache: { type: 'string' },
      'loto-cache': { type: 'string' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const strategy = (values.strategy as string | undefined) ?? defaultStrategy.name;
    if (!strategies[strategy])
      throw new UsageError(`unknown strategy "${strategy}" (known: ${Object.keys(strategies).join(', ')})`);
    const rule = (values.k ?? 'round') as KRule;
    if (!K_RULES.includes(rule))
      throw new UsageError(`--k must be round or floor, got "${String(values.k)}"`);
    const otherRule: KRule = rule === 'round' ? 'floor' : 'round';
    const quiet = Boolean(values.quiet);
    if (positionals.length !== 1) throw new UsageError('give one Timeline17 directory');
    const root = positionals[0]!;
    const out = values.out as string | undefined;
    const cacheDir = (values.cache ?? values['loto-cache']) as string | undefined;
    const warn = (s: string) => {
      if (!quiet) io.stderr(s + '\n');
    };
    const started = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    let peakRss = process.memoryUsage().rss;
    const samplePeak = () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    };

    let layout;
    try {
      layout = readTimeline17Layout(root);
    } catch (e) {
      io.stderr(`chronicle eval tls: ${(e as Error).message}\n`);
      return 1;
    }
    for (const e of layout.errors) warn(`warning: ${e.message}`);
    if (out) mkdirSync(out, { recursive: true });

    const bar = progress(io, quiet);
    const loading = {
      cacheDir,
      onError: (e: Error) => warn(`warning: ${e.message}`),
      onProgress: (topic: string, stage: string, done: number, total: number) =>
        bar.update(`${topic}:${stage}`, done, total),
      onTopic: () => bar.done(),
    };
    const rows: Record<KRule, TaskRow[]> = { round: [], floor: [] };
    const write = out
      ? (t: TlsTask, pred: ReturnType<typeof toTilse>) =>
          writeFileSync(join(out, `${t.task.folder}--${t.task.timeline}`), formatTilseTimeline(pred))
      : undefined;
    let heldOut: Report['heldOut'];
    if (values.loto) {
      const tasks = loadTasks(root, layout.topics, loading);
      scoreInSample(tasks, strategy, rows, warn, rule, write);
      const evaluator = new TlsEvaluator(tasks, rule);
      const folds = nestedLoto(evaluator, (line) => warn(line));
      const heldRows = folds
        .flatMap((f) => f.tasks.map((x) => rowOf(x.task, x.scores)))
        .sort((a, b) => a.task.index - b.task.index);
      heldOut = { rows: heldRows, folds, evaluations: evaluator.evaluations, trainings: evaluator.trainings };
    } else
      for (const tasks of topicTasks(root, layout.topics, loading)) {
        scoreInSample(tasks, strategy, rows, warn, rule, write);
        samplePeak();
      }
    samplePeak();
    const cpu = process.cpuUsage(cpuStart);
    const report: Report = {
      rule,
      otherRule,
      results: rows[rule],
      others: rows[otherRule],
      heldOut,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakMb: Math.round(peakRss / 1e6),
      conditions: conditionsOf(rule, Boolean(heldOut)),
    };
    io.stdout(format === 'json' ? reportJson(report) : reportText(report));
    return report.results.length ? 0 : 1;
  },
};
