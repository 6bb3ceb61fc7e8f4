/** Markdown for a timeline: one heading per date, footnote-style numbered sources. */
import type { Timeline } from '../model.js';

const esc = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');

export function timelineMarkdown(t: Timeline, title = 'Timeline'): string {
  const out: string[] = [`# ${esc(title)}`, ''];
  for (const e of t.entries) {
    out.push(`## ${e.date}`, '');
    for (const s of e.summary) out.push(`- ${esc(s)}`);
    out.push('');
    out.push(
      'Sources: ' +
        e.sources
          .map((s, i) => {
            const label = esc(s.title || s.source || s.path || s.articleId);
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
