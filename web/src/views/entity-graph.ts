/**
 * Who appears with whom: the strongest co-occurrence links drawn as a ring of names (a node toggles the
 * entity filter, by mouse or keyboard), and the pairs listed in text below.
 */
import type { EntitiesResponse } from '../api.js';
import { fragment, h, s } from '../dom.js';
import { plural } from '../format.js';

export interface EntityGraphProps {
  entities: EntitiesResponse['entities'];
  pairs: EntitiesResponse['cooccurrence'];
  activeEntity: string;
  onEntity: (name: string) => void;
}

/** A readable picture, not a hairball: at most this many links among this many names. */
export const MAX_LINKS = 14;
export const MAX_NAMES = 9;
export const MAX_PAIRS_LISTED = 12;

const W = 460;
const H = 260;

/** The strongest links whose names fit in the picture. */
export function chooseLinks(pairs: EntityGraphProps['pairs']) {
  const names: string[] = [];
  const chosen: EntityGraphProps['pairs'] = [];
  for (const p of pairs) {
    if (chosen.length >= MAX_LINKS) break;
    const fresh = [p.a, p.b].filter((n) => !names.includes(n));
    if (names.length + fresh.length > MAX_NAMES) continue;
    names.push(...fresh);
    chosen.push(p);
  }
  return { names, chosen };
}

/** The pairs as text, for `#pairs`. */
export function renderPairs(pairs: EntityGraphProps['pairs']): DocumentFragment {
  return fragment(
    pairs
      .slice(0, MAX_PAIRS_LISTED)
      .map((p) =>
        h(
          'li',
          {},
          h('span', { class: 'pair', text: `${p.a} & ${p.b}` }),
          h('span', { class: 'muted', text: ` ${plural(p.articles, 'article')}` }),
        ),
      ),
  );
}

/** The picture, for `#entity-graph`. */
export function render({ entities, pairs, activeEntity, onEntity }: EntityGraphProps): Element {
  const { names, chosen } = chooseLinks(pairs);
  if (!names.length)
    return h('p', { class: 'muted', text: 'Not enough people or organisations mentioned together yet.' });
  const cx = W / 2;
  const cy = H / 2;
  const R = Math.min(W / 2 - 130, H / 2 - 28);
  const mentions = new Map<string, number>();
  for (const e of entities) mentions.set(e.name, (mentions.get(e.name) ?? 0) + e.mentions);
  const maxM = Math.max(1, ...names.map((n) => mentions.get(n) || 1));
  const maxP = Math.max(1, ...chosen.map((p) => p.articles));
  const pos = new Map(
    names.map((n, i) => {
      const a = (2 * Math.PI * i) / names.length - Math.PI / 2;
      return [n, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a }];
    }),
  );
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    class: 'graph-svg',
    'aria-label': `Who appears with whom: ${chosen.length} links among ${names.length} names; listed below.`,
  });
  for (const p of chosen) {
    const A = pos.get(p.a)!;
    const B = pos.get(p.b)!;
    svg.append(
      s('line', {
        x1: A.x,
        y1: A.y,
        x2: B.x,
        y2: B.y,
        class: 'edge',
        'stroke-width': 1 + (4 * p.articles) / maxP,
      }),
    );
  }
  for (const n of names) {
    const P = pos.get(n)!;
    const r = 4 + (8 * (mentions.get(n) || 1)) / maxM;
    const toggle = () => onEntity(activeEntity === n ? '' : n);
    const right = Math.cos(P.a) >= -0.01;
    const g = s(
      'g',
      {
        class: activeEntity === n ? 'node active' : 'node',
        tabindex: '0',
        role: 'button',
        'aria-label': `Filter by ${n}`,
        onclick: toggle,
        onkeydown: (ev) => {
          const key = (ev as KeyboardEvent).key;
          if (key === 'Enter' || key === ' ') {
            ev.preventDefault();
            toggle();
          }
        },
      },
      s('circle', { cx: P.x, cy: P.y, r }),
      s(
        'text',
        { x: P.x + (right ? r + 4 : -r - 4), y: P.y + 4, 'text-anchor': right ? 'start' : 'end' },
        n.length > 18 ? n.slice(0, 17) + '…' : n,
      ),
    );
    svg.append(g);
  }
  return svg;
}
