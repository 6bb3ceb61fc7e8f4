/** `chronicle analyze <paths...>`: run the pipeline and print every annotation. */
import { readInputs } from '../ingest/index.js';
import { runPipeline } from '../pipeline.js';
import { analysisJson } from '../output/json.js';
import { formatOption, parse, progress, type Command } from './common.js';
import { reportErrors } from './inputs.js';

const help = `Usage: chronicle analyze <paths|urls...> [--format text|json] [--quiet]

Reads articles (dated text files, JSONL, Timeline17 folders, HTML files, URLs; folders recursively) and
prints, for each article, its metadata, sentences with resolved time expressions, entities and quotes.

Options:
  --format text|json   output format (default text)
  --max-bytes N        largest input file accepted (default 20000000)
  --allow-private      allow URLs that resolve to private or loopback addresses
  -q, --quiet          no warnings or progress on stderr
`;

export const command: Command = {
  summary: 'analyse articles: sentences, resolved dates, entities, quotes',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      'max-bytes': { type: 'string' },
      'allow-private': { type: 'boolean' },
    });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const quiet = Boolean(values.quiet);
    if (!positionals.length)
      throw new (await import('./common.js')).UsageError('give at least one path or URL');
    const bar = progress(io, quiet);
    const { articles, errors } = await readInputs(positionals, {
      maxBytes: values['max-bytes'] ? Number(values['max-bytes']) : undefined,
      allowPrivate: Boolean(values['allow-private']),
    });
    reportErrors(io, errors, quiet);
    if (!articles.length) {
      io.stderr('chronicle analyze: no usable articles in the input\n');
      return 1;
    }
    const before = errors.length;
    const analysis = runPipeline(articles, { onProgress: (stage, d, t) => bar.update(stage, d, t) }, errors);
    bar.done();
    // Articles the clean stage left empty (all furniture) are reported and skipped.
    reportErrors(io, errors.slice(before), quiet);
    analysis.articles = analysis.articles.filter((a) => a.text.trim() !== '');
    if (!analysis.articles.length) {
      io.stderr('chronicle analyze: no usable articles in the input\n');
      return 1;
    }
    if (format === 'json') {
      io.stdout(JSON.stringify(analysisJson(analysis)) + '\n');
      return 0;
    }
    const out: string[] = [];
    for (const a of analysis.articles) {
      out.push(`# ${a.title ?? a.id}`);
      out.push(
        `  ${a.path ?? a.url ?? ''}  published ${a.publishedAt ?? 'unknown'}${a.source ? `  source ${a.source}` : ''}${a.byline ? `  by ${a.byline}` : ''}`,
      );
      for (const s of a.sentences) {
        const tx = s.timexes.map((t) => `[${t.text} = ${t.value}]`).join(' ');
        out.push(`  ${s.index + 1}. ${s.text}${tx ? `\n       ${tx}` : ''}`);
      }
      const byId = new Map(analysis.entities.map((e) => [e.id, e.name]));
      const names = [...new Set(a.mentions.map((m) => (m.entityId && byId.get(m.entityId)) || m.text))];
      if (names.length) out.push(`  entities: ${names.join(', ')}`);
      for (const q of a.quotes) out.push(`  quote (${q.speaker ?? 'unknown'}, ${q.cue ?? '?'}): "${q.text}"`);
      out.push('');
    }
    io.stdout(out.join('\n'));
    return 0;
  },
};
