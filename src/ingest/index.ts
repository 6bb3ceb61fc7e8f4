/**
 * Ingest: turns paths (files or folders, recursively), URLs and in-memory records into Articles.
 * One reader per input kind; this module only dispatches.
 */
import type { Article } from '../model.js';
import { InputError } from '../model.js';

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

/** STUB (owned by the ingest work). */
export async function readInputs(_inputs: string[], _options: IngestOptions = {}): Promise<IngestResult> {
  return { articles: [], errors: [] };
}
