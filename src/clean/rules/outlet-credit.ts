import type { CleanRule } from '../types.js';
import { leadingName, noteOutlet } from '../outlet.js';

/** "(Photo: Lars Menning/Harbour Gazette)", "Photograph: Ann Vik/Coast Post", "Image by A. Roe / Kelvik Courier". */
const CREDIT_RE =
  /\b(?:photo(?:graph)?s?|images?|pictures?|picture|credit|foto)\s*(?:by|:|-)\s*[^/()\n]{2,40}?\s*\/\s*([^/()\n]{2,40}?)\s*\)?\s*\.?\s*$/i;
/** Picture agencies and libraries: a photo from them says nothing about who published the story. */
const PICTURE_AGENCY =
  /^(?:getty(?: images)?|shutterstock|alamy|istock(?:photo)?|epa(?:-efe)?|unsplash|pexels|zuma(?: press)?|sipa|rex features|pool)$/i;

export const outletCreditRule: CleanRule = {
  name: 'outlet-credit',
  description:
    'the outlet in a photo credit ("Photo: A. Roe/Harbour Gazette"); weak evidence for the outlet rule',
  apply(ctx) {
    if (ctx.article.source || ctx.article.linesAreSentences) return;
    for (const line of ctx.lines) {
      const m = CREDIT_RE.exec(line.text);
      if (!m) continue;
      const name = leadingName(m[1]);
      if (name && !PICTURE_AGENCY.test(name)) noteOutlet(ctx.article, name, 'credit');
    }
  },
};
