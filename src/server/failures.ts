/**
 * Store failures as API answers: a busy, read-only, full or unreachable store is the server's passing trouble
 * (503; busy and unreachable say when to try again), a missing story is 404, a damaged or too new store, or one
 * the server may not use (refused login, missing privileges), is a 500 that says so. The message leaves out the
 * store's path or URL (clients need not learn the server's layout); the log has it.
 */
import { StoreError, storeFailure } from '../store/errors.js';
import { ApiError } from './http.js';

/** Seconds a client is asked to wait when the store is locked by another writer. */
export const BUSY_RETRY_AFTER_S = 2;

/** The API error for a StoreError, or null for any other error. */
export function apiErrorOf(e: unknown): ApiError | null {
  if (!(e instanceof StoreError)) return null;
  const kind = storeFailure(e);
  const problem = e.problem;
  switch (kind) {
    case 'busy':
      return new ApiError(
        503,
        `the store is busy (another process holds it): ${problem}`,
        { 'Retry-After': String(BUSY_RETRY_AFTER_S) },
        { code: 'store-busy' },
      );
    case 'read-only':
      return new ApiError(503, `the store cannot be written: ${problem}`, {}, { code: 'store-read-only' });
    case 'full':
      return new ApiError(503, `the store's disk is full: ${problem}`, {}, { code: 'store-full' });
    case 'unavailable':
      return new ApiError(
        503,
        `the store's database cannot be reached: ${problem}`,
        { 'Retry-After': String(BUSY_RETRY_AFTER_S) },
        { code: 'store-unavailable' },
      );
    case 'auth':
    case 'permission':
      return new ApiError(500, problem, {}, { code: 'store-access' });
    case 'io':
      return new ApiError(
        503,
        `the store could not be read or written: ${problem}`,
        {},
        { code: 'store-io' },
      );
    case 'no-story':
    case 'missing':
      return new ApiError(404, problem, {}, { code: kind === 'no-story' ? 'no-story' : 'no-store' });
    case 'corrupt':
      return new ApiError(500, problem, {}, { code: 'store-damaged' });
    case 'schema':
      return new ApiError(500, problem, {}, { code: 'store-schema' });
    default:
      return new ApiError(500, `store error: ${problem}`, {}, { code: 'store-error' });
  }
}
