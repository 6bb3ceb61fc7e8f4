/** Store helpers shared by the store's CLI commands. */
import { existsSync } from 'node:fs';
import { defaultStorePath, isPostgresUrl, openStore } from './index.js';
import { StoreError } from './errors.js';

/** The `--db` option every store command accepts. */
export const dbOption = { db: { type: 'string' } } as const;

export const DB_HELP = `  --db FILE|URL          the store: a SQLite file, or postgres://user:password@host/db (default:
                         $CHRONICLE_DB, else .chronicle/chronicle.db)`;

/** Open the store named by --db (or the default); commands that only read require it to exist. */
export async function openCliStore(db: unknown, { create = false, readonly = false } = {}) {
  const path = typeof db === 'string' && db ? db : defaultStorePath();
  if (!create && path !== ':memory:' && !isPostgresUrl(path) && !existsSync(path))
    throw new StoreError(
      path,
      'no store here yet; run `chronicle ingest <paths>` first (or pass --db FILE)',
      'missing',
      'ENOENT',
    );
  return openStore(path, { readonly });
}

/** Fixed-width table for terminal output. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const fmt = (r: string[]) =>
    r
      .map((c, i) => {
        const s = c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c;
        return i === r.length - 1 ? s : s.padEnd(widths[i]);
      })
      .join('  ');
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n') + '\n';
}
