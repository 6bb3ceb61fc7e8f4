/**
 * The part of the DOM that Node code uses on documents parsed by linkedom (page extraction, publication
 * dates, dataset readers). Declared here, structurally, because the Node tsconfig has no `DOM` lib: with
 * it, browser globals (`document`, `window`, `location`) type-checked in server code and went unnoticed.
 * linkedom's own typings say `Window & typeof globalThis`, so parsed documents are cast to these once.
 */

export interface HtmlNodeList<T> extends Iterable<T> {
  readonly length: number;
  [index: number]: T;
  forEach(fn: (value: T, index: number) => void): void;
}

export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  textContent: string | null;
  readonly parentNode: HtmlNode | null;
  readonly parentElement: HtmlElement | null;
  readonly childNodes: HtmlNodeList<HtmlNode>;
  readonly firstChild: HtmlNode | null;
  readonly nextSibling: HtmlNode | null;
  readonly ownerDocument: HtmlDocument | null;
  remove(): void;
  appendChild<T extends HtmlNode>(node: T): T;
  insertBefore<T extends HtmlNode>(node: T, child: HtmlNode | null): T;
  removeChild<T extends HtmlNode>(child: T): T;
  contains(other: HtmlNode | null): boolean;
}

export interface HtmlParent {
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): HtmlNodeList<HtmlElement>;
  getElementsByTagName(name: string): HtmlNodeList<HtmlElement>;
  readonly children: HtmlNodeList<HtmlElement>;
  readonly firstElementChild: HtmlElement | null;
}

export interface HtmlElement extends HtmlNode, HtmlParent {
  readonly tagName: string;
  readonly localName: string;
  id: string;
  className: string;
  innerHTML: string;
  readonly outerHTML: string;
  readonly nextElementSibling: HtmlElement | null;
  readonly previousElementSibling: HtmlElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  closest(selectors: string): HtmlElement | null;
  matches(selectors: string): boolean;
  append(...nodes: (HtmlNode | string)[]): void;
  prepend(...nodes: (HtmlNode | string)[]): void;
  after(...nodes: (HtmlNode | string)[]): void;
  replaceWith(...nodes: (HtmlNode | string)[]): void;
}

export interface HtmlDocument extends HtmlNode, HtmlParent {
  readonly documentElement: HtmlElement | null;
  readonly head: HtmlElement | null;
  readonly body: HtmlElement | null;
  title: string;
  createElement(tagName: string): HtmlElement;
  createTextNode(data: string): HtmlNode;
  getElementById(id: string): HtmlElement | null;
}

/** Node types (the DOM's constants, which need no lib to name). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
