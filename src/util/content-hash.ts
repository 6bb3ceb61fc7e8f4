/**
 * The content identity of an article: one definition for the reader (exact duplicates in a batch), the store
 * (idempotent ingest: `articles.content_hash`, UNIQUE) and the feed watcher (texts already seen).
 */
import { hash } from 'node:crypto';
import { ASCII_ONLY, collapseSpaces } from './chars.js';

/**
 * sha256 (hex) of the text in Unicode NFC with every white-space run made one space and the ends trimmed: the
 * same article re-served with other line breaks, indentation or composed accents hashes alike. Case is kept
 * (a text in capitals is not taken for its lower-case twin). This is the stored identity: changing it would
 * need a migration of `articles.content_hash`.
 */
export function contentHash(text: string): string {
  return hash('sha256', collapseSpaces(ASCII_ONLY.test(text) ? text : text.normalize('NFC')).trim(), 'hex');
}
