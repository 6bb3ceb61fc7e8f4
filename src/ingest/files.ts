/**
 * File-system side of ingest: walking folders (sorted, for determinism) and reading a file as text with
 * the checks every reader needs (missing, not a regular file, over the size limit, empty, binary, not
 * decodable). A hostile folder must not hang or exhaust a run: only regular files are read (a FIFO would
 * block the open, a link to /dev/zero never ends), each folder and file is visited once (by device and
 * inode, so symlink loops end), and reads stop at the size limit whatever `stat` reported.
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../model.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** File names a folder walk picks up (an explicitly named file is read whatever its name). */
const READABLE = /\.(txt|text|jsonl|ndjson|html?|html?\.gz)$/i;

/** What a non-regular file is, for messages. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * Device and inode: the identity of a file or folder whatever path (or symlink) reached it. A file
 * system that reports no inode numbers (0) falls back to the real path.
 */
function identity(path: string, st: Stats): string {
  if (st.ino) return `${st.dev}:${st.ino}`;
  try {
    return `path:${realpathSync(path)}`;
  } catch {
    return `path:${path}`;
  }
}

/** The stat of a path (following symlinks), or the reason it cannot be followed. */
function follow(path: string): Stats | string {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'symlink loop';
    if (code === 'ENOENT') return 'no such file or folder (or a broken symlink)';
    return `cannot read: ${(e as Error).message}`;
  }
}

interface Walk {
  out: string[];
  onError: (e: InputError) => void;
  /** Identities of the folders and files already taken. */
  seen: Set<string>;
}

/**
 * Expand paths into a sorted list of regular files. Folders are walked recursively; hidden entries and
 * node_modules are skipped; in a Timeline17 topic folder only `InputDocs/` is read (its `timelines/`
 * are gold summaries, not articles). Missing paths, special files (FIFOs, sockets, devices), symlink
 * loops and folders or files reached a second time are reported through `onError` and skipped.
 */
export function listFiles(paths: string[], onError: (e: InputError) => void): string[] {
  const w: Walk = { out: [], onError, seen: new Set() };
  for (const p of paths) {
    const st = follow(p);
    if (typeof st === 'string') onError(new InputError(p, st));
    else if (st.isDirectory()) walk(p, st, w);
    else take(p, st, w);
  }
  return w.out;
}

/** Take one file if it is a regular file not taken before (a second link to it is skipped quietly). */
function take(path: string, st: Stats, w: Walk): void {
  if (!st.isFile()) {
    w.onError(new InputError(path, `${kindOf(st)}, not a regular file; skipped`));
    return;
  }
  const id = identity(path, st);
  if (w.seen.has(id)) return;
  w.seen.add(id);
  w.out.push(path);
}

function walk(dir: string, st: Stats, w: Walk): void {
  const id = identity(dir, st);
  if (w.seen.has(id)) {
    w.onError(new InputError(dir, 'folder already read (a symlink loop or a second link to it); skipped'));
    return;
  }
  w.seen.add(id);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    w.onError(new InputError(dir, `cannot read folder: ${(e as Error).message}`));
    return;
  }
  const isTimeline17Topic = names.includes('InputDocs');
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    if (isTimeline17Topic && name !== 'InputDocs') continue;
    const p = join(dir, name);
    const child = follow(p);
    if (typeof child === 'string') {
      // A broken link with another name is no article anyway; a loop is always worth saying.
      if (READABLE.test(name) || child === 'symlink loop') w.onError(new InputError(p, `${child}; skipped`));
    } else if (child.isDirectory()) walk(p, child, w);
    else if (READABLE.test(name)) take(p, child, w);
  }
}

/** Bytes read at a time: files are read up to the limit plus one byte, never by their reported size. */
const CHUNK = 1024 * 1024;

/**
 * The bytes of a regular file, at most `maxBytes`; throws InputError naming the file when it is missing,
 * not a regular file, or longer than the limit. The file is opened without blocking (opening a FIFO for
 * reading would wait for a writer) and checked on the open descriptor, so a swap after a check does not
 * matter; a file that grows while it is read (or reports size 0) is cut off at the limit.
 */
export function readFileBounded(path: string, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(path, 'no such file');
    if (code === 'ELOOP') throw new InputError(path, 'symlink loop');
    if (code === 'ENXIO') throw new InputError(path, 'a socket, not a regular file');
    throw new InputError(path, `cannot read: ${(e as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(path, `${kindOf(st)}, not a regular file`);
    if (st.size > maxBytes)
      throw new InputError(path, `file is ${st.size} bytes, over the ${maxBytes}-byte limit`);
    const chunks: Buffer[] = [];
    let total = 0;
    // The reported size (plus one byte, to see the end) is a good first guess, never a limit.
    let want = st.size > 0 ? st.size + 1 : CHUNK;
    while (total <= maxBytes) {
      const buf = Buffer.allocUnsafe(Math.min(want, CHUNK, maxBytes + 1 - total));
      want = CHUNK;
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (n < buf.length) break; // a short read of a regular file is its end
    }
    if (total > maxBytes) throw new InputError(path, `file is over the ${maxBytes}-byte limit`);
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, `cannot read: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
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

/** The UTF-16 encoding a byte-order mark announces (FF FE little-endian, FE FF big-endian), or null. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Decode text bytes: UTF-16 when a byte-order mark says so (its NUL bytes are not binary), otherwise
 * strict UTF-8 (a UTF-8 BOM is dropped). Throws InputError naming the file.
 */
export function decodeText(path: string, bytes: Uint8Array): string {
  const utf16 = utf16Bom(bytes);
  if (!utf16) {
    if (looksBinary(bytes)) throw new InputError(path, `binary file (${basename(path)} is not text)`);
    return decodeUtf8(path, bytes);
  }
  let text: string;
  try {
    text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new InputError(path, `not valid ${utf16.toUpperCase()} (the file starts with its byte-order mark)`);
  }
  // A NUL in decoded text is binary data behind a BOM-like start.
  if (text.includes('\0')) throw new InputError(path, `binary file (${basename(path)} is not text)`);
  return text;
}

/** Read a file as text with every check; throws InputError naming the file. */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_BYTES): string {
  const bytes = readFileBounded(path, maxBytes);
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  const text = decodeText(path, bytes);
  if (!text.trim()) throw new InputError(path, 'empty file (only whitespace)');
  return text;
}
