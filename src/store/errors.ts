/**
 * Store errors, independent of the backend: a StoreError names the file (or database) and carries a code (the
 * backend's own, e.g. SQLITE_BUSY, or one of ours); `storeFailure` sorts codes into the few kinds callers act
 * on (the HTTP API answers 503 for a busy, read-only or full store, 404 for a missing story).
 */

/** A store problem (corrupt file, newer schema, read-only path, full disk) named with the file. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly file: string,
    message: string,
    readonly code?: string,
  ) {
    super(`${file}: ${message}`);
  }

  /** The message without the file name (for clients that should not learn server paths). */
  get problem(): string {
    const prefix = `${this.file}: `;
    return this.message.startsWith(prefix) ? this.message.slice(prefix.length) : this.message;
  }
}

export type StoreFailure =
  'busy' | 'read-only' | 'full' | 'io' | 'corrupt' | 'schema' | 'missing' | 'no-story' | 'other';

/** What kind of failure an error is (`other` for anything that is not a StoreError with a known code). */
export function storeFailure(e: unknown): StoreFailure {
  if (!(e instanceof StoreError)) return 'other';
  const code = e.code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return 'io';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code === 'NEWER_SCHEMA' || code === 'OLD_SCHEMA') return 'schema';
  if (code === 'ENOENT') return 'missing';
  if (code === 'NO_STORY') return 'no-story';
  return 'other';
}
