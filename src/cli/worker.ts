/** `chronicle worker --db postgres://...`: take queued batches, analyse and commit them (src/queue). */
import { runWorker } from '../queue/index.js';
import { defaultStorePath, isPostgresUrl } from '../store/index.js';
import { intOption, parse, UsageError, type Command } from './common.js';

const help = `Usage: chronicle worker --db postgres://user:password@host/db [options]

Takes batches queued by \`chronicle ingest --enqueue\` (or \`chronicle watch\`), analyses them and commits them
to the store. Run any number of workers on any number of machines: analysis runs in parallel everywhere,
only the commit of a batch is serial. A batch whose worker dies is taken again after it expires; a failed
batch is retried with backoff; committing is idempotent. SIGTERM or SIGINT finishes the batches being
analysed, takes no more, and exits.

Options:
  --db URL               the PostgreSQL store (default: $CHRONICLE_DB)
  --concurrency N        batches analysed at once, one analysis thread each (default 1)
  --until-empty          exit once no batch is queued, retrying or being analysed anywhere
  -q, --quiet            no per-batch lines on stderr
`;

/** CPU seconds of this process so far, every thread (the analysis workers are threads of it). */
function cpuSeconds(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

export const command: Command = {
  summary: 'take queued batches from a PostgreSQL store, analyse and commit them',
  help,
  async run(argv, io) {
    const { values } = parse(argv, {
      db: { type: 'string' },
      concurrency: { type: 'string' },
      'until-empty': { type: 'boolean' },
    });
    const url = typeof values.db === 'string' && values.db ? values.db : defaultStorePath();
    if (!isPostgresUrl(url))
      throw new UsageError('chronicle worker needs a PostgreSQL store: --db postgres://...');
    const concurrency = intOption(values.concurrency, 'concurrency', 1) ?? 1;
    let stopNow = () => {};
    const stop = new Promise<void>((resolve) => (stopNow = resolve));
    const onSignal = () => stopNow();
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    try {
      const r = await runWorker(url, {
        concurrency,
        untilEmpty: Boolean(values['until-empty']),
        stop,
        log: values.quiet ? undefined : (line) => io.stderr(line + '\n'),
      });
      io.stdout(
        `batches ${r.batches}, added ${r.added}, duplicates ${r.duplicates}, failed tries ${r.failed}, ${r.seconds.toFixed(2)} s` +
          ` (write lock: waited ${r.lockWaitSeconds.toFixed(2)} s, held ${r.lockedSeconds.toFixed(2)} s;` +
          ` CPU ${cpuSeconds().toFixed(2)} s)\n`,
      );
      return 0;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  },
};
