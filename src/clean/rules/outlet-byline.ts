import type { CleanRule } from '../types.js';
import { knownOutletByName } from '../outlets.js';
import { leadingName, noteOutlet, OUTLET_WORD, outletOfByline } from '../outlet.js';

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PERSON = String.raw`${NAME}(?:\s+(?:${NAME}|de|da|van|von|der|bin|al|el))*`;
const PEOPLE = String.raw`${PERSON}(?:\s*(?:,|and|&)\s*${PERSON})*?`;
/** "By Jane Roe | Harbour Gazette", "By Jane Roe, Reuters", "By Jane Roe - Live Science Contributor". */
const BY_RE = new RegExp(String.raw`^\s*(?:By|BY)\s+${PEOPLE}(\s*[,|/]\s*|\s+[-–—]\s+)(.+?)\s*$`, 'u');
/** A date line that ends with its outlet: "Updated on: May 2, 2024 / 10:07 AM / Harbour Gazette", "... | Source: X". */
const DATED_RE = /\s(?:\/|\|)\s*(?:source:\s*)?([^/|]{2,50}?)\s*$/i;
/** "Tom Roe, Harbour Gazette staff writer": a name, then an outlet with a job title or a web name. */
const NAMED_RE = new RegExp(String.raw`^\s*(${NAME}(?:\s+${NAME}){1,3}),\s+(.+?)\s*$`, 'u');
const DATE_OR_TIME = /\d{1,2}[:/.]\d{1,2}|\b\d{4}\b|\b(?:ago|updated|published|posted)\b/i;
/** A day or a time (not just a year): the line is a date line. */
const DAY_OR_TIME =
  /\d{1,2}[:/.]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;

/**
 * Bylines that name the outlet after the writer. Without "By", the part after the comma must carry a job
 * title, be a web name, a known outlet or hold a word common in outlets' names ("Gazette", "News"), or be a
 * single word on the line under the headline, so "Anna Berg, Mayor of Kelvik" is not an outlet.
 */
export const outletBylineRule: CleanRule = {
  name: 'outlet-byline',
  description: 'the outlet named in a byline ("By Jane Roe | Harbour Gazette"); evidence for the outlet rule',
  apply(ctx) {
    if (ctx.article.source || ctx.article.linesAreSentences) return;
    // Just under the headline, "Tomas Vell, Nordwire" is a byline even without a job title.
    const title = ctx.article.title?.trim();
    const titleAt = title ? ctx.lines.findIndex((l) => l.text.trim() === title) : -1;
    const underTitle = (i: number) =>
      titleAt >= 0 && i > titleAt && ctx.lines.slice(titleAt + 1, i).filter((l) => l.text.trim()).length < 2;
    for (let i = 0; i < ctx.lines.length; i++) {
      const t = ctx.lines[i].text.trim();
      if (!t || t.length > 120 || t.split(/\s+/).length > 16) continue;
      if (DATE_OR_TIME.test(t)) {
        const d = DAY_OR_TIME.test(t) ? DATED_RE.exec(t) : null;
        const name = d && !DATE_OR_TIME.test(d[1]) ? leadingName(d[1], 5) : null;
        if (name && name === d![1].trim()) noteOutlet(ctx.article, name, 'byline');
        continue;
      }
      const by = BY_RE.exec(t);
      if (by) {
        const o = outletOfByline(by[2]);
        // After a comma, two or three plain capitalised words are as likely a second writer.
        const outlet =
          o &&
          (by[1].trim() !== ',' ||
            o.role ||
            !o.name.includes(' ') ||
            OUTLET_WORD.test(o.name) ||
            knownOutletByName(o.name));
        if (outlet) noteOutlet(ctx.article, o.name, 'byline');
        continue;
      }
      const named = NAMED_RE.exec(t);
      if (!named) continue;
      const o = outletOfByline(named[2]);
      const single = o !== null && !o.name.includes(' ') && underTitle(i);
      if (
        o &&
        (o.role ||
          single ||
          /\.[a-z]{2,}$/i.test(o.name) ||
          OUTLET_WORD.test(o.name) ||
          knownOutletByName(o.name))
      )
        noteOutlet(ctx.article, o.name, 'byline');
    }
  },
};
