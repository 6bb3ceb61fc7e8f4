/** Markdown for a timeline: one heading per date, footnote-style numbered sources. */
import type { Timeline } from '../model.js';
import { presentTimeline, sourceTitleLabel } from './present.js';

const esc = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');

export function timelineMarkdown(timeline: Timeline, title = 'Timeline'): string {
  const t = presentTimeline(timeline);
  const out: string[] = [`# ${esc(title)}`, ''];
  for (const e of t.entries) {
    out.push(`## ${e.date}`, '');
    for (const s of e.summary) out.push(`- ${esc(s)}`);
    out.push('');
    out.push(
      'Sources: ' +
        e.sources
          .map((s, i) => {
            const label = esc(sourceTitleLabel(s));
            return s.url ? `[${i + 1}] [${label}](${s.url})` : `[${i + 1}] ${label}`;
          })
          .join(' · '),
      '',
    );
  }
  if (t.entities.length) {
    out.push('## Who and what', '');
    for (const e of t.entities.slice(0, 30))
      out.push(
        `- **${esc(e.name)}** (${e.type}, ${e.mentions})${e.aliases.length ? ` — ${esc(e.aliases.join(', '))}` : ''}`,
      );
    out.push('');
  }
  if (t.quotes.length) {
    out.push('## Quotes', '');
    for (const q of t.quotes)
      out.push(`> “${esc(q.text)}” — ${esc(q.speaker ?? 'unknown')}${q.date ? `, ${q.date}` : ''}`, '');
  }
  return out.join('\n');
}
