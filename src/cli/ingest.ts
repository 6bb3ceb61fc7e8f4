/** `chronicle ingest <paths|urls...>`: read, analyse and store articles; cluster them into stories. */
import { readInputs } from '../ingest/index.js';
import { DB_HELP, openCliStore } from '../store/cli.js';
import { defaultStorePath, isPostgresUrl, redactUrl } from '../store/index.js';
import { DEFAULT_BATCH_SIZE, enqueue } from '../queue/index.js';
import { intOption, parse, progress, UsageError, type Command } from './common.js';
import { reportErrors } from './inputs.js';
import { AnalyzerPool, defaultWorkers } from '../parallel/pool.js';

const help = `Usage: chronicle ingest <paths|urls...> [options]

Reads articles (files, folders recursively, URLs), analyses the ones not stored yet and stores them
with their sentences, time expressions, entities and quotes; groups them into stories. Idempotent:
an article with the same content or canonical URL is stored once. Each batch is one transaction.

Options:
${DB_HELP}
  --batch N              articles per transaction (default ${DEFAULT_BATCH_SIZE})
  --workers N            analysis worker threads (default: one per core, at most 8; 0 analyses on the
                         main thread). Used when there is more than one batch; the store ends up the
                         same whatever N is.
  --enqueue              (PostgreSQL store) queue the articles in batches for \`chronicle worker\`
                         processes instead of analysing them here
  --allow-private        allow URLs that resolve to private or loopback addresses
  -q, --quiet            no warnings or progress on stderr

Prints: added / duplicates / stories touched / seconds.
`;

export const command: Command = {
  summary: 'store articles (files, folders, URLs) in the embedded store',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      db: { type: 'string' },
      batch: { type: 'string' },
      workers: { type: 'string' },
      'allow-private': { type: 'boolean' },
      enqueue: { type: 'boolean' },
    });
    if (!positionals.length) throw new UsageError('give files, folders or URLs to ingest');
    const batchSize = intOption(values.batch, 'batch', 1) ?? DEFAULT_BATCH_SIZE;
    const workers = intOption(values.workers, 'workers', 0) ?? defaultWorkers();
    const quiet = Boolean(values.quiet);
    const t0 = performance.now();
    const bar = progress(io, quiet);
    const { articles, errors } = await readInputs(positionals, {
      allowPrivate: Boolean(values['allow-private']),
    });
    reportErrors(io, errors, quiet);
    if (values.enqueue) {
      const url = typeof values.db === 'string' && values.db ? values.db : defaultStorePath();
      if (!isPostgresUrl(url))
        throw new UsageError('--enqueue needs a PostgreSQL store: --db postgres://...');
      const n = await enqueue(url, articles, batchSize);
      io.stdout(`queued ${articles.length} articles in ${n} batches (${redactUrl(url)})\n`);
      return articles.length || !errors.length ? 0 : 1;
    }
    const store = await openCliStore(values.db, { create: true });
    let added = 0;
    let duplicates = 0;
    const touched = new Set<string>();
    const total = articles.length;
    const batches = Math.ceil(total / batchSize);
    // A batch handed to the store is dropped from the list: ingest fills in its analysis, and a run over
    // thousands of articles should hold one batch's annotations at a time, not all of them.
    const batchAt = (i: number) => {
      const batch = articles.slice(i * batchSize, (i + 1) * batchSize);
      articles.fill(null as never, i * batchSize, (i + 1) * batchSize);
      return batch;
    };
    const pool = workers > 0 && batches > 1 ? new AnalyzerPool(Math.min(workers, batches)) : null;
    try {
      if (pool) {
        let done = 0;
        bar.update('ingest', 0, total);
        const r = await store.ingestParallel!(
          (function* () {
            for (let i = 0; i < batches; i++) yield batchAt(i);
          })(),
          pool,
          {
            onBatch: (report) => {
              done += report.added.length + report.duplicates.length;
              bar.update('ingest', Math.min(total, done), total);
            },
          },
        );
        added = r.added.length;
        duplicates = r.duplicates.length;
        for (const s of r.storiesTouched) touched.add(s);
      } else
        for (let b = 0; b < batches; b++) {
          const i = b * batchSize;
          const batch = batchAt(b);
          const r = await store.ingest(batch, {
            onProgress: (stage, d, t) =>
              bar.update(stage, Math.min(total, i + Math.round((d / Math.max(1, t)) * batch.length)), total),
          });
          added += r.added.length;
          duplicates += r.duplicates.length;
          for (const s of r.storiesTouched) touched.add(s);
          bar.update('ingest', Math.min(total, i + batchSize), total);
        }
    } finally {
      bar.done();
      await pool?.close();
      await store.close();
    }
    const secs = (performance.now() - t0) / 1000;
    io.stdout(
      `added ${added}, duplicates ${duplicates}, stories touched ${touched.size}, ${secs.toFixed(2)} s (${store.path})\n`,
    );
    return total || !errors.length ? 0 : 1;
  },
};
