/**
 * Turning a POST /api/articles request into Articles: JSON records, a pasted text/plain body, uploaded
 * files (read by the same ingest readers as the CLI) or URLs (fetched by `readInputs`, which refuses
 * private addresses unless allowed).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Article } from '../model.js';
import { readInputs, toArticles } from '../index.js';
import { ApiError, mediaType, parseJson, readBodyLimited, validate } from './http.js';
import { articlesBody, publishedAt, storyId, urlsBody } from './schemas.js';
import { z } from 'zod';

/** A file part of a multipart body (undici's File: the Node tsconfig has no DOM lib to name it). */
type UploadedFile = Exclude<ReturnType<FormData['get']>, string | null>;

export interface InputLimits {
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Most articles in one JSON request. */
  maxArticles: number;
  /** Most URLs in one request. */
  maxUrls: number;
  /** Most files in one upload. */
  maxFiles: number;
  /** Let URL inputs reach loopback/private addresses (off by default: the server must not be an SSRF proxy). */
  allowPrivateUrls: boolean;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxBodyBytes: 10 * 1024 * 1024,
  maxArticles: 1000,
  maxUrls: 20,
  maxFiles: 50,
  allowPrivateUrls: false,
};

export interface ReadProblem {
  input: string;
  line?: number;
  message: string;
}

export interface RequestArticles {
  articles: Article[];
  problems: ReadProblem[];
  /** The story the caller wants the articles in (else the store clusters them). */
  story?: string;
}

/** Upload extensions the ingest readers understand. */
export const UPLOAD_EXTENSIONS = ['.txt', '.html', '.htm', '.jsonl'];

const ACCEPTED = ['application/json', 'text/plain', 'multipart/form-data'];

const textQuery = z
  .object({
    title: z.string().max(1000).optional(),
    source: z.string().max(300).optional(),
    byline: z.string().max(300).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    publishedAt: publishedAt.optional(),
    story: storyId.optional(),
  })
  .strict();

/** JSON bodies at least this large are parsed off the server's thread when it can (a 7 MB body took 50-200 ms). */
export const OFF_THREAD_JSON_BYTES = 1024 * 1024;

/** Parses UTF-8 JSON text elsewhere (AnalyzerPool.parseJson); rejects with a SyntaxError on bad JSON. */
export type JsonParser = (text: Uint8Array<ArrayBuffer>) => Promise<unknown>;

/** Read and validate the request; throws ApiError (400/413/415) for bad requests. */
export async function articlesFromRequest(
  req: Request,
  query: Record<string, string>,
  limits: InputLimits,
  parseLarge?: JsonParser,
): Promise<RequestArticles> {
  const type = mediaType(req);
  if (!ACCEPTED.includes(type))
    throw new ApiError(415, `unsupported content type "${type || '(none)'}": send ${ACCEPTED.join(', ')}`);
  const body = await readBodyLimited(req, limits.maxBodyBytes);

  if (type === 'text/plain') {
    const meta = validate(textQuery, query, 'query');
    const text = new TextDecoder().decode(body);
    if (!text.trim()) throw new ApiError(400, 'the text body is empty');
    const { story, ...fields } = meta;
    return { articles: toArticles([{ ...fields, text }]), problems: [], story };
  }

  if (type === 'application/json') {
    const json =
      parseLarge && body.length >= OFF_THREAD_JSON_BYTES
        ? await parseLarge(body).catch((e: unknown) => {
            if (e instanceof SyntaxError) throw new ApiError(400, `malformed JSON body: ${e.message}`);
            throw e;
          })
        : parseJson(new TextDecoder().decode(body));
    if (json && typeof json === 'object' && 'urls' in json) {
      const { urls, story } = validate(urlsBody(limits.maxUrls), json, 'body');
      return fromUrls(urls, story, limits);
    }
    const { articles, story } = validate(articlesBody(limits.maxArticles), json, 'body');
    return { articles: toArticles(articles), problems: [], story };
  }

  // multipart/form-data: files (field "files" or "file"), optional "text" and "urls" fields.
  let form: FormData;
  try {
    form = await new Request('http://local/', { method: 'POST', headers: req.headers, body }).formData();
  } catch (e) {
    throw new ApiError(400, `malformed multipart body: ${(e as Error).message}`);
  }
  const story = form.get('story');
  const storyHint = typeof story === 'string' && story ? validate(storyId, story, 'story') : undefined;
  const files = form
    .getAll('files')
    .concat(form.getAll('file'))
    .filter((f): f is UploadedFile => typeof f !== 'string');
  if (files.length > limits.maxFiles) throw new ApiError(400, `too many files: at most ${limits.maxFiles}`);
  const out: RequestArticles = { articles: [], problems: [], story: storyHint };
  if (files.length) {
    const r = await fromFiles(files, limits);
    out.articles.push(...r.articles);
    out.problems.push(...r.problems);
  }
  const text = form.get('text');
  if (typeof text === 'string' && text.trim()) {
    const meta: Record<string, string> = {};
    for (const k of ['title', 'source', 'byline', 'url', 'publishedAt']) {
      const v = form.get(k);
      if (typeof v === 'string' && v.trim()) meta[k] = v.trim();
    }
    const m = validate(textQuery, meta, 'form');
    out.articles.push(...toArticles([{ ...m, text }]));
  }
  const urls = form.get('urls');
  if (typeof urls === 'string' && urls.trim()) {
    const list = urls.split(/\s+/).filter(Boolean);
    const r = await fromUrls(
      validate(urlsBody(limits.maxUrls), { urls: list }, 'form').urls,
      undefined,
      limits,
    );
    out.articles.push(...r.articles);
    out.problems.push(...r.problems);
  }
  if (!out.articles.length && !out.problems.length)
    throw new ApiError(400, 'the form has no files, no text and no URLs');
  return out;
}

async function fromUrls(
  urls: string[],
  story: string | undefined,
  limits: InputLimits,
): Promise<RequestArticles> {
  const r = await readInputs(urls, { maxBytes: limits.maxBodyBytes, allowPrivate: limits.allowPrivateUrls });
  return {
    story,
    articles: r.articles,
    problems: r.errors.map((e) => ({ input: e.input, line: e.line, message: problemMessage(e) })),
  };
}

function problemMessage(e: Error & { input?: string; line?: number }): string {
  // InputError prefixes "<input>:<line>: "; the API reports input and line separately.
  const prefix = `${e.input ?? ''}${e.line !== undefined ? `:${e.line}` : ''}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

/** Upload names become safe local names; the problems report the name as uploaded. */
function safeName(name: string, i: number): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '');
  return `${String(i).padStart(3, '0')}-${base || 'upload'}`;
}

async function fromFiles(files: UploadedFile[], limits: InputLimits): Promise<RequestArticles> {
  const problems: ReadProblem[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'chronicle-upload-'));
  try {
    const names = new Map<string, string>();
    const paths: string[] = [];
    for (const [i, f] of files.entries()) {
      const ext = (/\.[A-Za-z0-9]+$/.exec(f.name)?.[0] ?? '').toLowerCase();
      if (!UPLOAD_EXTENSIONS.includes(ext)) {
        problems.push({
          input: f.name,
          message: `unsupported file type "${ext || '(none)'}": upload ${UPLOAD_EXTENSIONS.join(', ')}`,
        });
        continue;
      }
      const path = join(dir, safeName(f.name, i));
      await writeFile(path, new Uint8Array(await f.arrayBuffer()));
      names.set(path, f.name);
      paths.push(path);
    }
    if (!paths.length) return { articles: [], problems };
    const r = await readInputs(paths, { maxBytes: limits.maxBodyBytes });
    for (const a of r.articles) {
      // The temporary path means nothing to the caller: report the uploaded name.
      if (a.path && names.has(a.path)) a.path = names.get(a.path) ?? null;
    }
    for (const e of r.errors)
      problems.push({
        input: names.get(e.input) ?? basename(e.input),
        line: e.line,
        message: problemMessage(e),
      });
    return { articles: r.articles, problems };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
