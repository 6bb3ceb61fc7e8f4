/**
 * A browser-less DOM for the web app's view tests: linkedom's document installed as the global `document`
 * the views build nodes with (each test file runs in its own process, so nothing leaks between files).
 */
import { parseHTML } from 'linkedom';

export function installDom(): Document {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  (globalThis as { document?: unknown }).document = document;
  return document as unknown as Document;
}

/** A fragment or node placed in a fresh container, to query it like the page would. */
export function mount(node: Node, tag = 'div'): Element {
  const box = document.createElement(tag);
  box.append(node);
  return box;
}

export const texts = (root: ParentNode, selector: string): string[] =>
  Array.from(root.querySelectorAll(selector)).map((e) => e.textContent ?? '');
