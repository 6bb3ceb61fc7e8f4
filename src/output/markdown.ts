/**
 * Markdown for a timeline: one heading per date, footnote-style numbered sources. Every piece of text
 * comes from articles (titles, source names, sentences, quotes) and is escaped so it cannot add
 * headings, links, images or HTML; links are made only to http(s) addresses, percent-encoded so they
 * cannot end the link early.
 */
import type { Timeline } from '../model.js';
import { stripControlChars } from '../util/control-chars.js';
import { presentTimeline, sourceTitleLabel } from './present.js';

/**
 * Inline Markdown text: control characters dropped, line breaks and runs of white space folded to one
 * space (a line break could start a heading or a list), and the characters that make emphasis, code,
 * links, images, tables, headings or strikethrough anywhere in a line backslash-escaped (and a `(` right
 * after a `]`, so not even the text `](javascript:` appears); `&`, `<` and `>` become entities (no HTML,
 * no entity tricks).
 * Line-start markers (`-`, `+`, `1.`, `>`) need nothing: the text never starts a line.
 */
export function escapeMarkdown(s: string): string {
  return stripControlChars(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]|#~]/g, '\\$&')
    .replace(/\\\]\(/g, '\\]\\(')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** An http(s) address ready for a Markdown link destination, or null for any other scheme. */
export function markdownLinkTarget(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(stripControlChars(url).trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // URL.href already percent-encodes spaces, quotes and angle brackets; these would end or break the link.
  return u.href.replace(
    /[()[\]<>\\ *_`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

export function timelineMarkdown(timeline: Timeline, title = 'Timeline'): string {
  const t = presentTimeline(timeline);
  const esc = escapeMarkdown;
  const out: string[] = [`# ${esc(title)}`, ''];
  for (const e of t.entries) {
    out.push(`## ${esc(e.date)}`, '');
    for (const s of e.summary) out.push(`- ${esc(s)}`);
    out.push('');
    out.push(
      'Sources: ' +
        e.sources
          .map((s, i) => {
            const label = esc(sourceTitleLabel(s));
            const target = markdownLinkTarget(s.url);
            return target ? `[${i + 1}] [${label}](${target})` : `[${i + 1}] ${label}`;
          })
          .join(' · '),
      '',
    );
  }
  if (t.entities.length) {
    out.push('## Who and what', '');
    for (const e of t.entities.slice(0, 30))
      out.push(
        `- **${esc(e.name)}** (${esc(e.type)}, ${e.mentions})${e.aliases.length ? ` — ${esc(e.aliases.join(', '))}` : ''}`,
      );
    out.push('');
  }
  if (t.quotes.length) {
    out.push('## Quotes', '');
    for (const q of t.quotes)
      out.push(`> “${esc(q.text)}” — ${esc(q.speaker ?? 'unknown')}${q.date ? `, ${esc(q.date)}` : ''}`, '');
  }
  return out.join('\n');
}
