/** `chronicle status --db postgres://...`: the ingest queue's depth, workers seen and recent throughput. */
import { queueStatus } from '../queue/index.js';
import { defaultStorePath, isPostgresUrl } from '../store/index.js';
import { formatOption, parse, UsageError, type Command } from './common.js';

const help = `Usage: chronicle status --db postgres://user:password@host/db [--format text|json]

The ingest queue of a PostgreSQL store: batches queued, retrying, being analysed and failed; the workers that
reported in the last 5 minutes; articles stored per minute over the last 5 minutes.
`;

export const command: Command = {
  summary: 'ingest queue depth, workers and throughput (PostgreSQL store)',
  help,
  async run(argv, io) {
    const { values } = parse(argv, { db: { type: 'string' }, format: { type: 'string' } });
    const format = formatOption(values.format, ['text', 'json'], 'text');
    const url = typeof values.db === 'string' && values.db ? values.db : defaultStorePath();
    if (!isPostgresUrl(url))
      throw new UsageError('chronicle status needs a PostgreSQL store: --db postgres://...');
    const s = await queueStatus(url);
    if (format === 'json') io.stdout(JSON.stringify(s) + '\n');
    else {
      io.stdout(
        `queued ${s.queued}, retrying ${s.retrying}, running ${s.running}, failed ${s.failed}, completed ${s.completed}\n`,
      );
      io.stdout(
        `workers seen (5 min): ${s.workers.length}; articles stored per minute (5 min): ${s.articlesPerMinute.toFixed(1)}\n`,
      );
      for (const w of s.workers)
        io.stdout(
          `  ${w.host} pid ${w.pid}: ${w.batches} batches, ${w.articles} articles, seen ${w.seenSecondsAgo} s ago\n`,
        );
    }
    return 0;
  },
};
