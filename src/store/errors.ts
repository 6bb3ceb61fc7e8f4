/**
 * Store errors, independent of the backend: a StoreError names the store (a file, or a PostgreSQL URL without
 * its password) and carries one code of a closed set, the few kinds callers act on (the HTTP API answers 503
 * for a busy, read-only, full or unreachable store, 404 for a missing story); the backend's own code (e.g.
 * SQLITE_BUSY, PostgreSQL's 28P01) is kept in `detail` for logs and tests.
 */

/** What went wrong, whatever the backend. */
export const STORE_ERROR_CODES = [
  /** Another writer holds the store's write lock (and did not let go in time). */
  'busy',
  /** The store cannot be written: a read-only file or directory, or a store opened read-only. */
  'read-only',
  /** The disk (or the database's space) is full. */
  'full',
  /** An I/O error reading or writing. */
  'io',
  /** The database server cannot be reached, or the connection to it was lost. */
  'unavailable',
  /** The database server refused the user name or password. */
  'auth',
  /** The database user lacks a privilege the store needs (creating its tables, writing). */
  'permission',
  /** Not a Chronicle store, or a damaged one. */
  'corrupt',
  /** Written by a newer Chronicle, or an older schema that cannot be migrated here (opened read-only). */
  'schema',
  /** No store at this location. */
  'missing',
  /** No story with this id. */
  'no-story',
  /** The input handed to the store cannot be stored (an import file that is not a story export). */
  'bad-input',
  /** Anything else the backend reported. */
  'other',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A store problem (corrupt file, newer schema, read-only path, full disk, unreachable server) named with the store. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    /** The store's file path, or its URL without the password. */
    readonly file: string,
    message: string,
    readonly code: StoreErrorCode = 'other',
    /** The backend's own code (SQLITE_FULL, 53100, ...), when there is one. */
    readonly detail?: string,
  ) {
    super(`${file}: ${message}`);
  }

  /** The message without the store's name (for clients that should not learn server paths). */
  get problem(): string {
    const prefix = `${this.file}: `;
    return this.message.startsWith(prefix) ? this.message.slice(prefix.length) : this.message;
  }
}

export type StoreFailure = StoreErrorCode;

/** What kind of failure an error is (`other` for anything that is not a StoreError). */
export function storeFailure(e: unknown): StoreFailure {
  return e instanceof StoreError ? e.code : 'other';
}
