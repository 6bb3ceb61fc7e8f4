import type { CleanRule } from '../types.js';
import { leadingName, noteOutlet } from '../outlet.js';

/** "© 2024 Harbour Gazette. All rights reserved.", "Copyright 2024, The Coast Post | Terms", "2024 Kelvik Courier, Inc. All Rights Reserved". */
const MARK_RE = /(?:©|\(c\)|\bcopyright\b)/i;
const RESERVED_RE = /\ball rights reserved\b/i;
const PREFIX_RE = /^.*?(?:©|\(c\)|\bcopyright\b)\s*/i;
const YEAR_RE = /^(?:\d{4}(?:\s*[-–]\s*\d{4})?)[,.]?\s*/;

export const outletCopyrightRule: CleanRule = {
  name: 'outlet-copyright',
  description: 'the holder of a copyright footer ("© 2024 Harbour Gazette"); evidence for the outlet rule',
  apply(ctx) {
    if (ctx.article.source || ctx.article.linesAreSentences) return;
    for (const line of ctx.lines) {
      const t = line.text.trim();
      if (t.length > 250 || !(MARK_RE.test(t) || RESERVED_RE.test(t))) continue;
      // A footer states a year or reserves rights; "© Ann Vik" alone credits a photograph.
      if (!/\b(?:19|20)\d\d\b/.test(t) && !RESERVED_RE.test(t)) continue;
      let rest = t;
      // Marks, years and "All rights reserved" may come in any order before the holder's name.
      for (let k = 0; k < 4; k++)
        rest = rest
          .replace(PREFIX_RE, '')
          .replace(YEAR_RE, '')
          .replace(/^(?:by\s+|all rights reserved[.,]?\s*)/i, '')
          .trim();
      const name = leadingName(rest.replace(/\s*[.,]?\s*all rights reserved.*$/i, ''));
      if (name) noteOutlet(ctx.article, name, 'copyright');
    }
  },
};
