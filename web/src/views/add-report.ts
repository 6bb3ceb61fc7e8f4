/** What the "add articles" form says after a write: added, already stored, and what was skipped. */
import type { IngestResponse } from '../api.js';
import { plural } from '../format.js';

export function reportText(r: IngestResponse): string {
  const problems = r.errors.map((e) => `${e.input}: ${e.message}`);
  return (
    `Added ${plural(r.added.length, 'article')}` +
    (r.duplicates.length ? `, ${r.duplicates.length} already stored` : '') +
    (problems.length ? `. Skipped: ${problems.join('; ')}` : '.')
  );
}
