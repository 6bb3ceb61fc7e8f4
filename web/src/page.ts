/**
 * The page's fixed elements (web/index.html), looked up once by id. A missing id is an error at start-up
 * naming it, not a null deep inside a handler.
 */

export interface Page {
  status: HTMLElement;
  storyList: HTMLElement;
  storiesEmpty: HTMLElement;
  searchForm: HTMLFormElement;
  searchQ: HTMLInputElement;
  searchResults: HTMLElement;
  searchClose: HTMLButtonElement;
  searchHits: HTMLElement;
  story: HTMLElement;
  storyTitle: HTMLElement;
  storyMeta: HTMLElement;
  exportJson: HTMLAnchorElement;
  exportMarkdown: HTMLAnchorElement;
  exportTimelinejs: HTMLAnchorElement;
  coverageChart: HTMLElement;
  filters: HTMLFormElement;
  fEntity: HTMLSelectElement;
  fSource: HTMLSelectElement;
  fFrom: HTMLInputElement;
  fTo: HTMLInputElement;
  timeline: HTMLElement;
  timelineHeading: HTMLElement;
  timelineCount: HTMLElement;
  timelineEmpty: HTMLElement;
  entityGraph: HTMLElement;
  pairs: HTMLElement;
  quotes: HTMLElement;
  addForm: HTMLFormElement;
  aText: HTMLTextAreaElement;
  aStory: HTMLSelectElement;
  aToken: HTMLInputElement;
  addSubmit: HTMLButtonElement;
  addStatus: HTMLElement;
}

/** Every key of Page, for the look-up (the compiler checks none is missing). */
const KEYS: Record<keyof Page, true> = {
  status: true,
  storyList: true,
  storiesEmpty: true,
  searchForm: true,
  searchQ: true,
  searchResults: true,
  searchClose: true,
  searchHits: true,
  story: true,
  storyTitle: true,
  storyMeta: true,
  exportJson: true,
  exportMarkdown: true,
  exportTimelinejs: true,
  coverageChart: true,
  filters: true,
  fEntity: true,
  fSource: true,
  fFrom: true,
  fTo: true,
  timeline: true,
  timelineHeading: true,
  timelineCount: true,
  timelineEmpty: true,
  entityGraph: true,
  pairs: true,
  quotes: true,
  addForm: true,
  aText: true,
  aStory: true,
  aToken: true,
  addSubmit: true,
  addStatus: true,
};

/** "storyList" → "story-list", "fEntity" → "f-entity". */
const idOf = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function findPage(doc: Document): Page {
  const page: Record<string, Element> = {};
  for (const key of Object.keys(KEYS)) {
    const el = doc.getElementById(idOf(key));
    if (!el) throw new Error(`the page has no element #${idOf(key)}`);
    page[key] = el;
  }
  return page as unknown as Page;
}
