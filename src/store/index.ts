/**
 * Opening a store: `openStore(location)` picks the backend from the location: a `postgres://` (or
 * `postgresql://`) URL selects PostgreSQL, a file path SQLite (the zero-setup default). The CLI commands, the feed watcher and the HTTP API use only the Store interface
 * (types.ts) and the functions over it.
 */
import { SqliteStore } from './sqlite/store.js';
import { isPostgresUrl, PgStore } from './postgres/store.js';
import { StoreError } from './errors.js';
import type { OpenOptions, Store } from './types.js';

export * from './types.js';
export { SqliteStore } from './sqlite/store.js';
export { PgStore, isPostgresUrl } from './postgres/store.js';
export { redactUrl } from './postgres/errors.js';
export { ftsQuery } from './core/search.js';
export { contentHash } from '../util/content-hash.js';

/**
 * Opens (creating if needed) the store at `location` (default: see defaultStorePath). Throws a StoreError naming
 * the store when it is corrupt, from a newer Chronicle, or cannot be written; such stores are left untouched.
 */
export async function openStore(
  location: string = defaultStorePath(),
  options: OpenOptions = {},
): Promise<Store> {
  if (isPostgresUrl(location)) return PgStore.open(location, options);
  // Any other URL scheme is refused rather than taken as a file path (a folder named "mysql:" helps nobody).
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location))
    throw new StoreError(
      location.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@'),
      'unsupported store location: give a file path (SQLite) or a postgres:// URL (PostgreSQL)',
      'bad-input',
    );
  return new SqliteStore(location, options);
}

/** `$CHRONICLE_DB`, else `.chronicle/chronicle.db` in the current directory. */
export function defaultStorePath(): string {
  return process.env.CHRONICLE_DB || '.chronicle/chronicle.db';
}
