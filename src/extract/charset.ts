/**
 * Charset detection and decoding for HTML bytes. Order of trust: byte-order mark, the HTTP
 * Content-Type header, `<meta charset>` / `<meta http-equiv="content-type">` in the first bytes, then a
 * guess: UTF-8 when the bytes are valid UTF-8, else windows-1252 (what browsers assume for
 * undeclared Western pages; WHATWG Encoding maps "iso-8859-1" and "ascii" to windows-1252 too).
 */
import { gunzipSync } from 'node:zlib';

/**
 * windows-1252 bytes 0x80–0x9F (the Encoding Standard's index-windows-1252); Node 20's TextDecoder
 * decodes "windows-1252" as ISO-8859-1, leaving curly quotes and dashes as C1 control characters.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeAs(charset: string, bytes: Uint8Array): string {
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(charset).decode(bytes);
}

/** WHATWG label normalisation for the labels that matter for news pages. */
function normaliseLabel(label: string): string | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // Encoding Standard: these labels all mean windows-1252.
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'ascii', 'us-ascii', 'cp1252', 'x-cp1252'].includes(l))
    return 'windows-1252';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? normaliseLabel(m[1]) : null;
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  return null;
}

/** `<meta charset=...>` or http-equiv content-type within the first 4 KB (the prescan window is 1024 in WHATWG; pages often put it later). */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  if (!m) return null;
  const c = normaliseLabel(m[1]);
  // A page served as bytes cannot really be UTF-16 when its meta says so in ASCII (WHATWG rule).
  if (c === 'utf-16le' || c === 'utf-16be') return 'utf-8';
  return c;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface DecodedHtml {
  text: string;
  charset: string;
  /** How the charset was chosen. */
  source: 'bom' | 'header' | 'meta' | 'guess';
  /** Set when the declared charset did not fit the bytes and we fell back. */
  warning?: string;
}

/** Decode HTML bytes; `contentType` is the HTTP header when the bytes came from the web. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const bom = bomCharset(bytes);
  if (bom)
    return {
      text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.skip)),
      charset: bom.charset,
      source: 'bom',
    };
  const declared: [string | null, 'header' | 'meta'][] = [
    [charsetFromContentType(contentType), 'header'],
    [charsetFromMeta(bytes), 'meta'],
  ];
  for (const [charset, source] of declared) {
    if (!charset) continue;
    // A page declared as a single-byte charset that is valid multi-byte UTF-8 is almost always
    // mislabelled UTF-8 (a common CMS bug); the reverse, declared UTF-8 but invalid, is decoded as
    // windows-1252 so the text is not full of replacement characters.
    const utf8 = isValidUtf8(bytes);
    if (charset === 'utf-8' && !utf8)
      return {
        text: decodeWindows1252(bytes),
        charset: 'windows-1252',
        source,
        warning: 'declared utf-8 but bytes are not valid UTF-8; decoded as windows-1252',
      };
    if (charset === 'windows-1252' && utf8 && hasMultiByte(bytes))
      return {
        text: new TextDecoder('utf-8').decode(bytes),
        charset: 'utf-8',
        source,
        warning: `declared ${charset} but bytes are valid UTF-8; decoded as utf-8`,
      };
    return { text: decodeAs(charset, bytes), charset, source };
  }
  const utf8 = isValidUtf8(bytes);
  const charset = utf8 ? 'utf-8' : 'windows-1252';
  return { text: decodeAs(charset, bytes), charset, source: 'guess' };
}

function hasMultiByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Gunzip when the bytes start with the gzip magic number (1f 8b), else return them as they are. */
export function maybeGunzip(bytes: Uint8Array, maxBytes = 50 * 1024 * 1024): Uint8Array {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes, { maxOutputLength: maxBytes });
  return bytes;
}
