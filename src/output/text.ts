/**
 * Readable terminal text for a timeline. Titles, sources, names and quotes come from untrusted articles:
 * their escape sequences and control characters are dropped (see util/control-chars.ts) so the text
 * cannot act on the terminal it is printed to.
 */
import type { Timeline } from '../model.js';
import { stripControlChars } from '../util/control-chars.js';
import { presentTimeline, sourceOutletLabel } from './present.js';

function wrap(s: string, width: number, indent: string, rest = ' '.repeat(indent.length)): string {
  const words = s.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i ? rest : indent) + l).join('\n');
}

export function timelineText(timeline: Timeline, width = 100): string {
  return stripControlChars(timelineLines(timeline, width));
}

function timelineLines(timeline: Timeline, width: number): string {
  const t = presentTimeline(timeline);
  const out: string[] = [];
  if (!t.entries.length) out.push('(no dated events found)');
  for (const e of t.entries) {
    out.push(e.date);
    for (const s of e.summary) out.push(wrap(s, width - 4, '  - '));
    const names = [...new Set(e.sources.map(sourceOutletLabel))];
    out.push(
      `    sources (${e.sources.length}${e.outlets !== undefined && e.outlets !== e.sources.length ? ` articles, ${e.outlets} outlet${e.outlets === 1 ? '' : 's'}` : ''}): ${names.slice(0, 6).join('; ')}${names.length > 6 ? '; ...' : ''}`,
    );
    out.push('');
  }
  const people = t.entities.slice(0, 12);
  if (people.length) {
    out.push('Who and what');
    for (const e of people)
      out.push(
        `  ${e.name} (${e.type}, ${e.mentions} mentions)${e.aliases.length ? ` - also: ${e.aliases.join(', ')}` : ''}`,
      );
    out.push('');
  }
  if (t.quotes.length) {
    out.push('Quotes');
    for (const q of t.quotes.slice(0, 15))
      out.push(
        wrap(`${q.date ?? '????-??-??'} ${q.speaker ?? 'unknown'}: "${q.text}"`, width - 2, '  ', '      '),
      );
    out.push('');
  }
  return out.join('\n');
}
