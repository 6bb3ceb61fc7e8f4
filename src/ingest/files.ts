/**
 * File-system side of ingest: walking folders (sorted, for determinism) and reading a file as text with
 * the checks every reader needs (missing, over the size limit, empty, binary, invalid UTF-8).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../model.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** File names a folder walk picks up (an explicitly named file is read whatever its name). */
const READABLE = /\.(txt|text|jsonl|ndjson|html?|html?\.gz)$/i;

/**
 * Expand paths into a sorted list of files. Folders are walked recursively; hidden entries and
 * node_modules are skipped; in a Timeline17 topic folder only `InputDocs/` is read (its `timelines/`
 * are gold summaries, not articles). Nonexistent paths are reported through `onError`.
 */
export function listFiles(paths: string[], onError: (e: InputError) => void): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      onError(new InputError(p, 'no such file or folder'));
      continue;
    }
    if (st.isDirectory()) walk(p, out, onError);
    else out.push(p);
  }
  return out;
}

function walk(dir: string, out: string[], onError: (e: InputError) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    onError(new InputError(dir, `cannot read folder: ${(e as Error).message}`));
    return;
  }
  const isTimeline17Topic = names.includes('InputDocs');
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    if (isTimeline17Topic && name !== 'InputDocs') continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue; // dangling link
    }
    if (st.isDirectory()) walk(p, out, onError);
    else if (READABLE.test(name)) out.push(p);
  }
}

/** True when the bytes look binary: a NUL byte, or many control characters, in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 strictly (a BOM is dropped); throws InputError naming the file and the byte offset. */
export function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    const s = utf8.decode(bytes);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  } catch {
    // Find roughly where the first bad byte is, so the message says where.
    const dec = new TextDecoder('utf-8', { fatal: true });
    let offset = 0;
    for (const step = 4096; offset < bytes.length; offset += step) {
      try {
        dec.decode(bytes.subarray(offset, offset + step), { stream: true });
      } catch {
        break;
      }
    }
    throw new InputError(
      path,
      `not valid UTF-8 (first bad byte near offset ${offset}); convert the file to UTF-8`,
    );
  }
}

/** Read a file as text with every check; throws InputError naming the file. */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_BYTES): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(path, 'no such file');
  }
  if (size > maxBytes) throw new InputError(path, `file is ${size} bytes, over the ${maxBytes}-byte limit`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(path, `cannot read: ${(e as Error).message}`);
  }
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (looksBinary(bytes)) throw new InputError(path, `binary file (${basename(path)} is not text)`);
  const text = decodeUtf8(path, bytes);
  if (!text.trim()) throw new InputError(path, 'empty file (only whitespace)');
  return text;
}
