import type { CleanRule } from '../types.js';
import { headIndices } from '../types.js';

/**
 * Wire datelines at the start of the first paragraph: "GENEVA, March 3 (Reuters) -", "BRUSSELS, Feb 12
 * (Reuters) —", "NEW YORK (AP) —", "Paris, 4 March (AFP) -". The agency becomes article.source; the rest
 * of the paragraph stays.
 */
const DATELINE_RE =
  /^\s*([A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}(?:,\s*[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?)(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?\s*\(([A-Za-z][\w .&'-]{0,40})\)\s*[-–—]+\s*/;
/** Without an agency the city must be in capitals: "KELVIK — Boats ..." */
const CITY_ONLY_RE =
  /^\s*([A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}),?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*[–—]+\s+(?=\S)/;

export const datelineRule: CleanRule = {
  name: 'dateline',
  description: 'a wire dateline "GENEVA, March 3 (Reuters) -" at the start of the text; fills article.source',
  apply(ctx) {
    for (const i of headIndices(ctx, 6)) {
      const line = ctx.lines[i].text;
      const m = DATELINE_RE.exec(line) ?? CITY_ONLY_RE.exec(line);
      if (!m) continue;
      // A mixed-case "city" needs a date to be a dateline ("Paris, 4 March (AFP) -"), not "The Agency (OSPRA) -".
      if (m[1] !== m[1].toUpperCase() && !/\d/.test(m[0])) continue;
      const rest = line.slice(m[0].length);
      if (!rest.trim()) continue;
      if (m[2]) ctx.article.source ??= m[2].trim();
      ctx.article.removed.push({ rule: 'dateline', text: m[0].trim() });
      ctx.lines[i].text = rest;
      return;
    }
  },
};
