/**
 * Coverage over time: articles per day as bars, the timeline's days highlighted and linked to their entry.
 * An SVG chart with a text label for screen readers.
 */
import type { TimelineView } from '../api.js';
import { h, s } from '../dom.js';
import { fmtDay, fmtShort, plural } from '../format.js';

export interface CoverageProps {
  coverage: TimelineView['coverage'];
  /** Days on the timeline. */
  selected: ReadonlySet<string>;
}

const H = 140;
const PAD = { l: 28, r: 8, t: 8, b: 22 };

export function render({ coverage, selected }: CoverageProps): Element {
  if (!coverage.length) return h('p', { class: 'muted', text: 'No dated articles yet.' });
  const max = Math.max(1, ...coverage.map((c) => c.articles));
  const bw = Math.min(40, (720 - PAD.l - PAD.r) / coverage.length);
  const W = Math.max(240, PAD.l + bw * coverage.length + PAD.r);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / max);
  const total = coverage.reduce((n, c) => n + c.articles, 0);
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    preserveAspectRatio: 'xMinYMid meet',
    role: 'img',
    class: 'coverage-svg',
    'aria-label': `${total} articles over ${coverage.length} days, most on one day: ${max}. ${selected.size} days on the timeline.`,
  });
  svg.append(
    s('line', { x1: PAD.l, x2: PAD.l + bw * coverage.length, y1: H - PAD.b, y2: H - PAD.b, class: 'axis' }),
    s('text', { x: PAD.l - 6, y: y(max) + 4, class: 'tick', 'text-anchor': 'end' }, String(max)),
    s('text', { x: PAD.l - 6, y: H - PAD.b, class: 'tick', 'text-anchor': 'end' }, '0'),
  );
  const labelEvery = Math.max(1, Math.ceil(coverage.length / 8));
  coverage.forEach((c, i) => {
    const x = PAD.l + i * bw;
    const on = selected.has(c.date);
    const bar = s(
      'rect',
      {
        x: x + Math.min(1, bw * 0.1),
        y: y(c.articles),
        width: Math.max(1, bw - Math.min(2, bw * 0.2)),
        height: Math.max(c.articles ? 1 : 0, H - PAD.b - y(c.articles)),
        class: on ? 'bar selected' : 'bar',
        'data-date': c.date,
      },
      s('title', {}, `${fmtDay(c.date)}: ${plural(c.articles, 'article')}${on ? ' (on the timeline)' : ''}`),
    );
    if (on) {
      svg.append(
        s('a', { href: `#d-${c.date}`, 'aria-label': `${fmtDay(c.date)}, ${c.articles} articles` }, bar),
      );
      svg.append(s('circle', { cx: x + bw / 2, cy: H - PAD.b + 5, r: 2.5, class: 'dot' }));
    } else svg.append(bar);
    if (i % labelEvery === 0)
      svg.append(
        s('text', { x: x + bw / 2, y: H - 4, class: 'tick', 'text-anchor': 'middle' }, fmtShort(c.date)),
      );
  });
  return svg;
}
