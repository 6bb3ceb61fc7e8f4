/**
 * Ingest: turns paths (files or folders, recursively), URLs and in-memory records into Articles.
 * One reader per input kind; this module only dispatches.
 *
 *   http(s)://...                         → readUrl (src/ingest/url.ts)
 *   <topic>/InputDocs/<YYYY-MM-DD>/<file> → readTimeline17Article (src/ingest/timeline17.ts)
 *   *.html, *.htm, *.html.gz, *.htm.gz    → readHtmlFile (src/ingest/html.ts)
 *   *.jsonl, *.ndjson                     → readJsonlArticles (src/ingest/jsonl.ts)
 *   anything else                         → readTextArticle (src/ingest/text.ts, dated text files)
 *
 * Problems never stop the run: each becomes an InputError naming the input (and line), collected in
 * `errors` and passed to `onError`. An article without any date is kept (publishedAt null) and reported.
 */
import type { Article } from '../model.js';
import { InputError } from '../model.js';
import { DEFAULT_MAX_BYTES, listFiles, readTextFile } from './files.js';
import { readJsonlArticles } from './jsonl.js';
import { readTextArticle } from './text.js';
import { isTimeline17Path, readTimeline17Article } from './timeline17.js';

export interface IngestOptions {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Allow fetching URLs that resolve to private/loopback addresses. */
  allowPrivate?: boolean;
  /** Called for each problem as it is found (the CLI prints them). */
  onError?: (error: InputError) => void;
  /** Called once per article read (progress). */
  onArticle?: (article: Article) => void;
}

export interface IngestResult {
  articles: Article[];
  errors: InputError[];
}

const HTML_RE = /\.html?(?:\.gz)?$/i;
const JSONL_RE = /\.(?:jsonl|ndjson)$/i;
const URL_RE = /^https?:\/\//i;

function asInputError(input: string, e: unknown): InputError {
  return e instanceof InputError ? e : new InputError(input, (e as Error)?.message ?? String(e));
}

/** Load a reader module written elsewhere; a missing module becomes a clear InputError. */
async function loadReader<T>(input: string, spec: string, name: string): Promise<T> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(spec)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(
      input,
      `this kind of input is not supported in this build (${spec}: ${(e as Error).message})`,
    );
  }
  const fn = mod[name];
  if (typeof fn !== 'function')
    throw new InputError(input, `this kind of input is not supported (${spec} has no ${name})`);
  return fn as T;
}

function asArticles(r: unknown): Article[] {
  if (!r) return [];
  if (Array.isArray(r)) return r as Article[];
  const o = r as { articles?: Article[] };
  if (Array.isArray(o.articles)) return o.articles;
  return [r as Article];
}

/** Read every input; sorted walk order makes the result deterministic. */
export async function readInputs(inputs: string[], options: IngestOptions = {}): Promise<IngestResult> {
  const articles: Article[] = [];
  const errors: InputError[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fail = (e: InputError) => {
    errors.push(e);
    options.onError?.(e);
  };
  // Readers written elsewhere (html, url) call onArticle themselves; ours are announced here.
  const add = (list: Article[], announce: boolean) => {
    for (const a of list) {
      if (!a.publishedAt)
        fail(
          new InputError(
            a.path ?? a.url ?? a.id,
            'no publication date found; the article is kept without a date',
          ),
        );
      articles.push(a);
      if (announce) options.onArticle?.(a);
    }
  };

  // Page readers note what they had to work around (markup over the limits, a wrong charset) in the
  // article's warnings: those are reported too, naming the file or URL.
  const addPages = (input: string, list: Article[]) => {
    for (const a of list) for (const w of a.warnings) fail(new InputError(input, w));
    add(list, false);
  };

  const urls = inputs.filter((i) => URL_RE.test(i));
  const paths = inputs.filter((i) => !URL_RE.test(i));

  for (const file of listFiles(paths, fail)) {
    try {
      if (isTimeline17Path(file)) add([readTimeline17Article(file, maxBytes, fail)], true);
      else if (HTML_RE.test(file)) {
        const readHtmlFile = await loadReader<(p: string, o: IngestOptions) => Promise<unknown>>(
          file,
          './html.js',
          'readHtmlFile',
        );
        addPages(file, asArticles(await readHtmlFile(file, { ...options, maxBytes })));
      } else if (JSONL_RE.test(file)) add(readJsonlArticles(file, readTextFile(file, maxBytes), fail), true);
      else add([readTextArticle(file, readTextFile(file, maxBytes), fail)], true);
    } catch (e) {
      fail(asInputError(file, e));
    }
  }
  for (const url of urls) {
    try {
      const readUrl = await loadReader<(u: string, o: IngestOptions) => Promise<unknown>>(
        url,
        './url.js',
        'readUrl',
      );
      addPages(url, asArticles(await readUrl(url, { ...options, maxBytes })));
    } catch (e) {
      fail(asInputError(url, e));
    }
  }
  return { articles, errors };
}
