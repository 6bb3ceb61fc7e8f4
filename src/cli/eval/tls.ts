/** `chronicle eval tls <timeline17-dir>`: the Timeline17 timeline-summarisation benchmark. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../common.js';
import { conditionsText } from './conditions.js';
import { formatOption, parse, progress, UsageError } from '../common.js';
import type { Analysis, InputError } from '../../model.js';
import { runPipeline, type StageName } from '../../pipeline.js';
import { buildTimelineFromAnalysis } from '../../timeline/index.js';
import { formatTilseTimeline } from '../../eval/tilse.js';
import type { PRF } from '../../eval/rouge.js';
import {
  readTimeline17Layout,
  readTopicArticles,
  scoreTask,
  summarise,
  taskOptions,
  type TaskResult,
} from '../../eval/timeline17.js';

const help = `Usage: chronicle eval tls <timeline17-dir> [--out <dir>] [--format text|json] [--strategy NAME]

Runs the standard Timeline17 protocol from the raw files: topic folders merged by prefix (9 topics),
one task per reference timeline (19), input restricted to the reference's first..last date, as many
dates as the reference, k = floor(average sentences per reference date), the topic's keywords.json as
the query; the same pipeline and default strategy as \`chronicle timeline\` (the entities and quotes
stages are skipped: the strategy's entries do not use them).

Prints per-task and mean AR-1, AR-2 (tilse align_date_content_costs_many_to_one, ROUGE-1/2), Date-F1,
concat and agreement ROUGE; means average precision and recall over tasks and take F1 of the averages.

Options:
  --out DIR          write each predicted timeline in tilse's format as <topic_folder>--<timeline file>
  --format text|json (default text)
  --strategy NAME    timeline strategy (default: the default of \`chronicle timeline\`)
  -q, --quiet        no warnings or progress on stderr

A folder that is not a Timeline17 topic, or an unreadable reference timeline, is reported and skipped;
a task with no article in its date range is scored as an empty timeline (0), with a warning.
`;

/** Stages whose output the timeline entries do not use. */
const SKIPPED_STAGES: StageName[] = ['mentions', 'entities', 'quotes'];

const f4 = (x: number) => x.toFixed(4);

/** What the figures are (see conditions.ts). */
const CONDITIONS = [
  "IN-SAMPLE: the timeline method's global parameters were chosen by grid search on these same 19 tasks, " +
    'so this is not a held-out figure; the published reference points are, and the two are not comparable',
  "k (sentences per date) = the reference's average sentences per date, floored (tilse's rule; news-tls rounds)",
  "each task gets its topic's articles published within the reference timeline's first..last date",
];
const prf = (p: PRF) => ({ p: p.p, r: p.r, f: p.f });

export const command: Command = {
  summary: 'Timeline17 timeline summarisation (AR-1, AR-2, Date-F1)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      out: { type: 'string' },
      strategy: { type: 'string' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const quiet = Boolean(values.quiet);
    if (positionals.length !== 1) throw new UsageError('give one Timeline17 directory');
    const root = positionals[0]!;
    const out = values.out as string | undefined;
    const warn = (s: string) => {
      if (!quiet) io.stderr(s + '\n');
    };
    const started = process.hrtime.bigint();
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
    const results: TaskResult[] = [];
    for (const topic of layout.topics) {
      if (!topic.tasks.length) continue;
      const errors: InputError[] = [];
      const articles = readTopicArticles(root, topic, (e) => errors.push(e));
      for (const e of errors) warn(`warning: ${e.message}`);
      const analysis = runPipeline(articles, {
        disable: SKIPPED_STAGES,
        onProgress: (stage, done, total) => bar.update(`${topic.name}:${stage}`, done, total),
      });
      bar.done();
      samplePeak();
      for (const task of topic.tasks) {
        for (const w of task.warnings) warn(`warning: ${w}`);
        const opts = {
          ...taskOptions(task, topic.keywords),
          strategy: values.strategy as string | undefined,
        };
        const inRange: Analysis = {
          ...analysis,
          articles: analysis.articles.filter(
            (a) => a.publishedAt !== null && a.publishedAt >= opts.from! && a.publishedAt <= opts.to!,
          ),
        };
        if (!inRange.articles.length)
          warn(
            `warning: ${task.path}: no article published in ${opts.from}..${opts.to}; scored as an empty timeline`,
          );
        const predicted = buildTimelineFromAnalysis(inRange, opts);
        const r = scoreTask(task, predicted, inRange, opts);
        results.push(r);
        samplePeak();
        if (out)
          writeFileSync(join(out, `${task.folder}--${task.timeline}`), formatTilseTimeline(r.predicted));
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    samplePeak();
    const summary = summarise(results);
    const peakMb = Math.round(peakRss / 1e6);

    if (format === 'json') {
      io.stdout(
        JSON.stringify({
          tasks: results.map((t) => ({
            topic: t.topic,
            folder: t.folder,
            timeline: t.timeline,
            ar1: prf(t.scores.alignM1.rouge1),
            ar2: prf(t.scores.alignM1.rouge2),
            date: prf(t.scores.date),
            concat1: prf(t.scores.concat.rouge1),
            concat2: prf(t.scores.concat.rouge2),
            agreement1: prf(t.scores.agreement.rouge1),
            agreement2: prf(t.scores.agreement.rouge2),
          })),
          mean: Object.fromEntries(Object.entries(summary.mean).map(([k, v]) => [k, prf(v)])),
          seconds: Math.round(seconds * 10) / 10,
          peakRssMb: peakMb,
          conditions: CONDITIONS,
        }) + '\n',
      );
      return results.length ? 0 : 1;
    }

    const rows = results.map((t) => [
      `${t.folder}/${t.timeline}`,
      f4(t.scores.alignM1.rouge1.f),
      f4(t.scores.alignM1.rouge2.f),
      f4(t.scores.date.f),
      f4(t.scores.concat.rouge1.f),
      f4(t.scores.concat.rouge2.f),
      f4(t.scores.agreement.rouge1.f),
      f4(t.scores.agreement.rouge2.f),
    ]);
    const head = ['task', 'AR-1 F', 'AR-2 F', 'Date F', 'concat-1', 'concat-2', 'agree-1', 'agree-2'];
    const w0 = Math.max(head[0]!.length, ...rows.map((r) => r[0]!.length));
    const line = (r: string[]) =>
      r[0]!.padEnd(w0) +
      '  ' +
      r
        .slice(1)
        .map((c) => c.padStart(8))
        .join(' ') +
      '\n';
    let text = line(head);
    for (const r of rows) text += line(r);
    const m = summary.mean;
    text += `\nmean over ${results.length} tasks (P and R averaged, F1 of the averages):\n`;
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
    text += `  reference points (F, published): DATEWISE AR-1 0.120, AR-2 0.035, Date 0.544; SUnSET 0.136, 0.044, 0.576\n`;
    text += conditionsText(CONDITIONS);
    text += `wall time ${seconds.toFixed(1)} s, peak memory ${peakMb} MB\n`;
    io.stdout(text);
    return results.length ? 0 : 1;
  },
};
