/**
 * A baseline strategy for comparison only: chrono-node's English parser as the extractor and resolver
 * (`chronicle eval timex --method chrono`). chrono finds DATE/TIME expressions only (no durations, sets or
 * references), includes prepositions in its extents ("on Monday") and resolves weekdays without regard to
 * tense; measuring it shows what our own parsers and resolver add.
 */
import * as chrono from 'chrono-node';
import type { Timex } from '../../model.js';

const pad = (n: number) => String(n).padStart(2, '0');

export function tagWithChrono(text: string, dct: string | null): Timex[] {
  const ref = new Date((dct ?? '2000-01-01') + 'T12:00:00Z');
  const out: Timex[] = [];
  for (const r of chrono.en.parse(text, { instant: ref, timezone: 'UTC' })) {
    const c = r.start;
    const d = c.date();
    const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    let value = day;
    if (!c.isCertain('day') && c.isCertain('month')) value = day.slice(0, 7);
    const hasTime = c.isCertain('hour');
    if (hasTime) value += `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    out.push({
      text: r.text,
      start: r.index,
      end: r.index + r.text.length,
      type: hasTime ? 'TIME' : 'DATE',
      value,
      rule: 'chrono',
    });
  }
  return out;
}
