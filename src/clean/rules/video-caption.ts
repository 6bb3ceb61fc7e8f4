import type { CleanRule } from '../types.js';
import { liveIndices, wordCount } from '../types.js';

/**
 * Video captions at the start of a line: an optional reporter credit, the clip's headline, its running
 * time and date, then the clip's description: "Ana Ruiz , Reuters Storm hits the coast (1:46) Nov. 16 -
 * Crews worked through the night ..." (also with Penn-Treebank brackets, -LRB- 1:46 -RRB-). The
 * credit, headline, time and date are cut; the description stays when it is a sentence. Also the
 * agencies' "PLEASE NOTE: ... unable to independently verify ... this video" notices.
 */
const LP = String.raw`(?:\(|-LRB-)\s*`;
const RP = String.raw`\s*(?:\)|-RRB-)`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const CAPTION_RE = new RegExp(
  String.raw`^\s*(?:\S.{0,180}?\s)?${LP}\d{1,2}:\d{2}${RP}\s+${MONTH}\s+\d{1,2}\s*(?:--?|–|—|:)\s*`,
  'u',
);
const VERIFY_NOTICE_RE =
  /^\s*(?:please )?note\s*:.*\b(?:unable to|cannot|could not|can ?not)\s+(?:be\s+)?(?:independently\s+)?verif/i;

/** Cheap tests first (the rule runs on every line): a running time, or the word "verify". */
const RUNNING_TIME_RE = /\d:\d\d/;
const VERIFY_RE = /verif/i;

export const videoCaptionRule: CleanRule = {
  name: 'video-caption',
  description:
    'video captions "Headline (1:46) Nov. 16 - ..." at the start of a line, and video verification notices',
  apply(ctx) {
    for (const i of liveIndices(ctx)) {
      const t = ctx.lines[i].text;
      if (VERIFY_RE.test(t) && wordCount(t) <= 40 && VERIFY_NOTICE_RE.test(t)) {
        ctx.remove(i, 'video-caption');
        continue;
      }
      const m = RUNNING_TIME_RE.test(t) ? CAPTION_RE.exec(t) : null;
      if (!m) continue;
      const rest = t.slice(m[0].length);
      if (wordCount(rest) >= 4) {
        ctx.article.removed.push({ rule: 'video-caption', text: m[0].trim() });
        ctx.lines[i].text = rest;
      } else ctx.remove(i, 'video-caption');
    }
  },
};
