/**
 * Reader for the Timeline17 layout: `<topic>/InputDocs/<YYYY-MM-DD>/<file>.txt`, one tokenised sentence
 * per line; the publication day is the folder name and the topic is the topic folder's name.
 * The outlet is the part of the topic folder after its first underscore (bpoil_guardian → guardian).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Article, IsoDay } from '../model.js';
import { InputError, newArticle } from '../model.js';
import { readTextFile } from './files.js';
import { articleId, isoDay } from './text.js';
import { contentHash } from '../util/content-hash.js';

/** Does this path follow the Timeline17 article layout? */
export function isTimeline17Path(path: string): boolean {
  return /(?:^|[\\/])InputDocs[\\/]\d{4}-\d{2}-\d{2}[\\/][^\\/]+$/.test(path);
}

/** The calendar day a folder name `YYYY-MM-DD` stands for, or null (`2024-13-45`, `0000-00-00`). */
export function folderDay(name: string): IsoDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(name);
  return m ? isoDay(+m[1], +m[2], +m[3]) : null;
}

/**
 * One article of the layout. A day folder whose name is no calendar day (`2024-13-45`) is reported
 * (naming the folder, also through `onError`) and the article is kept undated.
 */
export function readTimeline17Article(
  path: string,
  maxBytes?: number,
  onError?: (e: InputError) => void,
): Article {
  const folder = basename(dirname(path));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(folder))
    throw new InputError(path, 'not in a Timeline17 InputDocs/<YYYY-MM-DD>/ folder');
  const day = folderDay(folder);
  const topic = basename(dirname(dirname(dirname(path))));
  const underscore = topic.indexOf('_');
  const rawText = readTextFile(path, maxBytes).replace(/\r\n?/g, '\n');
  const a = newArticle({
    id: articleId(path, rawText),
    rawText,
    path,
    publishedAt: day,
    publishedAtEvidence: day ? 'folder' : null,
    topic,
    source: underscore > 0 ? topic.slice(underscore + 1) : null,
    linesAreSentences: true,
  });
  a.contentHash = contentHash(rawText);
  if (!day) {
    const e = new InputError(
      dirname(path),
      `folder name ${folder} is not a calendar day; ${basename(path)} is kept without a date`,
    );
    a.warnings.push(e.message);
    onError?.(e);
  }
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
    if (!folderDay(day)) {
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
