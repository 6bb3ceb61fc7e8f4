/**
 * TimelineJS (Knight Lab) JSON: `{title: {text: {headline, text}}, events: [{start_date: {year, month, day},
 * text: {headline, text}, group?}]}`. TimelineJS renders `text` fields as HTML, so every piece of article
 * text is HTML-escaped here.
 */
import type { Timeline } from '../model.js';
import { escapeHtml } from '../output/html.js';
import { presentTimeline, sourceTitleLabel } from '../output/present.js';

export interface TimelineJsDate {
  year: string;
  month: string;
  day: string;
}

export interface TimelineJs {
  title: { text: { headline: string; text: string } };
  events: { start_date: TimelineJsDate; text: { headline: string; text: string }; group?: string }[];
}

export function timelineJs(timeline: Timeline, title: string, subtitle = ''): TimelineJs {
  const t = presentTimeline(timeline);
  return {
    title: { text: { headline: escapeHtml(title), text: escapeHtml(subtitle) } },
    events: t.entries.map((e) => {
      const [year, month, day] = e.date.split('-');
      const sources = e.sources
        .map((s) => {
          const label = escapeHtml(sourceTitleLabel(s));
          return s.url && /^https?:\/\//i.test(s.url) ? `<a href="${escapeHtml(s.url)}">${label}</a>` : label;
        })
        .join(', ');
      const body =
        e.summary.map((s) => `<p>${escapeHtml(s)}</p>`).join('') +
        (sources ? `<p><small>Sources: ${sources}</small></p>` : '');
      const headline = e.summary[0] ? truncate(e.summary[0], 90) : e.date;
      const source = e.sources[0]?.source;
      const ev: TimelineJs['events'][number] = {
        start_date: { year, month: String(Number(month)), day: String(Number(day)) },
        text: { headline: escapeHtml(headline), text: body },
      };
      if (source) ev.group = escapeHtml(source);
      return ev;
    }),
  };
}

function truncate(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.slice(0, n);
  const sp = cut.lastIndexOf(' ');
  return (sp > n / 2 ? cut.slice(0, sp) : cut) + '…';
}
