/**
 * Opening a store: `openStore(location)` picks the backend from the location (SQLite for a file path, the
 * zero-setup default). The CLI commands, the feed watcher and the HTTP API use only the Store interface
 * (types.ts) and the functions over it.
 */
import { SqliteStore } from './sqlite/store.js';
import type { OpenOptions, Store } from './types.js';

export * from './types.js';
export { SqliteStore } from './sqlite/store.js';
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
  return new SqliteStore(location, options);
}

/** `$CHRONICLE_DB`, else `.chronicle/chronicle.db` in the current directory. */
export function defaultStorePath(): string {
  return process.env.CHRONICLE_DB || '.chronicle/chronicle.db';
}
