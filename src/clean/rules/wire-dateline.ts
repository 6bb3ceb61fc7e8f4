import type { CleanRule } from '../types.js';
import { headIndices, liveIndices, wordCount } from '../types.js';

/**
 * Wire-copy headers at the start of the first lines, as they appear in research corpora whose text was
 * tokenised Penn-Treebank style (brackets as -LRB- / -RRB-, commas spaced, "--" dashes) and in copied
 * agency pages:
 * - a page timestamp, with or without the place and a bar before it:
 *   "KELVIK | Thu Feb 3 , 2011 4:05 pm EST ...", "Mon Jun 6 , 2011 9:40 am BST ...";
 * - the dateline that follows, tokenised or not: "GENEVA -LRB- Reuters -RRB- - ", "Cairo , Egypt -LRB-
 *   CNN -RRB- -- ", "LONDON May 11 -LRB- Reuters -RRB- - ", "WASHINGTON -- WASHINGTON -LRB- AP -RRB- -- ".
 * The header is cut off and the sentence after it kept; the agency becomes article.source. The ordinary
 * "GENEVA, March 3 (Reuters) -" form is the dateline rule's.
 */
const LP = String.raw`(?:\(|-LRB-)\s*`;
const RP = String.raw`\s*(?:\)|-RRB-)`;
const DASH = String.raw`\s*(?:--?|–|—)\s+`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?`;
const WORD = String.raw`[A-Z][\p{L}.'’\\/-]*`;
const PLACE = String.raw`${WORD}(?:\s+${WORD}){0,5}(?:\s*,\s*${WORD}(?:\s+${WORD}){0,2}){0,2}`;
/** Agencies and outlets whose name in brackets makes a mixed-case place a dateline (a fact list). */
const KNOWN_AGENCY =
  /^(?:Reuters(?: Life !?)?|AP|AFP|CNN|CNNMoney\.com|BBC|Bloomberg|DPA|Xinhua|UPI|PA|ANSA|EFE|Kyodo)$/;

/** "Tue Mar 29 , 2011 7:12 pm EDT", "Thu , Oct 20 19:15 PM EDT", optionally after "PLACE | ". */
const TIMESTAMP_RE = new RegExp(
  String.raw`^\s*(?:[^|\n]{2,80}?\s+\|\s+)?${WEEKDAY}\s*,?\s+${MONTH}\s+\d{1,2}(?:\s*,\s*\d{4})?\s+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s+[A-Z]{2,4}\s+`,
  'u',
);
/**
 * A teaser cut off with an ellipsis, or a byline, glued before the dateline: "Crews fought the ...
 * HOUSTON (AP) --", "By Ana Ruiz and Tom Lee WASHINGTON (Reuters) -".
 */
const TEASER_RE = /^\s*(?:By\s+\S[^\n]{0,80}?|\S[^\n]{0,200}?\s\.\.\.)\s+(?=\p{Lu}{2,})/u;
/** "AP COVINGTON , La. -- " or "WASHINGTON -- " before the agency dateline proper. */
const LEAD_RE = new RegExp(String.raw`^\s*(?:AP\s+)?(${PLACE})${DASH}(?=\S)`, 'u');
const AGENCY_DATELINE_RE = new RegExp(
  String.raw`^\s*(?:(${PLACE})\s*,?\s+)?(?:${MONTH}\s+\d{1,2}\s*)?${LP}([A-Za-z][\w .&!'-]{0,30}?)${RP}${DASH}(?=\S)`,
  'u',
);

/**
 * The wire header at the start of a line, if any: what to cut, the agency, and the rest. Near the top any
 * bracketed name will do when the place is in capitals or dated; further down (pages that string several
 * wire stories together) only a known agency or a place in capitals.
 */
function wireHeader(
  text: string,
  inHead: boolean,
): { cut: string; agency: string | null; rest: string } | null {
  let line = text;
  let cut = '';
  let agency: string | null = null;
  const take = (n: number) => {
    cut += line.slice(0, n);
    line = line.slice(n);
  };
  // Garbled pages repeat the header ("Jul (Reuters) - CAIRO | Thu Jul 7 ... CAIRO (Reuters) -"): peel up to
  // three layers.
  for (let round = 0; round < 3; round++) {
    const before = cut.length;
    const stamp = TIMESTAMP_RE.exec(line);
    if (stamp) take(stamp[0].length);
    const teaser = TEASER_RE.exec(line);
    for (const skip of teaser ? [0, teaser[0].length] : [0]) {
      const view = line.slice(skip);
      const direct = AGENCY_DATELINE_RE.exec(view);
      const lead = direct ? null : LEAD_RE.exec(view);
      const m = direct ?? (lead && AGENCY_DATELINE_RE.exec(view.slice(lead[0].length)));
      if (!m) continue;
      const place = m[1] ?? '';
      const name = m[2].trim();
      const first = place.split(/\s/)[0];
      const caps = first.length >= 2 && first === first.toUpperCase() && /\p{Lu}{2}/u.test(first);
      const dated = /\d/.test(m[0]);
      const ok = KNOWN_AGENCY.test(name) || caps || (inHead && (!place || dated));
      if (!ok || (skip && !caps)) continue;
      take(skip + (lead ? lead[0].length : 0) + m[0].length);
      agency ??= name;
      break;
    }
    if (cut.length === before) break;
  }
  // Keep what follows only when it is a sentence, not a bare fragment.
  if (!cut || wordCount(line) < 3) return null;
  return { cut, agency, rest: line };
}

/**
 * Every header starts with a weekday or has a bar or a bracket in its first few hundred characters: a
 * cheap test first (the rule runs on every line).
 */
const MARK_RE = /[|(]|-LRB-|^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)/;
const HEADER_SPAN = 320;

export const wireDatelineRule: CleanRule = {
  name: 'wire-dateline',
  description:
    'wire page timestamps and tokenised datelines ("KELVIK | Thu Feb 3 , 2011 4:05 pm EST KELVIK -LRB- Nordwire -RRB- -"); fills article.source',
  apply(ctx) {
    const head = new Set(headIndices(ctx, 4));
    for (const i of liveIndices(ctx)) {
      const t = ctx.lines[i].text;
      if (!MARK_RE.test(t.length > HEADER_SPAN ? t.slice(0, HEADER_SPAN) : t)) continue;
      const r = wireHeader(t, head.has(i));
      if (!r) continue;
      if (r.agency) ctx.article.source ??= r.agency.replace(/\s+Life\s*!?$/, '');
      ctx.article.removed.push({ rule: 'wire-dateline', text: r.cut.trim() });
      ctx.lines[i].text = r.rest;
    }
  },
};
