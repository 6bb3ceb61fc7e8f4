/**
 * SQLite failures as StoreErrors (errors.ts's codes, SQLite's own code kept as the detail), and the check an
 * existing file passes before it is opened for writing: a SQLite header, a readable schema, not from a newer
 * Chronicle. A file that fails is left untouched.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StoreError } from '../errors.js';
import { SCHEMA_VERSION } from './schema.js';

const SQLITE_HEADER = 'SQLite format 3\0';

export function describe(e: unknown): { code?: string; message: string } {
  const err = e as { code?: string; message?: string };
  return { code: err.code, message: err.message ?? String(e) };
}

/** Map a SQLite failure to a StoreError that says what happened to which file. */
export function storeError(file: string, e: unknown, doing: string): Error {
  if (e instanceof StoreError) return e;
  const { code, message } = describe(e);
  const c = code ?? '';
  if (c === 'SQLITE_FULL')
    return new StoreError(
      file,
      `disk full while ${doing}; the batch was rolled back and the store is unchanged`,
      'full',
      c,
    );
  if (c.startsWith('SQLITE_READONLY'))
    return new StoreError(
      file,
      `cannot write the store (read-only file or directory) while ${doing}`,
      'read-only',
      c,
    );
  if (c === 'SQLITE_CANTOPEN')
    return new StoreError(file, `cannot open the store (missing or read-only directory?)`, 'io', c);
  if (c === 'SQLITE_NOTADB' || c.startsWith('SQLITE_CORRUPT'))
    return new StoreError(
      file,
      `not a Chronicle store or the file is corrupt (${message}); it was left untouched`,
      'corrupt',
      c,
    );
  if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED'))
    return new StoreError(
      file,
      `the store is locked by another process (timed out while ${doing})`,
      'busy',
      c,
    );
  if (c.startsWith('SQLITE_IOERR'))
    return new StoreError(file, `I/O error while ${doing} (${message})`, 'io', c);
  // A table missing from a file that passed the schema check, or stored JSON that no longer parses (its text is
  // not repeated: damaged bytes have no place on a terminal).
  if (c === 'SQLITE_ERROR' && /^no such (table|column)/.test(message))
    return new StoreError(file, `the store is damaged: ${message} (while ${doing})`, 'corrupt', c);
  if (e instanceof SyntaxError)
    return new StoreError(
      file,
      `the store is damaged: stored data no longer parses (while ${doing})`,
      'corrupt',
    );
  return e as Error;
}

/** Check an existing file without writing to it: SQLite header, readable schema, not from a newer version. */
export function preflight(path: string) {
  const size = statSync(path).size;
  if (size === 0) return; // an empty file is a fresh database for SQLite
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(16);
  try {
    readSync(fd, buf, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || buf.toString('latin1') !== SQLITE_HEADER)
    throw new StoreError(
      path,
      'not a Chronicle store or the file is corrupt (no SQLite header); it was left untouched',
      'corrupt',
      'SQLITE_NOTADB',
    );
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new StoreError(
        path,
        `written by a newer Chronicle (schema version ${version}, this one reads up to ${SCHEMA_VERSION}); upgrade Chronicle — the file was left untouched`,
        'schema',
        'NEWER_SCHEMA',
      );
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    throw storeError(path, e, 'opening');
  } finally {
    db?.close();
  }
}
