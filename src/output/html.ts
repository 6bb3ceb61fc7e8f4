/** A self-contained HTML page for a timeline (no scripts; every text escaped). */
import type { Timeline } from '../model.js';
import { presentTimeline, sourceTitleLabel } from './present.js';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const safeUrl = (u: string | null | undefined) => (u && /^https?:\/\//i.test(u) ? u : null);

const CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}ol.tl{list-style:none;padding:0;border-left:3px solid #2b59c3;margin-left:.5rem}
ol.tl>li{margin:0 0 1.5rem 1rem;position:relative}ol.tl>li:before{content:"";position:absolute;left:-1.45rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:#2b59c3}
time{font-weight:700;color:#2b59c3}.src{font-size:.85rem;color:#555}.src a{color:#1d4ed8}
blockquote{margin:.5rem 0;padding-left:.8rem;border-left:3px solid #ccc}.chip{display:inline-block;background:#eef2ff;border-radius:1rem;padding:0 .6rem;margin:.1rem;font-size:.85rem}`;

export function timelineHtml(timeline: Timeline, title = 'Timeline'): string {
  const t = presentTimeline(timeline);
  const entries = t.entries
    .map((e) => {
      const sources = e.sources
        .map((s, i) => {
          const label = escapeHtml(sourceTitleLabel(s));
          const url = safeUrl(s.url);
          return url
            ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">[${i + 1}] ${label}</a>`
            : `<span>[${i + 1}] ${label}</span>`;
        })
        .join(' ');
      return `<li><time datetime="${escapeHtml(e.date)}">${escapeHtml(e.date)}</time><ul>${e.summary
        .map((s) => `<li>${escapeHtml(s)}</li>`)
        .join('')}</ul><div class="src">${sources}</div></li>`;
    })
    .join('\n');
  const chips = t.entities
    .slice(0, 30)
    .map(
      (e) =>
        `<span class="chip" title="${escapeHtml(e.aliases.join(', '))}">${escapeHtml(e.name)} · ${e.mentions}</span>`,
    )
    .join(' ');
  const quotes = t.quotes
    .map(
      (q) =>
        `<blockquote>“${escapeHtml(q.text)}” <cite>— ${escapeHtml(q.speaker ?? 'unknown')}${q.date ? `, ${escapeHtml(q.date)}` : ''}</cite></blockquote>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<ol class="tl">
${entries}
</ol>
${chips ? `<h2>Who and what</h2><p>${chips}</p>` : ''}
${quotes ? `<h2>Quotes</h2>${quotes}` : ''}
</body></html>
`;
}
