/**
 * PostgreSQL failures as StoreErrors (errors.ts's closed set of codes, PostgreSQL's SQLSTATE or the socket's
 * errno kept as the detail), and the store's name in messages: its URL without the password, so a log line or a
 * terminal never shows a credential.
 */
import { StoreError } from '../errors.js';

/** The URL as messages show it: the password replaced by "***" (the user name, host, port and database kept). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not a URL the WHATWG parser takes: drop anything between "://user:" and "@".
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

/** SQLSTATE classes and socket errors that mean the server cannot be reached or the connection was lost. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
]);

function describe(e: unknown): { code: string; message: string } {
  const err = e as { code?: unknown; message?: string; errors?: { code?: string }[] };
  // An AggregateError (several addresses tried) carries the socket errors inside.
  const code = typeof err.code === 'string' ? err.code : (err.errors?.[0]?.code ?? '');
  return { code, message: err.message || String(e) };
}

/** Map a PostgreSQL (or connection) failure to a StoreError naming the store (its URL without the password). */
export function pgStoreError(name: string, e: unknown, doing: string): Error {
  if (e instanceof StoreError) return e;
  const { code, message } = describe(e);
  const c = code;
  if (c === '28P01' || c === '28000')
    return new StoreError(name, `the server refused the user name or password while ${doing}`, 'auth', c);
  if (c === '3D000') return new StoreError(name, `no such database (${message})`, 'missing', c);
  if (c === '42501')
    return new StoreError(
      name,
      `the database user lacks a privilege the store needs while ${doing} (${message}); nothing was written`,
      'permission',
      c,
    );
  if (c === '53100' || c === '53200')
    return new StoreError(
      name,
      `the database is out of space while ${doing}; the batch was rolled back`,
      'full',
      c,
    );
  if (c === '25006')
    return new StoreError(
      name,
      `cannot write the store (read-only transaction) while ${doing}`,
      'read-only',
      c,
    );
  if (c === '55P03' || c === '40P01' || c === '40001' || c === '57014')
    return new StoreError(
      name,
      `the store is locked by another writer (timed out while ${doing})`,
      'busy',
      c,
    );
  if (
    UNAVAILABLE_ERRNO.has(c) ||
    c.startsWith('08') ||
    c === '57P01' ||
    c === '57P02' ||
    c === '57P03' ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  )
    return new StoreError(
      name,
      `the database server cannot be reached or the connection was lost while ${doing} (${c || message})`,
      'unavailable',
      c || undefined,
    );
  if (c === '42P01' || c === '42703')
    return new StoreError(name, `the store is damaged: ${message} (while ${doing})`, 'corrupt', c);
  if (e instanceof SyntaxError)
    return new StoreError(
      name,
      `the store is damaged: stored data does not parse (while ${doing})`,
      'corrupt',
    );
  if (c.startsWith('58')) return new StoreError(name, `I/O error while ${doing} (${message})`, 'io', c);
  return new StoreError(name, `${doing} failed: ${message}`, 'other', c || undefined);
}
