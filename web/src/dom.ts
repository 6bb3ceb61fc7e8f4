/**
 * Building DOM nodes: elements with attributes and children, where strings always become text nodes, so
 * data from the API can never become markup (the app never sets innerHTML). Uses the ambient `document`
 * (the browser's, or linkedom's in the view tests).
 */

export type Child = Node | string | null | undefined | false | readonly Child[];
type Listener = (ev: Event) => void;
export type AttrValue = string | number | boolean | null | undefined | Listener | Record<string, string>;
export type Attrs = Record<string, AttrValue>;

export const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset' && typeof v === 'object') Object.assign((el as HTMLElement).dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function flat(children: readonly Child[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) out.push(...flat(c));
    else out.push(c as Node | string);
  }
  return out;
}

/** An HTML element; `text` sets its text, `onclick`-style keys add listeners, `dataset` sets data-*. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  el.append(...flat(children));
  return el;
}

/** An SVG element (same attributes as h). */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  el.append(...flat(children));
  return el;
}

/** Several nodes as one, to hand to replaceChildren. */
export function fragment(...children: Child[]): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(...flat(children));
  return f;
}
