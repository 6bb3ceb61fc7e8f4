/**
 * Reader for the Timeline17 layout: `<topic>/InputDocs/<YYYY-MM-DD>/<file>.txt`, one tokenised sentence
 * per line; the publication day is the folder name and the topic is the topic folder's name.
 * (Minimal version written by ingest; the timeline work may extend it.)
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Article } from '../model.js';
import { InputError, newArticle } from '../model.js';
import { readTextFile } from './files.js';
import { articleId, contentHash } from './text.js';

/** Does this path follow the Timeline17 article layout? */
export function isTimeline17Path(path: string): boolean {
  return /(?:^|[\\/])InputDocs[\\/]\d{4}-\d{2}-\d{2}[\\/][^\\/]+$/.test(path);
}

export function readTimeline17Article(path: string, maxBytes?: number): Article {
  const day = basename(dirname(path));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new InputError(path, 'not in a Timeline17 InputDocs/<YYYY-MM-DD>/ folder');
  const topic = basename(dirname(dirname(dirname(path))));
  const rawText = readTextFile(path, maxBytes).replace(/\r\n?/g, '\n');
  const a = newArticle({
    id: articleId(path, rawText),
    rawText,
    path,
    publishedAt: day,
    publishedAtEvidence: 'folder',
    topic,
    linesAreSentences: true,
  });
  a.contentHash = contentHash(rawText);
  return a;
}

/** Every article under a Timeline17 topic folder (or its InputDocs folder), sorted by path. */
export function readTimeline17Dir(dir: string, onError: (e: InputError) => void = () => {}): Article[] {
  const root = basename(dir) === 'InputDocs' ? dir : join(dir, 'InputDocs');
  const out: Article[] = [];
  for (const day of readdirSync(root).sort()) {
    const dd = join(root, day);
    if (!statSync(dd).isDirectory()) continue;
    for (const f of readdirSync(dd).sort()) {
      try {
        out.push(readTimeline17Article(join(dd, f)));
      } catch (e) {
        if (e instanceof InputError) onError(e);
        else throw e;
      }
    }
  }
  return out;
}
