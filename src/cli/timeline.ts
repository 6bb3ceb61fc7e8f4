/** `chronicle timeline <paths...>` (from files) — and, with --story/--query and no paths, from the store. */
import { readInputs } from '../ingest/index.js';
import { runPipeline } from '../pipeline.js';
import { buildTimelineFromAnalysis } from '../timeline/index.js';
import { timelineJson } from '../output/json.js';
import { timelineText } from '../output/text.js';
import { timelineMarkdown } from '../output/markdown.js';
import { timelineHtml } from '../output/html.js';
import type { Timeline, TimelineOptions } from '../model.js';
import {
  dayOption,
  formatOption,
  intOption,
  parse,
  progress,
  UsageError,
  type CliIO,
  type Command,
} from './common.js';
import { reportErrors } from './inputs.js';

const help = `Usage: chronicle timeline <paths|urls...> [options]
       chronicle timeline --story <id> | --query "terms" [--db <file>] [options]   (from the store)

Builds a dated timeline: the salient dates, each with a short extractive summary and its sources,
then the entities involved and the quotes.

Options:
  --dates N              number of dates (default: what the material supports)
  --sentences K          sentences per date (default 2)
  --query "terms"        focus on a subject
  --from YYYY-MM-DD      first date to include
  --to YYYY-MM-DD        last date to include
  --format text|markdown|html|json   (default text)
  --out FILE             write to FILE instead of stdout
  --story ID             a stored story (see \`chronicle stories\`)
  --db FILE              the store (default: see \`chronicle ingest --help\`)
  --allow-private        allow URLs that resolve to private or loopback addresses
  -q, --quiet            no warnings or progress on stderr
`;

export function renderTimeline(t: Timeline, format: string, title: string): string {
  if (format === 'json') return JSON.stringify(timelineJson(t)) + '\n';
  if (format === 'markdown') return timelineMarkdown(t, title);
  if (format === 'html') return timelineHtml(t, title);
  return timelineText(t);
}

async function emit(io: CliIO, text: string, out: string | undefined) {
  if (!out) return io.stdout(text);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(out, text);
}

export const command: Command = {
  summary: 'build a dated, sourced timeline from articles (files, URLs or the store)',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      dates: { type: 'string' },
      sentences: { type: 'string' },
      query: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      story: { type: 'string' },
      db: { type: 'string' },
      strategy: { type: 'string' },
      'allow-private': { type: 'boolean' },
    });
    const format = formatOption(values.format, ['text', 'markdown', 'html', 'json'], 'text');
    const quiet = Boolean(values.quiet);
    const options: TimelineOptions = {
      dates: intOption(values.dates, 'dates', 1),
      sentences: intOption(values.sentences, 'sentences', 1),
      query: values.query as string | undefined,
      from: dayOption(values.from, 'from'),
      to: dayOption(values.to, 'to'),
      strategy: values.strategy as string | undefined,
    };
    if (!positionals.length) {
      if (values.story === undefined && values.query === undefined)
        throw new UsageError('give paths or URLs, or --story/--query to build from the store');
      const { timelineFromStore } = await import('./store-timeline.js');
      const { timeline, title } = await timelineFromStore(
        { db: values.db as string | undefined, story: values.story as string | undefined },
        options,
      );
      await emit(io, renderTimeline(timeline, format, title), values.out as string | undefined);
      return 0;
    }
    const bar = progress(io, quiet);
    const { articles, errors } = await readInputs(positionals, {
      allowPrivate: Boolean(values['allow-private']),
    });
    reportErrors(io, errors, quiet);
    if (!articles.length) {
      io.stderr('chronicle timeline: no usable articles in the input\n');
      return 1;
    }
    const before = errors.length;
    const analysis = runPipeline(articles, { onProgress: (stage, d, t) => bar.update(stage, d, t) }, errors);
    bar.done();
    // Articles the clean stage left empty (all furniture) are reported and skipped.
    reportErrors(io, errors.slice(before), quiet);
    analysis.articles = analysis.articles.filter((a) => a.text.trim() !== '');
    if (!analysis.articles.length) {
      io.stderr('chronicle timeline: no usable articles in the input\n');
      return 1;
    }
    const timeline = buildTimelineFromAnalysis(analysis, options);
    await emit(
      io,
      renderTimeline(timeline, format, options.query ? `Timeline: ${options.query}` : 'Timeline'),
      values.out as string | undefined,
    );
    return 0;
  },
};
