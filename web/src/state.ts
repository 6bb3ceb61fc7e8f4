/**
 * What the page shows, kept in the URL so a view can be shared: the story, its filters, the number of
 * dates and the search terms. Pure: parsed from and written to query strings.
 */

export const FILTERS = ['entity', 'source', 'from', 'to'] as const;
export type Filter = (typeof FILTERS)[number];

export interface ViewState {
  story: string;
  entity: string;
  source: string;
  from: string;
  to: string;
  /** How many dates to show: no control on the page, but kept from the URL. */
  dates: string;
  q: string;
}

export const emptyState = (story = ''): ViewState => ({
  story,
  entity: '',
  source: '',
  from: '',
  to: '',
  dates: '',
  q: '',
});

export function readState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const st = emptyState(p.get('story') || '');
  st.q = p.get('q') || '';
  st.dates = p.get('dates') || '';
  for (const f of FILTERS) st[f] = p.get(f) || '';
  return st;
}

/** The query string for a state ('' when nothing is set), in a stable order. */
export function stateQuery(st: ViewState): string {
  const p = new URLSearchParams();
  for (const k of ['story', ...FILTERS, 'dates', 'q'] as const) if (st[k]) p.set(k, st[k]);
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** The timeline request's parameters: the filters and the number of dates. */
export function timelineParams(st: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  for (const f of [...FILTERS, 'dates'] as const) if (st[f]) p.set(f, st[f]);
  return p;
}

export const isFiltered = (st: ViewState): boolean => FILTERS.some((f) => st[f]);

/** "filtered by entity Ana Ruiz, source Harbour Post", or '' when no filter is set. */
export function filterText(st: ViewState): string {
  const on = FILTERS.filter((f) => st[f]).map((f) => `${f} ${st[f]}`);
  return on.length ? `filtered by ${on.join(', ')}` : '';
}
