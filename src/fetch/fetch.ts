/**
 * Safe fetching of untrusted URLs. Only http/https; every host is resolved here (all addresses) and
 * refused when any address is loopback/private/link-local/multicast/... (see address.ts) unless
 * `allowPrivate`; the connection goes to the vetted address through a custom `lookup`, so a DNS answer
 * cannot change between the check and the connect (no rebinding). Redirects are followed by hand and
 * re-checked. Limits: redirects, decompressed size (a gzip bomb stops at the limit), total time, idle
 * time (a server that drips bytes), content types. Cloud metadata addresses are refused always.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { InputError } from '../model.js';
import { forbiddenAddressReason } from './address.js';

export const USER_AGENT = 'Chronicle/0.1 (+https://example.invalid/chronicle)';

export const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
export const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
  'text/plain',
];

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface FetchOptions {
  allowPrivate?: boolean;
  /** Default 5. */
  maxRedirects?: number;
  /** Largest body after decompression, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Whole request, redirects included (default 30 s). */
  timeoutMs?: number;
  /** Longest silence from the server (default 10 s). */
  idleTimeoutMs?: number;
  /** Accepted media types (default: HTML, feeds and JSON). */
  allowedTypes?: string[];
  /** Extra request headers (If-None-Match, If-Modified-Since...). */
  headers?: Record<string, string>;
  /** DNS resolver (tests inject one); default: node:dns lookup of all addresses. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Address policy: why an IP must not be fetched, or null (default: forbiddenAddressReason). */
  addressPolicy?: (ip: string) => string | null;
  /** Abort from outside (the watch loop stopping). */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final URL after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  contentType: string | null;
  /** Decompressed body ('' for 304). */
  body: Buffer;
  /** True for 304 Not Modified (conditional GET). */
  notModified: boolean;
}

/** A fetch that failed: names the URL; `status` when the server answered with an error. */
export class FetchError extends InputError {
  constructor(
    url: string,
    message: string,
    readonly status?: number,
    /** Seconds the server asked us to wait (Retry-After on 429/503). */
    readonly retryAfterSec?: number,
  ) {
    super(url, message);
    this.name = 'FetchError';
  }
}

const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

async function defaultResolve(hostname: string): Promise<ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

/** Resolve and vet a URL's host; returns the address to connect to. */
export async function vetHost(url: URL, options: FetchOptions): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal) addresses = [{ address: host, family: literal }];
  else {
    try {
      addresses = await (options.resolve ?? defaultResolve)(host);
    } catch (e) {
      throw new FetchError(url.href, `cannot resolve host ${host}: ${(e as Error).message}`);
    }
  }
  if (!addresses.length) throw new FetchError(url.href, `host ${host} has no addresses`);
  for (const a of addresses) {
    if (METADATA.has(a.address.toLowerCase()))
      throw new FetchError(url.href, `refused: ${host} resolves to a cloud metadata address (${a.address})`);
    const reason = (options.addressPolicy ?? forbiddenAddressReason)(a.address);
    if (reason && !options.allowPrivate)
      throw new FetchError(
        url.href,
        `refused: ${host} resolves to ${a.address} (${reason}); use --allow-private to permit private addresses`,
      );
  }
  return addresses[0];
}

function checkUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(String(raw), 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError(url.href, `refused: only http and https URLs are fetched, not ${url.protocol}`);
  if (url.username || url.password)
    throw new FetchError(url.href, 'refused: URLs with credentials are not fetched');
  return url;
}

/** Retry-After as seconds (delta-seconds or an HTTP date), or undefined. */
function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, Math.round((t - Date.now()) / 1000));
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** Fetch one URL under the safety limits. Throws FetchError naming the URL. */
export async function safeFetch(input: string | URL, options: FetchOptions = {}): Promise<FetchResult> {
  const maxRedirects = options.maxRedirects ?? 5;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let url = checkUrl(input);
  const original = url.href;
  for (let hop = 0; ; hop++) {
    const address = await vetHost(url, options);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new FetchError(original, `timed out after ${timeoutMs} ms`);
    const res = await requestOnce(url, address, options, remaining, original);
    if (res.redirect) {
      if (hop >= maxRedirects)
        throw new FetchError(original, `too many redirects (more than ${maxRedirects})`);
      url = checkUrl(new URL(res.redirect, url));
      continue;
    }
    return res.result!;
  }
}

interface Once {
  redirect?: string;
  result?: FetchResult;
}

const ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5';

/** A DNS lookup that answers with the vetted address: every connection goes there, whatever DNS would say now. */
function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all)
      (cb as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [address]);
    else cb(null, address.address, address.family);
  };
}

/** The response body decompressed per its Content-Encoding, or null for an encoding we do not read. */
function decoded(res: http.IncomingMessage, encoding: string): NodeJS.ReadableStream | null {
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return res.pipe(zlib.createInflate());
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress());
  if (encoding !== 'identity' && encoding !== '') return null;
  return res;
}

function fetchResult(
  url: URL,
  status: number,
  res: http.IncomingMessage,
  body: Buffer,
  notModified: boolean,
): FetchResult {
  const contentType = res.headers['content-type'] ?? null;
  return { url: url.href, status, headers: res.headers, contentType, body, notModified };
}

function requestOnce(
  url: URL,
  address: ResolvedAddress,
  options: FetchOptions,
  remainingMs: number,
  original: string,
): Promise<Once> {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const idleMs = options.idleTimeoutMs ?? 10_000;
  const allowed = options.allowedTypes ?? [...HTML_TYPES, ...FEED_TYPES];
  const lookup = pinnedLookup(address);
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<Once>((resolve, reject) => {
    let settled = false;
    let body: (NodeJS.ReadableStream & { destroy?: () => void }) | null = null;
    const fail = (msg: string, status?: number, retryAfterSec?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      options.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      body?.destroy?.(); // stop a decompressor that still holds input
      reject(
        new FetchError(
          original === url.href ? original : `${original} -> ${url.href}`,
          msg,
          status,
          retryAfterSec,
        ),
      );
    };
    const total = setTimeout(() => fail(`timed out (total time limit reached)`), remainingMs);
    const onAbort = () => fail('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const req = mod.request(
      url,
      {
        method: 'GET',
        lookup,
        headers: {
          'user-agent': USER_AGENT,
          accept: ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
          ...options.headers,
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304) {
          res.resume();
          const loc = res.headers.location;
          if (!loc) return fail(`redirect ${status} without a Location header`, status);
          settled = true;
          clearTimeout(total);
          req.destroy();
          return resolve({ redirect: loc });
        }
        const contentType = res.headers['content-type'] ?? null;
        if (status === 304) {
          res.resume();
          settled = true;
          clearTimeout(total);
          return resolve({ result: fetchResult(url, status, res, Buffer.alloc(0), true) });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return fail(
            `HTTP ${status}${res.statusMessage ? ' ' + res.statusMessage : ''}`,
            status,
            retryAfter(res.headers['retry-after']),
          );
        }
        const type = mediaType(contentType);
        if (type && !allowed.includes(type)) {
          res.resume();
          return fail(`refused content type "${type}" (accepted: ${allowed.join(', ')})`, status);
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes)
          return fail(`response of ${declared} bytes is over the ${maxBytes}-byte limit`, status);
        const encoding = String(res.headers['content-encoding'] ?? 'identity')
          .toLowerCase()
          .trim();
        const stream = decoded(res, encoding);
        if (!stream) return fail(`unsupported content encoding "${encoding}"`, status);
        body = stream;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          // Counted after decompression, so a small compressed bomb stops here.
          if (size > maxBytes)
            return fail(`response is over the ${maxBytes}-byte limit (decompressed)`, status);
          chunks.push(c);
        });
        stream.on('error', (e: Error) => fail(`bad response body: ${e.message}`, status));
        res.on('aborted', () => fail('connection closed before the body was complete', status));
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(total);
          options.signal?.removeEventListener('abort', onAbort);
          resolve({ result: fetchResult(url, status, res, Buffer.concat(chunks), false) });
        });
      },
    );
    // Socket inactivity: fires when the server stops sending (drip-feed or hung server).
    req.setTimeout(idleMs, () => fail(`no data from the server for ${idleMs} ms`));
    req.on('error', (e) => fail(e.message));
    req.end();
  });
}
