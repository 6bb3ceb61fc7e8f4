/**
 * Reader for the Timeline17 layout: `<topic>/InputDocs/<YYYY-MM-DD>/<file>.txt`, one tokenised sentence
 * per line; the publication day is the folder name and the topic is the topic folder's name.
 * The outlet is the part of the topic folder after its first underscore (bpoil_guardian → guardian).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Article } from '../model.js';
import { InputError, newArticle } from '../model.js';
import { readTextFile } from './files.js';
import { articleId } from './text.js';
import { contentHash } from '../util/content-hash.js';

/** Does this path follow the Timeline17 article layout? */
export function isTimeline17Path(path: string): boolean {
  return /(?:^|[\\/])InputDocs[\\/]\d{4}-\d{2}-\d{2}[\\/][^\\/]+$/.test(path);
}

export function readTimeline17Article(path: string, maxBytes?: number): Article {
  const day = basename(dirname(path));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new InputError(path, 'not in a Timeline17 InputDocs/<YYYY-MM-DD>/ folder');
  const topic = basename(dirname(dirname(dirname(path))));
  const underscore = topic.indexOf('_');
  const rawText = readTextFile(path, maxBytes).replace(/\r\n?/g, '\n');
  const a = newArticle({
    id: articleId(path, rawText),
    rawText,
    path,
    publishedAt: day,
    publishedAtEvidence: 'folder',
    topic,
    source: underscore > 0 ? topic.slice(underscore + 1) : null,
    linesAreSentences: true,
  });
  a.contentHash = contentHash(rawText);
  return a;
}

/**
 * Every article under a Timeline17 topic folder (or its InputDocs folder), sorted by path. Unreadable
 * files and misplaced entries become InputErrors (also passed to `onError`); the rest is read.
 */
export function readTimeline17Dir(
  dir: string,
  onError: (e: InputError) => void = () => {},
): { articles: Article[]; errors: InputError[] } {
  const root = basename(dir) === 'InputDocs' ? dir : join(dir, 'InputDocs');
  const articles: Article[] = [];
  const errors: InputError[] = [];
  const report = (e: InputError) => {
    errors.push(e);
    onError(e);
  };
  let days: string[];
  try {
    days = readdirSync(root).sort();
  } catch {
    report(new InputError(dir, 'not a Timeline17 topic folder (no InputDocs/ inside)'));
    return { articles, errors };
  }
  for (const day of days) {
    const dd = join(root, day);
    if (!statSync(dd).isDirectory()) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      report(new InputError(dd, 'folder name is not a YYYY-MM-DD publication day; skipped'));
      continue;
    }
    for (const f of readdirSync(dd).sort()) {
      try {
        articles.push(readTimeline17Article(join(dd, f)));
      } catch (e) {
        if (e instanceof InputError) report(e);
        else throw e;
      }
    }
  }
  return { articles, errors };
}
