/**
 * Publication-date metrics over a folder laid out like the htmldate evaluation set (`gold.json`: url ->
 * {file, date}, pages in `html/`): accuracy of the day over all pages (no date = wrong), coverage (pages
 * with a date) and precision (correct / pages with a date).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IsoDay } from '../model.js';

export interface PubdatePage {
  url: string;
  file: string;
  /** null: the page has no publication date (a home page); the right answer is then no date. */
  gold: IsoDay | null;
}

export function loadPubdateDataset(dir: string): PubdatePage[] {
  const goldPath = join(dir, 'gold.json');
  if (!existsSync(goldPath))
    throw new Error(`${goldPath}: not found (expected a pubdates folder with gold.json and html/)`);
  let gold: Record<string, { file?: string; date?: string }>;
  try {
    // The htmldate set writes pages without a date as NaN (Python's json); read them as null.
    gold = JSON.parse(readFileSync(goldPath, 'utf8').replace(/:\s*NaN\b/g, ': null'));
  } catch (e) {
    throw new Error(`${goldPath}: invalid JSON: ${(e as Error).message}`);
  }
  return Object.entries(gold).map(([url, rec]) => {
    if (!rec.file || (rec.date != null && !/^\d{4}-\d{2}-\d{2}/.test(rec.date)))
      throw new Error(`${goldPath}: record for ${url} lacks a file or has a malformed date`);
    return { url, file: join(dir, 'html', rec.file), gold: rec.date ? rec.date.slice(0, 10) : null };
  });
}

export interface PubdateScores {
  accuracy: number;
  coverage: number;
  precision: number;
  pages: number;
}

/** A page is correct when the predicted day equals the gold day (or both are null: an undated page). */
export function scorePubdates(results: { gold: IsoDay | null; predicted: IsoDay | null }[]): PubdateScores {
  const pages = results.length;
  const dated = results.filter((r) => r.predicted !== null).length;
  const correct = results.filter((r) => r.predicted === r.gold).length;
  const correctDated = results.filter((r) => r.predicted !== null && r.predicted === r.gold).length;
  return {
    accuracy: pages ? correct / pages : 0,
    coverage: pages ? dated / pages : 0,
    precision: dated ? correctDated / dated : 0,
    pages,
  };
}
